package io.coldtrace.api.sites;

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
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** Sites: admins create and update them; every role reads the sites of its own organisation. */
public final class SiteRoutes implements RouteTable.Feature {
    /** Every role reads (admins pass anyway); rows are filtered by organisation. */
    public static final Access READERS = Access.roles(Role.OPERATOR, Role.DISPATCHER, Role.QA);
    static final Access ADMINS = Access.roles(Role.ADMIN);

    private final BlockingDb db;

    public SiteRoutes(BlockingDb db) {
        this.db = db;
    }

    @Override
    public void register(RouteTable routes) {
        routes.post("/api/v1/sites", ADMINS, this::create);
        routes.get("/api/v1/sites", READERS, this::list);
        routes.get("/api/v1/sites/:id", READERS, this::get);
        routes.put("/api/v1/sites/:id", ADMINS, this::update);
    }

    private Future<Void> create(RoutingContext ctx) {
        OrgScope scope = OrgScope.of(ctx);
        Site asked = Site.from(JsonBody.of(ctx, Site.CREATE_FIELDS), null);
        Site site = new Site(asked.id(), scope.owner(asked.orgId()), asked.name(), asked.kind(), asked.timezone(),
                asked.lat(), asked.lon(), asked.address());
        return db.transaction(c -> {
            OrgQueries.requireExists(c, site.orgId(), "org_id");
            return SqlStates.newId(() -> SiteQueries.insert(c, site), "site", site.id());
        }).compose(row -> Responses.created(ctx, row));
    }

    private Future<Void> list(RoutingContext ctx) {
        OrgScope scope = OrgScope.of(ctx);
        int limit = Params.limit(ctx);
        return db.query(c -> SiteQueries.list(c, scope, limit)).compose(rows -> Responses.items(ctx, rows));
    }

    private Future<Void> get(RoutingContext ctx) {
        OrgScope scope = OrgScope.of(ctx);
        String id = Params.pathText(ctx, "id", 64);
        return db.query(c -> SiteQueries.get(c, scope, id)).compose(row -> Responses.okOr404(ctx, row, "no site " + id));
    }

    private Future<Void> update(RoutingContext ctx) {
        OrgScope scope = OrgScope.of(ctx);
        String id = Params.pathText(ctx, "id", 64);
        Site site = Site.from(JsonBody.of(ctx, Site.UPDATE_FIELDS), id);
        return db.query(c -> SiteQueries.update(c, scope, site))
                .compose(row -> Responses.okOr404(ctx, row, "no site " + id));
    }
}
