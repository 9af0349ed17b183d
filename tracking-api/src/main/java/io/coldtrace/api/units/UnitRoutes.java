package io.coldtrace.api.units;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.SqlStates;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.ScopedRoutes;
import io.coldtrace.api.profiles.ProfileQueries;
import io.coldtrace.api.profiles.ProfileRow;
import io.coldtrace.api.sites.SiteQueries;
import io.coldtrace.api.sites.SiteRow;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Units: operators (of their own organisation) and admins write them; every role reads its own. The site and the
 * profile must be ones the caller sees, and of the same organisation.
 */
public final class UnitRoutes {
    private final BlockingDb db;

    public UnitRoutes(BlockingDb db) {
        this.db = db;
    }

    public void register(RouteTable routes) {
        routes.post("/api/v1/units", Policies.CONFIGURE_OPERATIONS, this::create)
                .example("{\"id\": \"{new}\", \"site_id\": \"{site}\", \"kind\": \"cold_room\", \"name\": \"Room\", "
                        + "\"profile_id\": \"{profile}\"}");
        routes.get("/api/v1/units", Policies.READ_OPERATIONS, this::list);
        routes.get("/api/v1/units/:id", Policies.READ_OPERATIONS,
                ScopedRoutes.get(db, "unit", UnitQueries::get, UnitRow::toJson));
        routes.put("/api/v1/units/:id", Policies.CONFIGURE_OPERATIONS, this::update)
                .example("{\"site_id\": \"{site}\", \"kind\": \"cold_room\", \"name\": \"Room 2\"}");
    }

    private Future<Void> create(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        Unit unit = Unit.from(JsonBody.of(ctx, Unit.CREATE_FIELDS), null);
        return db.transaction(c -> {
            checkReferences(c, vis, unit);
            return SqlStates.newId(() -> UnitQueries.insert(c, unit), "unit", unit.id());
        }).compose(row -> Responses.created(ctx, row.toJson()));
    }

    private Future<Void> list(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        String site = Params.textQuery(ctx, "site", 64);
        int limit = Params.limit(ctx);
        return db.query(c -> UnitQueries.list(c, vis, site, limit))
                .compose(rows -> Responses.items(ctx, rows, UnitRow::toJson));
    }

    private Future<Void> update(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        String id = Params.pathText(ctx, "id", 64);
        Unit unit = Unit.from(JsonBody.of(ctx, Unit.UPDATE_FIELDS), id);
        return db.transaction(c -> {
            // an invisible unit is 404 before its new references are judged: it does not exist for the caller
            if (UnitQueries.get(c, vis, id).isEmpty()) {
                throw ClientError.notFound("no unit " + id);
            }
            checkReferences(c, vis, unit);
            return UnitQueries.update(c, vis, unit).orElseThrow(() -> ClientError.notFound("no unit " + id));
        }).compose(row -> Responses.ok(ctx, row.toJson()));
    }

    /** The site must be visible; the profile, when given, visible and of the site's organisation. */
    private static void checkReferences(Connection c, Visibility vis, Unit unit) throws SQLException {
        SiteRow site = SiteQueries.get(c, vis, unit.siteId())
                .orElseThrow(() -> ClientError.invalid("site_id", "no site " + unit.siteId()));
        if (unit.profileId() == null) {
            return;
        }
        ProfileRow profile = ProfileQueries.get(c, vis, unit.profileId())
                .orElseThrow(() -> ClientError.invalid("profile_id", "no profile " + unit.profileId()));
        if (!profile.orgId().equals(site.orgId())) {
            throw ClientError.invalid("profile_id", "profile " + unit.profileId() + " belongs to organisation "
                    + profile.orgId() + ", site " + unit.siteId() + " to " + site.orgId());
        }
    }
}
