package io.coldtrace.api.sites;

import com.google.auto.service.AutoService;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.Uses;
import io.coldtrace.api.orgs.OrgsFeature;

/** Sites: admins create and update them; every role reads its organisation's. */
@AutoService(ApiFeature.class)
@Uses(OrgsFeature.class)
public final class SitesFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new SiteRoutes(k.db()).register(routes);
    }
}
