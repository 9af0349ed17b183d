package io.coldtrace.api.sites;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.SqlStates;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.ScopedRoutes;
import io.coldtrace.api.orgs.OrgQueries;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** Sites: admins create and update them; every role reads the sites of its own organisation. */
public final class SiteRoutes {

    private final BlockingDb db;

    public SiteRoutes(BlockingDb db) {
        this.db = db;
    }

    public void register(RouteTable routes) {
        routes.post("/api/v1/sites", Policies.ADMINISTER, this::create)
                .example("{\"id\": \"{new}\", \"org_id\": \"{org}\", \"name\": \"Store {new}\"}");
        routes.get("/api/v1/sites", Policies.READ_OPERATIONS, ScopedRoutes.list(db, SiteQueries::list, SiteRow::toJson));
        routes.get("/api/v1/sites/:id", Policies.READ_OPERATIONS, ScopedRoutes.get(db, "site", SiteQueries::get, SiteRow::toJson));
        routes.put("/api/v1/sites/:id", Policies.ADMINISTER,
                ScopedRoutes.update(db, "site", Site.UPDATE_FIELDS, Site::from, SiteQueries::update, SiteRow::toJson))
                .example("{\"name\": \"Renamed store\"}");
    }

    private Future<Void> create(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        Site asked = Site.from(JsonBody.of(ctx, Site.CREATE_FIELDS), null);
        Site site = new Site(asked.id(), vis.owner(asked.orgId()), asked.name(), asked.kind(), asked.timezone(),
                asked.lat(), asked.lon(), asked.address(), asked.divisionCode(), asked.gln());
        return db.transaction(c -> {
            OrgQueries.requireExists(c, site.orgId(), "org_id");
            return SqlStates.newId(() -> SiteQueries.insert(c, site), "site", site.id());
        }).compose(row -> Responses.created(ctx, row.toJson()));
    }

}
