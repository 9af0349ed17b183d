package io.coldtrace.api.epcis;

import com.google.auto.service.AutoService;
import io.coldtrace.api.custody.CustodyFeature;
import io.coldtrace.api.events.EventsFeature;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.Uses;

/**
 * EPCIS 2.0 JSON-LD export from the event ledger (issue 8 §5): each event in its CBV form with its event hash ID;
 * a lot's export carries custody's sensor summary per leg. docs/epcis.md has the mapping.
 */
@AutoService(ApiFeature.class)
@Uses({EventsFeature.class, CustodyFeature.class})
public final class EpcisFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new EpcisRoutes(k.db(), k.config().publicBaseUrl()).register(routes);
    }
}
