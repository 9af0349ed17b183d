package io.coldtrace.api.qualitytests;

import com.google.auto.service.AutoService;
import io.coldtrace.api.certifications.CertificationsFeature;
import io.coldtrace.api.events.EventsFeature;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.Uses;

/** Quality tests of lots: residue and lab results, the holds of failed ones, evidence files (issue 9 §3). */
@AutoService(ApiFeature.class)
@Uses({EventsFeature.class, CertificationsFeature.class})
public final class QualityTestsFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new QualityTestRoutes(k.db(), k.clock()).register(routes);
    }
}
