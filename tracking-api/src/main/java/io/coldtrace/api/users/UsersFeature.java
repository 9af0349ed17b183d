package io.coldtrace.api.users;

import com.google.auto.service.AutoService;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.Uses;
import io.coldtrace.api.orgs.OrgsFeature;

/** Users and their tokens: admins create, list and disable them. */
@AutoService(ApiFeature.class)
@Uses(OrgsFeature.class)
public final class UsersFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new UserRoutes(k.db()).register(routes);
    }
}
