package io.coldtrace.api.history;

import com.google.auto.service.AutoService;
import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.Params;
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
        // the page of a unit the caller may not see does not exist, like the unit itself
        routes.page("/units/:id", Policies.READ_OPERATIONS, ctx -> {
            String id = Params.pathText(ctx, "id", HistoryRoutes.MAX_ID);
            Visibility vis = Visibility.of(ctx);
            return k.db().query(c -> UnitLookup.visible(c, id, vis)).compose(unit -> Pages.html(ctx, "unit.html"));
        });
    }
}
