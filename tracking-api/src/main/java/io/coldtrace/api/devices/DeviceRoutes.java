package io.coldtrace.api.devices;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** Device read routes: latest readings, unclaimed devices, data completeness. */
public final class DeviceRoutes {
    private static final int MAX_TEXT = 128;

    private final BlockingDb db;

    public DeviceRoutes(BlockingDb db) {
        this.db = db;
    }

    public void register(RouteTable routes) {
        routes.get("/api/v1/devices/latest", Policies.READ_OPERATIONS, this::latest);
        routes.get("/api/v1/devices/unclaimed", Policies.READ_OPERATIONS, this::unclaimed);
        routes.get("/api/v1/devices/:id/completeness", Policies.READ_OPERATIONS, this::completeness);
    }

    private Future<Void> latest(RoutingContext ctx) {
        String site = site(ctx);
        int limit = Params.limit(ctx);
        Visibility vis = Visibility.of(ctx);
        return db.query(c -> DeviceQueries.latest(c, vis, site, limit))
                .compose(rows -> Responses.items(ctx, rows, LatestReadingRow::toJson));
    }

    private Future<Void> unclaimed(RoutingContext ctx) {
        String site = site(ctx);
        int limit = Params.limit(ctx);
        Visibility vis = Visibility.of(ctx);
        return db.query(c -> DeviceQueries.unclaimed(c, vis, site, limit))
                .compose(rows -> Responses.items(ctx, rows, UnclaimedDeviceRow::toJson));
    }

    private Future<Void> completeness(RoutingContext ctx) {
        String id = Params.pathText(ctx, "id", MAX_TEXT);
        Visibility vis = Visibility.of(ctx);
        return db.query(c -> DeviceQueries.completeness(c, vis, id))
                .compose(found -> Responses.okOr404(ctx, found.map(CompletenessRow::toJson), "no device " + id));
    }

    private static String site(RoutingContext ctx) {
        return Params.textQuery(ctx, "site", MAX_TEXT);
    }
}
