package io.coldtrace.api.live;

import com.google.auto.service.AutoService;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.Uses;
import io.coldtrace.api.alarms.AlarmsFeature;
import io.coldtrace.api.overview.OverviewFeature;

/** The live stream (Server-Sent Events) of readings and alarm events the overview and alarm pages follow. */
@AutoService(ApiFeature.class)
@Uses({AlarmsFeature.class, OverviewFeature.class})
public final class LiveFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new StreamRoutes(new LiveFeed(k.vertx(), k.db(), k.config().db()), k.registry()).register(routes);
    }
}
