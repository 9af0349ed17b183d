package io.coldtrace.api.labels;

import com.google.auto.service.AutoService;
import io.coldtrace.api.events.EventsFeature;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.Uses;
import org.slf4j.LoggerFactory;

/**
 * Trace codes in print (issue 7 §4): QR images of a lot's public page, GS1 Digital Link resolution, the 1:1 mapping of
 * a national platform's code to a lot, and A4 label sheets. Reads the lot projections the event ledger writes.
 */
@AutoService(ApiFeature.class)
@Uses(EventsFeature.class)
public final class LabelsFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        PublicLinks links = new PublicLinks(k.config().publicBaseUrl());
        if (!links.configured()) {
            LoggerFactory.getLogger(LabelsFeature.class).info("COLDTRACE_PUBLIC_BASE_URL is not set: QR codes and "
                    + "labels point at the address each request came in on; set it before printing labels");
        }
        new QrRoutes(k.db(), k.cpu(), links).register(routes);
        new DigitalLinkRoutes(k.db(), links).register(routes);
        new ExternalCodeRoutes(k.db(), links).register(routes);
        new LabelSheetRoutes(k.db(), k.cpu(), links).register(routes);
    }
}
