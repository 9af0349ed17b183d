package io.coldtrace.api.lots;

import com.google.auto.service.AutoService;
import io.coldtrace.api.certifications.CertificationsFeature;
import io.coldtrace.api.custody.CustodyFeature;
import io.coldtrace.api.events.EventsFeature;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.Uses;

/**
 * Lots for operators and QA (issue 7 §6): the list with its filters, a lot's page (events, places now, genealogy,
 * hand-overs, certifications, trace code) and the forms that record the common events through the event ledger.
 * Custody and temperature per leg, labels and the buyer's page are features of their own.
 */
@AutoService(ApiFeature.class)
@Uses({EventsFeature.class, CertificationsFeature.class, CustodyFeature.class})
public final class LotsFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new LotRoutes(k.db(), k.clock()).register(routes);
    }
}
