package io.coldtrace.api.history;

import com.google.auto.service.AutoService;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.Pages;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.RouteTable;

/** Unit history: readings at the right resolution with band and alarm spans, CSV; the unit page. */
@AutoService(ApiFeature.class)
public final class HistoryFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new HistoryRoutes(k.db()).register(routes);
        routes.page("/units/:id", Policies.READ_OPERATIONS, ctx -> Pages.html(ctx, "unit.html"));
    }
}
