package io.coldtrace.api.units;

import com.google.auto.service.AutoService;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.Uses;
import io.coldtrace.api.profiles.ProfilesFeature;
import io.coldtrace.api.sites.SitesFeature;

/** Units: cold rooms and truck compartments, with their limit profile. */
@AutoService(ApiFeature.class)
@Uses({ProfilesFeature.class, SitesFeature.class})
public final class UnitsFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new UnitRoutes(k.db()).register(routes);
    }
}
