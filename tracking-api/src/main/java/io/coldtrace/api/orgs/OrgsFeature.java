package io.coldtrace.api.orgs;

import com.google.auto.service.AutoService;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;

/** Organisations: admins create and list them. */
@AutoService(ApiFeature.class)
public final class OrgsFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new OrgRoutes(k.db()).register(routes);
    }
}
