package io.coldtrace.api;

import io.coldtrace.api.auth.BearerGuard;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.devices.DeviceRoutes;
import io.coldtrace.api.history.HistoryRoutes;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.ops.MetricsRoutes;
import io.coldtrace.api.ops.ProbeRoutes;
import io.coldtrace.api.record.RecordRoutes;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
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
                new HistoryRoutes(db),
                new RecordRoutes(db, Clock.systemUTC()));
        features.forEach(f -> f.register(table));
        return table;
    }
}
