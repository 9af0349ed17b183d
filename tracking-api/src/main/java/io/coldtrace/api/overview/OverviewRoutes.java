package io.coldtrace.api.overview;

import io.coldtrace.api.auth.OrgScope;
import io.coldtrace.api.auth.Principal;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

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
        OrgScope filter = OrgScope.of(ctx.<Principal>get(Principal.CONTEXT_KEY));
        return db.query(c -> OverviewQueries.sites(c, filter)).compose(body -> Responses.ok(ctx, body));
    }
}
