package io.coldtrace.api.stock;

import com.google.auto.service.AutoService;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.Pages;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.RouteTable;

/** Stock per place, the early warning of unsold produce and emergency matching of buyers (issue 9 §5). */
@AutoService(ApiFeature.class)
public final class StockFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new StockRoutes(k.db(), k.clock()).register(routes);
        routes.page("/stock", Policies.READ_OPERATIONS, ctx -> Pages.html(ctx, "stock.html"));
    }
}
