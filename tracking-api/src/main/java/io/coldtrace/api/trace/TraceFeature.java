package io.coldtrace.api.trace;

import com.google.auto.service.AutoService;
import io.coldtrace.api.custody.CustodyFeature;
import io.coldtrace.api.events.EventsFeature;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.Uses;

/**
 * The buyer's page (issue 7 §5): {@code GET /t/{code}} and {@code /t/{code}.json} for anyone who scans a case, and
 * {@code GET /api/v1/trace/suspicious} for QA (codes scanned in far more places than their lot went to).
 */
@AutoService(ApiFeature.class)
@Uses({CustodyFeature.class, EventsFeature.class})
public final class TraceFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        ScanLog scans = new ScanLog(k.vertx(), k.db(), k.registry());
        new TraceRoutes(k.vertx(), k.db(), k.config().trace(), k.clock(), scans).register(routes);
        new SuspiciousRoutes(k.db(), k.config().trace()).register(routes);
    }
}
