package io.coldtrace.api.plots;

import com.google.auto.service.AutoService;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.Uses;
import io.coldtrace.api.orgs.OrgsFeature;
import io.coldtrace.api.parties.PartiesFeature;
import io.coldtrace.api.sites.SitesFeature;

/** Farm plots of farms and cooperatives: position and area in hectares. */
@AutoService(ApiFeature.class)
@Uses({OrgsFeature.class, SitesFeature.class, PartiesFeature.class})
public final class PlotsFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new PlotRoutes(k.db()).register(routes);
    }
}
