package io.coldtrace.api.overview;

import com.google.auto.service.AutoService;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.Pages;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.RouteTable;

/** The overview: every unit of the caller's organisation with its state; the overview page. */
@AutoService(ApiFeature.class)
public final class OverviewFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new OverviewRoutes(k.db()).register(routes);
        routes.page("/", Policies.READ_OPERATIONS,
                ctx -> ctx.response().setStatusCode(303).putHeader("Location", "/overview").end());
        routes.page("/overview", Policies.READ_OPERATIONS, ctx -> Pages.html(ctx, "overview.html"));
    }
}
