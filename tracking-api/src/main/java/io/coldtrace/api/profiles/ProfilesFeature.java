package io.coldtrace.api.profiles;

import com.google.auto.service.AutoService;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.Uses;
import io.coldtrace.api.orgs.OrgsFeature;
import io.coldtrace.api.sites.SitesFeature;

/** Limit profiles: the bands and rules units are judged by. */
@AutoService(ApiFeature.class)
@Uses({OrgsFeature.class, SitesFeature.class})
public final class ProfilesFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new ProfileRoutes(k.db()).register(routes);
    }
}
