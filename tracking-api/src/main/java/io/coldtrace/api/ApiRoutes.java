package io.coldtrace.api;

import io.coldtrace.api.alarms.AlarmRoutes;
import io.coldtrace.api.auth.BearerGuard;
import io.coldtrace.api.bindings.BindingRoutes;
import io.coldtrace.api.auth.SessionRoutes;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.devices.DeviceRoutes;
import io.coldtrace.api.history.HistoryRoutes;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.live.LiveFeed;
import io.coldtrace.api.live.StreamRoutes;
import io.coldtrace.api.ops.MetricsRoutes;
import io.coldtrace.api.ops.ProbeRoutes;
import io.coldtrace.api.record.RecordRoutes;
import io.coldtrace.api.orgs.OrgRoutes;
import io.coldtrace.api.profiles.ProfileRoutes;
import io.coldtrace.api.sites.SiteRoutes;
import io.coldtrace.api.units.UnitRoutes;
import io.coldtrace.api.users.UserRoutes;
import io.coldtrace.api.webhooks.WebhookRoutes;
import io.coldtrace.api.overview.OverviewRoutes;
import io.coldtrace.api.pages.PageRoutes;
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
                new RecordRoutes(db, Clock.systemUTC()),
                new OrgRoutes(db),
                new SiteRoutes(db),
                new ProfileRoutes(db),
                new UnitRoutes(db),
                new BindingRoutes(db),
                new UserRoutes(db),
                new AlarmRoutes(db),
                new WebhookRoutes(db),
                new SessionRoutes(db),
                new OverviewRoutes(db),
                new StreamRoutes(new LiveFeed(vertx, db, cfg.db()), registry),
                new PageRoutes());
        features.forEach(f -> f.register(table));
        return table;
    }
}
