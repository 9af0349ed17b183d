package io.coldtrace.api.record;

import com.google.auto.service.AutoService;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.Uses;
import io.coldtrace.api.history.HistoryFeature;

/** The inspector's daily temperature record of a unit, as CSV or PDF. */
@AutoService(ApiFeature.class)
@Uses(HistoryFeature.class)
public final class RecordFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new RecordRoutes(k.db(), k.cpu(), k.clock()).register(routes);
    }
}
