package io.coldtrace.api.assistance;

import com.google.auto.service.AutoService;
import io.coldtrace.api.certifications.CertificationsFeature;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.Uses;
import io.coldtrace.api.labels.LabelsFeature;
import io.coldtrace.api.labels.PublicLinks;
import io.coldtrace.api.orgs.OrgsFeature;
import io.coldtrace.api.parties.PartiesFeature;
import io.coldtrace.api.products.ProductsFeature;

/**
 * Consumption assistance (issue 9 §2, §3): certified assistance products (applications, decisions, re-checks,
 * expiry warnings, the public list and its QR) and the blacklist.
 */
@AutoService(ApiFeature.class)
@Uses({OrgsFeature.class, PartiesFeature.class, ProductsFeature.class, CertificationsFeature.class,
    LabelsFeature.class})
public final class AssistanceFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new ApplicationRoutes(k.db(), k.clock()).register(routes);
        new BlacklistRoutes(k.db(), k.clock()).register(routes);
        new PublicList(k.db(), k.cpu(), k.clock(), new PublicLinks(k.config().publicBaseUrl())).register(routes);
        new ExpiryWarnings(k.db(), k.clock()).schedule(k.vertx());
    }
}
