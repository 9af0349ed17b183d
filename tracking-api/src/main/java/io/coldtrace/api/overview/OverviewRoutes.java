package io.coldtrace.api.overview;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** {@code GET /api/v1/overview}: the operators' wall, every unit with its live value against its band. */
public final class OverviewRoutes {

    private final BlockingDb db;

    public OverviewRoutes(BlockingDb db) {
        this.db = db;
    }

    public void register(RouteTable routes) {
        routes.get("/api/v1/overview", Policies.READ_OPERATIONS, this::overview);
    }

    private Future<Void> overview(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        return db.query(c -> OverviewQueries.sites(c, vis)).compose(sites -> Responses.ok(ctx, json(sites)));
    }

    /** {"sites": [{id, name, kind, units: [...]}]}. */
    private static JsonObject json(List<SiteUnits> sites) {
        JsonArray list = new JsonArray();
        sites.forEach(s -> list.add(s.toJson()));
        return new JsonObject().put("sites", list);
    }
}
