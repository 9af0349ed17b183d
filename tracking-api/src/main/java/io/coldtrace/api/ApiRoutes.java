package io.coldtrace.api;

import io.coldtrace.api.auth.BearerGuard;
import io.coldtrace.api.auth.SessionRoutes;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.devices.DeviceRoutes;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.live.LiveFeed;
import io.coldtrace.api.live.StreamRoutes;
import io.coldtrace.api.ops.MetricsRoutes;
import io.coldtrace.api.ops.ProbeRoutes;
import io.coldtrace.api.overview.OverviewRoutes;
import io.coldtrace.api.pages.PageRoutes;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.util.List;

/** Every feature of the API, registered into one route table; add a feature here. */
public final class ApiRoutes {
    private ApiRoutes() {
    }

    public static RouteTable build(Vertx vertx, ApiConfig cfg, BlockingDb db, PrometheusMeterRegistry registry) {
        RouteTable table = new RouteTable(vertx, new BearerGuard(db, cfg.metricsToken()));
        List<RouteTable.Feature> features = List.of(
                new ProbeRoutes(db),
                new MetricsRoutes(registry),
                new DeviceRoutes(db),
                new SessionRoutes(db),
                new OverviewRoutes(db),
                new StreamRoutes(new LiveFeed(vertx, db), registry),
                new PageRoutes());
        features.forEach(f -> f.register(table));
        return table;
    }
}
