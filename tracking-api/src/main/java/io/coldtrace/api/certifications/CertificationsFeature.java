package io.coldtrace.api.certifications;

import com.google.auto.service.AutoService;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.Uses;
import io.coldtrace.api.orgs.OrgsFeature;
import io.coldtrace.api.parties.PartiesFeature;
import io.coldtrace.api.products.ProductsFeature;
import io.coldtrace.api.sites.SitesFeature;

/** Certifications (green food, organic, GI, assistance product, regional brand, compliance certificate). */
@AutoService(ApiFeature.class)
@Uses({OrgsFeature.class, SitesFeature.class, PartiesFeature.class, ProductsFeature.class})
public final class CertificationsFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new CertificationRoutes(k.db(), k.clock()).register(routes);
    }
}
