package io.coldtrace.api.products;

import com.google.auto.service.AutoService;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.Uses;
import io.coldtrace.api.orgs.OrgsFeature;
import io.coldtrace.api.sites.SitesFeature;

/** Products: names, commodity, GTIN, unit of measure, temperature class and shelf-life model. */
@AutoService(ApiFeature.class)
@Uses({OrgsFeature.class, SitesFeature.class})
public final class ProductsFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new ProductRoutes(k.db()).register(routes);
    }
}
