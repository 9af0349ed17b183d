package io.coldtrace.api.parties;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.SqlStates;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.ScopedRoutes;
import io.coldtrace.api.orgs.OrgQueries;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** Parties: operators (of their own organisation) and admins write them; every role reads its own. */
public final class PartyRoutes {
    private final BlockingDb db;

    public PartyRoutes(BlockingDb db) {
        this.db = db;
    }

    public void register(RouteTable routes) {
        routes.post("/api/v1/parties", Policies.CONFIGURE_OPERATIONS, this::create)
                .example("{\"id\": \"{new}\", \"org_id\": \"{org}\", \"kind\": \"farm\", \"name_zh\": \"巫溪县农场\", "
                        + "\"division_code\": \"500238\", \"province\": \"重庆市\", \"county\": \"巫溪县\"}");
        routes.get("/api/v1/parties", Policies.READ_OPERATIONS,
                ScopedRoutes.list(db, PartyFilter::of, PartyQueries::list, PartyRow::toJson));
        routes.get("/api/v1/parties/:id", Policies.READ_OPERATIONS,
                ScopedRoutes.get(db, "party", PartyQueries::get, PartyRow::toJson));
        routes.put("/api/v1/parties/:id", Policies.CONFIGURE_OPERATIONS, ScopedRoutes.update(db, "party",
                Party.UPDATE_FIELDS, Party::from, PartyQueries::update, PartyRow::toJson))
                .example("{\"kind\": \"buyer\", \"buyer_type\": \"canteen\", \"name_zh\": \"食堂\", "
                        + "\"division_code\": \"440400\", \"province\": \"广东省\", \"city\": \"珠海市\"}");
    }

    private Future<Void> create(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        Party asked = Party.from(JsonBody.of(ctx, Party.CREATE_FIELDS), null);
        Party party = asked.ownedBy(vis.owner(asked.orgId()));
        return db.transaction(c -> {
            OrgQueries.requireExists(c, party.orgId(), "org_id");
            return SqlStates.newId(() -> PartyQueries.insert(c, party), "party", party.id());
        }).compose(row -> Responses.created(ctx, row.toJson()));
    }
}
