package io.coldtrace.api.genealogy;

import com.google.auto.service.AutoService;
import io.coldtrace.api.events.EventsFeature;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.Uses;

/**
 * Genealogy for QA (issue 8 §1): backward and forward traces of a lot, harvest batch or plot with the quantity on
 * every hop, and each lot's mass balance with the lots out of balance listed. Reads the lot projections of the event
 * ledger; recall cases start from these traces. Traces cross into another organisation's lots where goods were handed
 * over to it and it granted the tracing organisation (issue 8 §6: trace grants).
 */
@AutoService(ApiFeature.class)
@Uses(EventsFeature.class)
public final class GenealogyFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new GenealogyRoutes(k.db()).register(routes);
        new GrantRoutes(k.db(), k.clock()).register(routes);
    }
}
