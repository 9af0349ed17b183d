package io.coldtrace.api.recall;

import com.google.auto.service.AutoService;
import io.coldtrace.api.custody.CustodyFeature;
import io.coldtrace.api.events.EventsFeature;
import io.coldtrace.api.genealogy.GenealogyFeature;
import io.coldtrace.api.history.HistoryFeature;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.Uses;
import io.coldtrace.api.orgs.OrgsFeature;

/**
 * Recall cases (issue 8 §3): opened from seed lots, an exposure or an alarm, scoped forward to every derived lot and
 * every buyer who received any, frozen with its SHA-256; lots in scope of a recall (not a drill) are on hold
 * ({@code events.Holds}) until the case is released; buyers are notified through the webhook outbox when the case is
 * recalled, and their acknowledgements, returns and destructions give the case's effectiveness.
 */
@AutoService(ApiFeature.class)
@Uses({EventsFeature.class, GenealogyFeature.class, CustodyFeature.class, HistoryFeature.class, OrgsFeature.class})
public final class RecallFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new RecallRoutes(k.db(), k.clock()).register(routes);
    }
}
