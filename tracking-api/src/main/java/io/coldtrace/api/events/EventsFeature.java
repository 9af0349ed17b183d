package io.coldtrace.api.events;

import com.google.auto.service.AutoService;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.Uses;
import io.coldtrace.api.orgs.OrgsFeature;

/**
 * The event ledger (issue 7 §2): append-only traceability events with a per-organisation hash chain; lots, custody,
 * recall and EPCIS export build on it. Chain heads are anchored outside the chain every
 * {@code COLDTRACE_ANCHOR_INTERVAL_S} ({@link ChainAnchors}).
 */
@AutoService(ApiFeature.class)
@Uses(OrgsFeature.class)
public final class EventsFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        ChainAnchors anchors = new ChainAnchors(k.db(), k.config().anchor(), k.clock());
        new EventRoutes(k.db(), k.config().anchor(), anchors).register(routes);
        anchors.schedule(k.vertx());
    }
}
