package io.coldtrace.api.profiles;

import io.coldtrace.api.auth.OrgScope;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.SqlStates;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.orgs.OrgQueries;
import io.coldtrace.api.sites.SiteRoutes;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** Limit profiles: operators (of their own organisation) and admins write them; every role reads its own. */
public final class ProfileRoutes implements RouteTable.Feature {
    /** Operators keep their own organisation's limits; admins anyone's. */
    public static final Access WRITERS = Access.roles(Role.OPERATOR);

    private final BlockingDb db;

    public ProfileRoutes(BlockingDb db) {
        this.db = db;
    }

    @Override
    public void register(RouteTable routes) {
        routes.post("/api/v1/profiles", WRITERS, this::create);
        routes.get("/api/v1/profiles", SiteRoutes.READERS, this::list);
        routes.get("/api/v1/profiles/:id", SiteRoutes.READERS, this::get);
        routes.put("/api/v1/profiles/:id", WRITERS, this::update);
    }

    private Future<Void> create(RoutingContext ctx) {
        OrgScope scope = OrgScope.of(ctx);
        LimitProfile asked = LimitProfile.from(JsonBody.of(ctx, LimitProfile.CREATE_FIELDS), null);
        LimitProfile p = asked.ownedBy(scope.owner(asked.orgId()));
        return db.transaction(c -> {
            OrgQueries.requireExists(c, p.orgId(), "org_id");
            return SqlStates.newId(() -> ProfileQueries.insert(c, p), "profile", p.id());
        }).compose(row -> Responses.created(ctx, row));
    }

    private Future<Void> list(RoutingContext ctx) {
        OrgScope scope = OrgScope.of(ctx);
        int limit = Params.limit(ctx);
        return db.query(c -> ProfileQueries.list(c, scope, limit)).compose(rows -> Responses.items(ctx, rows));
    }

    private Future<Void> get(RoutingContext ctx) {
        OrgScope scope = OrgScope.of(ctx);
        String id = Params.pathText(ctx, "id", 64);
        return db.query(c -> ProfileQueries.get(c, scope, id))
                .compose(row -> Responses.okOr404(ctx, row, "no profile " + id));
    }

    private Future<Void> update(RoutingContext ctx) {
        OrgScope scope = OrgScope.of(ctx);
        String id = Params.pathText(ctx, "id", 64);
        LimitProfile p = LimitProfile.from(JsonBody.of(ctx, LimitProfile.UPDATE_FIELDS), id);
        return db.query(c -> ProfileQueries.update(c, scope, p))
                .compose(row -> Responses.okOr404(ctx, row, "no profile " + id));
    }
}
