package io.coldtrace.api.orgs;

import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.SqlStates;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.ScopedRoutes;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** Organisations: only admins create and list them (everyone else knows just their own, through their token). */
public final class OrgRoutes {

    private final BlockingDb db;

    public OrgRoutes(BlockingDb db) {
        this.db = db;
    }

    public void register(RouteTable routes) {
        routes.post("/api/v1/orgs", Policies.ADMINISTER, this::create)
                .example("{\"id\": \"{new}\", \"name\": \"Org {new}\"}");
        routes.get("/api/v1/orgs", Policies.ADMINISTER, ScopedRoutes.list(db, OrgQueries::list, OrgRow::toJson));
    }

    private Future<Void> create(RoutingContext ctx) {
        NewOrg org = NewOrg.from(JsonBody.of(ctx, NewOrg.FIELDS));
        return db.query(c -> SqlStates.newId(() -> OrgQueries.insert(c, org), "organisation", org.id()))
                .compose(row -> Responses.created(ctx, row.toJson()));
    }

}
