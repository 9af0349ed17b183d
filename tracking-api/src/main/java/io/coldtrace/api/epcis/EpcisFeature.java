package io.coldtrace.api.epcis;

import com.google.auto.service.AutoService;
import io.coldtrace.api.custody.CustodyFeature;
import io.coldtrace.api.events.EventsFeature;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.Uses;
import io.coldtrace.api.orgs.OrgsFeature;

/**
 * EPCIS 2.0 JSON-LD from and into the event ledger (issue 8 §5): the export, each event in its CBV form with its event
 * hash ID (a lot's export carries custody's sensor summary per leg), the query subset at the REST binding's
 * {@code /epcis/events}, and capture of partners' documents through the bulk import. docs/epcis.md has the mappings.
 */
@AutoService(ApiFeature.class)
@Uses({EventsFeature.class, CustodyFeature.class, OrgsFeature.class})
public final class EpcisFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new EpcisRoutes(k.db(), k.config().publicBaseUrl()).register(routes);
        new CaptureRoutes(k.db(), k.cpu()).register(routes);
    }
}
