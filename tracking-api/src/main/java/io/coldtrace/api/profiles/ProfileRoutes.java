package io.coldtrace.api.profiles;

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

/** Limit profiles: operators (of their own organisation) and admins write them; every role reads its own. */
public final class ProfileRoutes {

    private final BlockingDb db;

    public ProfileRoutes(BlockingDb db) {
        this.db = db;
    }

    public void register(RouteTable routes) {
        routes.post("/api/v1/profiles", Policies.CONFIGURE_OPERATIONS, this::create)
                .example("{\"id\": \"{new}\", \"org_id\": \"{org}\", \"name\": \"chilled\", \"high_warn_c\": 5}");
        routes.get("/api/v1/profiles", Policies.READ_OPERATIONS,
                ScopedRoutes.list(db, ProfileQueries::list, ProfileRow::toJson));
        routes.get("/api/v1/profiles/:id", Policies.READ_OPERATIONS,
                ScopedRoutes.get(db, "profile", ProfileQueries::get, ProfileRow::toJson));
        routes.put("/api/v1/profiles/:id", Policies.CONFIGURE_OPERATIONS, ScopedRoutes.update(db, "profile",
                LimitProfile.UPDATE_FIELDS, LimitProfile::from, ProfileQueries::update, ProfileRow::toJson))
                .example("{\"name\": \"chilled 2\", \"high_warn_c\": 6}");
    }

    private Future<Void> create(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        LimitProfile asked = LimitProfile.from(JsonBody.of(ctx, LimitProfile.CREATE_FIELDS), null);
        LimitProfile p = asked.ownedBy(vis.owner(asked.orgId()));
        return db.transaction(c -> {
            OrgQueries.requireExists(c, p.orgId(), "org_id");
            return SqlStates.newId(() -> ProfileQueries.insert(c, p), "profile", p.id());
        }).compose(row -> Responses.created(ctx, row.toJson()));
    }

}
