package io.coldtrace.api.genealogy;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.auth.Principal;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** The trace grant routes (tracking-api/README.md, "Traces across organisations"): QA and admins. */
final class GrantRoutes {
    private final BlockingDb db;
    private final Clock clock;

    GrantRoutes(BlockingDb db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void register(RouteTable routes) {
        routes.post("/api/v1/trace-grants", Policies.QUALITY, this::grant)
                .example("{\"org_id\": \"{org}\", \"grantee_org\": \"{grantee-org}\"}");
        routes.post("/api/v1/trace-grants/:id/revoke", Policies.QUALITY, this::revoke)
                .example("/api/v1/trace-grants/{trace-grant}/revoke", null);
        routes.get("/api/v1/trace-grants", Policies.QUALITY, this::list)
                .example("/api/v1/trace-grants?direction=given&limit=50", null);
    }

    private Future<Void> grant(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        JsonBody body = JsonBody.of(ctx, Set.of("org_id", "grantee_org"));
        String grantor = vis.owner(body.optText("org_id", 64));
        String grantee = body.text("grantee_org", 64);
        String by = Principal.of(ctx).name();
        return db.transaction(c -> TraceGrants.grant(c, grantor, grantee, by, clock.instant()))
                .compose(g -> Responses.created(ctx, g.toJson(vis)));
    }

    private Future<Void> revoke(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        String id = ctx.pathParam("id");
        String by = Principal.of(ctx).name();
        return db.transaction(c -> TraceGrants.revoke(c, vis, id, by, clock.instant()))
                .compose(g -> Responses.ok(ctx, g.toJson(vis)));
    }

    private Future<Void> list(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        Params.onlyQuery(ctx, List.of("direction", "limit"));
        String direction = Params.choiceQuery(ctx, "direction", null, List.of("given", "received"));
        int limit = Params.limit(ctx);
        return db.read(c -> TraceGrants.list(c, vis, direction, limit))
                .compose(rows -> Responses.items(ctx, rows, g -> g.toJson(vis)));
    }
}
