package io.coldtrace.api.programmes;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.auth.Principal;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.SqlStates;
import io.coldtrace.api.divisions.Divisions;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.ScopedRoutes;
import io.coldtrace.api.orgs.OrgQueries;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Programmes of buyer organisations: their admins declare and change them (each change a new version); operators and
 * QA of the organisation read them (the share report will be theirs).
 */
final class ProgrammeRoutes {
    /** Who reads an organisation's programmes: its operators and QA, and admins. */
    static final Access READERS = Access.roles(Role.OPERATOR, Role.QA);

    private final BlockingDb db;

    ProgrammeRoutes(BlockingDb db) {
        this.db = db;
    }

    void register(RouteTable routes) {
        routes.post("/api/v1/programmes", Policies.ADMINISTER, this::create)
                .example("{\"id\": \"{new}\", \"org_id\": \"{org}\", \"name\": \"Zhuhai canteens {free-year}\", "
                        + "\"regions\": [\"520300\", \"540400\", \"500237\", \"441700\", \"440900\"], "
                        + "\"target_pct\": 30, \"period_start\": \"{free-year}-01-01\", "
                        + "\"period_end\": \"{free-year}-12-31\"}");
        routes.get("/api/v1/programmes", READERS, ScopedRoutes.list(db, ProgrammeRoutes::on, ProgrammeQueries::list,
                ProgrammeRow::toJson)).example("/api/v1/programmes?on=2021-06-30", null);
        routes.get("/api/v1/programmes/:id", READERS, this::get);
        routes.put("/api/v1/programmes/:id", Policies.ADMINISTER, this::update)
                .example("{\"name\": \"Zhuhai canteens, revised\", \"regions\": [\"500237\", \"500238\"], "
                        + "\"target_pct\": 35, \"period_start\": \"{programme-year}-01-01\", "
                        + "\"period_end\": \"{programme-year}-12-31\"}");
    }

    private Future<Void> create(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        String by = Principal.of(ctx).name();
        Programme asked = Programme.from(JsonBody.of(ctx, Programme.CREATE_FIELDS));
        Programme p = asked.ownedBy(vis.owner(asked.orgId()));
        return db.transaction(c -> {
            OrgQueries.requireExists(c, p.orgId(), "org_id");
            check(c, p);
            SqlStates.newId(() -> {
                ProgrammeQueries.insert(c, p);
                return p;
            }, "programme", p.id());
            ProgrammeQueries.insertVersion(c, p, 1, by);
            return ProgrammeQueries.get(c, vis, p.id()).orElseThrow();
        }).compose(row -> Responses.created(ctx, row.toJson()));
    }

    private Future<Void> update(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        String by = Principal.of(ctx).name();
        String id = Params.pathText(ctx, "id", 64);
        JsonBody body = JsonBody.of(ctx, Programme.UPDATE_FIELDS);
        return db.transaction(c -> {
            ProgrammeRow now = ProgrammeQueries.get(c, vis, id)
                    .orElseThrow(() -> ClientError.notFound("no programme " + id));
            Programme p = Programme.next(body, id, now.orgId());
            if (p.sameAs(now)) {
                return now;
            }
            check(c, p);
            // read again under the organisation's lock: a concurrent change may have added a version meanwhile
            int version = ProgrammeQueries.get(c, vis, id).orElseThrow().version() + 1;
            ProgrammeQueries.insertVersion(c, p, version, by);
            return ProgrammeQueries.get(c, vis, id).orElseThrow();
        }).compose(row -> Responses.ok(ctx, row.toJson()));
    }

    /**
     * Holds the organisation's lock for the rest of the transaction, then refuses regions the division table lacks
     * (422 naming {@code regions[i]}) and a period overlapping another current programme of the organisation (409).
     */
    private static void check(Connection c, Programme p) throws SQLException {
        ProgrammeQueries.lockOrg(c, p.orgId());
        Map<String, ?> known = Divisions.find(c, p.regions());
        for (int i = 0; i < p.regions().size(); i++) {
            if (!known.containsKey(p.regions().get(i))) {
                throw ClientError.invalid("regions[" + i + "]", "no division " + p.regions().get(i) + " in the "
                        + "division table (GET /api/v1/divisions; a national list is imported by an admin)");
            }
        }
        ProgrammeQueries.overlapping(c, p).ifPresent(o -> {
            throw ClientError.conflict("period_start", "the period " + p.periodStart() + " to " + p.periodEnd()
                    + " overlaps programme " + o.id() + " (" + o.periodStart() + " to " + o.periodEnd() + ") of "
                    + "the organisation: one target applies on a day, so periods may not overlap");
        });
    }

    /** The list's filter: the programmes in force on {@code on} (a date), or all (null). */
    private static LocalDate on(RoutingContext ctx) {
        Params.onlyQuery(ctx, List.of("on", "limit"));
        return ctx.queryParams().contains("on") ? Params.dateQuery(ctx, "on") : null;
    }

    private Future<Void> get(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        String id = Params.pathText(ctx, "id", 64);
        return db.query(c -> ProgrammeQueries.versions(c, vis, id)).compose(versions -> {
            if (versions.isEmpty()) {
                return Future.failedFuture(ClientError.notFound("no programme " + id));
            }
            JsonArray all = new JsonArray();
            versions.forEach(v -> all.add(v.toJson()));
            JsonObject current = versions.get(0).toJson().put("versions", all);
            return Responses.ok(ctx, current);
        });
    }
}
