package io.coldtrace.api.parties;

import com.google.auto.service.AutoService;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.Uses;
import io.coldtrace.api.orgs.OrgsFeature;
import io.coldtrace.api.sites.SitesFeature;

/** Parties of the chain (farms, cooperatives, packers, cold store operators, carriers, buyers) with their region. */
@AutoService(ApiFeature.class)
@Uses({OrgsFeature.class, SitesFeature.class})
public final class PartiesFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new PartyRoutes(k.db()).register(routes);
    }
}
