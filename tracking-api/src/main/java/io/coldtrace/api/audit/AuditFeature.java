package io.coldtrace.api.audit;

import com.google.auto.service.AutoService;
import io.coldtrace.api.certifications.CertificationsFeature;
import io.coldtrace.api.custody.CustodyFeature;
import io.coldtrace.api.events.EventsFeature;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.Uses;
import io.coldtrace.api.recall.RecallFeature;

/**
 * Audit packs (issue 8 §4): one ZIP per lot or recall case with every event of the lot(s) and their ancestors (seq,
 * hash, previous hash), custody with the temperature summary per leg, certifications, the chain verification the
 * buyer's page shows, for a case its frozen scope, acknowledgements and effectiveness, a bilingual PDF report, and a
 * manifest of each file's SHA-256. The same data and as-of time give the same bytes.
 */
@AutoService(ApiFeature.class)
@Uses({EventsFeature.class, CustodyFeature.class, CertificationsFeature.class, RecallFeature.class})
public final class AuditFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new AuditRoutes(k.db(), k.cpu(), k.clock()).register(routes);
    }
}
