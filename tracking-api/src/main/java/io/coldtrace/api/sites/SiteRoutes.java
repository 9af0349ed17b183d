package io.coldtrace.api.sites;

import io.coldtrace.api.auth.OrgScope;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.SqlStates;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.ScopedRoutes;
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
        routes.get("/api/v1/sites", READERS, ScopedRoutes.list(db, SiteQueries::list));
        routes.get("/api/v1/sites/:id", READERS, ScopedRoutes.get(db, "site", SiteQueries::get));
        routes.put("/api/v1/sites/:id", ADMINS,
                ScopedRoutes.update(db, "site", Site.UPDATE_FIELDS, Site::from, SiteQueries::update));
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

}
