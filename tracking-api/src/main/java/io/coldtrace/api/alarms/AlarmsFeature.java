package io.coldtrace.api.alarms;

import com.google.auto.service.AutoService;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.Pages;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.RouteTable;

/** Alarms: the list, one alarm with its history, acknowledge and resolve; the alarms page. */
@AutoService(ApiFeature.class)
public final class AlarmsFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new AlarmRoutes(k.db()).register(routes);
        routes.page("/alarms", Policies.READ_OPERATIONS, ctx -> Pages.html(ctx, "alarms.html"));
    }
}
