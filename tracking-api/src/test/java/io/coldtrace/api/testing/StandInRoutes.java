package io.coldtrace.api.testing;

import io.coldtrace.api.auth.Principal;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Endpoint;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * TEST-ONLY minimal stand-ins for the alarm list/lifecycle and unit history routes, which another branch builds, so
 * the pages can be exercised here. Each is registered only when the API does not have that route yet; delete this
 * class once the real routes are merged.
 */
public final class StandInRoutes {
    private static final Access WATCHERS = Access.roles(Role.OPERATOR, Role.DISPATCHER, Role.QA);
    private static final Access OPERATORS = Access.roles(Role.OPERATOR);

    private static final String ALARMS = """
            SELECT a.id, a.unit_id, u.name AS unit_name, u.site_id, s.name AS site_name, d.ext_id AS device,
                   a.rule, a.severity, a.state, a.started_at, a.raised_at, a.cleared_at, a.limit_value, a.peak_value,
                   a.message, a.acknowledged_at, a.acknowledged_by, a.ack_comment, a.resolved_at, a.resolved_by,
                   a.escalated_at
            FROM alarm a JOIN unit u ON u.id = a.unit_id JOIN site s ON s.id = u.site_id
            LEFT JOIN device d ON d.id = a.device_id
            WHERE (? = 'active' AND a.state <> 'resolved') OR a.state = ?
            ORDER BY a.raised_at DESC""";

    private StandInRoutes() {
    }

    /** Registers whichever of the stand-ins the API lacks. */
    public static void register(RouteTable routes, BlockingDb db) {
        addIfMissing(routes, HttpMethod.GET, "/api/v1/alarms", WATCHERS, ctx -> list(ctx, db));
        addIfMissing(routes, HttpMethod.POST, "/api/v1/alarms/:id/acknowledge", OPERATORS, ctx -> acknowledge(ctx, db));
        addIfMissing(routes, HttpMethod.POST, "/api/v1/alarms/:id/resolve", OPERATORS, ctx -> resolve(ctx, db));
        addIfMissing(routes, HttpMethod.GET, "/api/v1/units/:id/history", WATCHERS, ctx -> history(ctx, db));
    }

    private static void addIfMissing(RouteTable routes, HttpMethod method, String path, Access access, Endpoint e) {
        for (Route r : routes.router().getRoutes()) {
            if ((method + " " + path).equals(r.getName())) {
                return;
            }
        }
        if (method == HttpMethod.POST) {
            routes.router().route(method, path).order(-1).handler(BodyHandler.create());
        }
        routes.add(method, path, access, e);
    }

    private static Future<Void> list(RoutingContext ctx, BlockingDb db) {
        String state = ctx.queryParam("state").isEmpty() ? "active" : ctx.queryParam("state").get(0);
        return db.query(c -> {
            try (PreparedStatement ps = c.prepareStatement(ALARMS)) {
                ps.setString(1, state);
                ps.setString(2, state);
                return Rows.list(ps);
            }
        }).compose(items -> Responses.ok(ctx, new JsonObject().put("items", items)));
    }

    private static Future<Void> acknowledge(RoutingContext ctx, BlockingDb db) {
        long id = Long.parseLong(ctx.pathParam("id"));
        JsonObject body = ctx.body().asJsonObject();
        String comment = body == null ? null : body.getString("comment");
        if (comment == null || comment.isBlank()) {
            return Responses.json(ctx, 422, new JsonObject().put("error", "invalid").put("field", "comment")
                    .put("message", "comment is required"));
        }
        String actor = ctx.<Principal>get(Principal.CONTEXT_KEY).name();
        return db.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    WITH a AS (UPDATE alarm SET state = 'acknowledged', acknowledged_at = now(), acknowledged_by = ?,
                               ack_comment = ? WHERE id = ? AND state = 'open' RETURNING id)
                    INSERT INTO alarm_event (alarm_id, actor, action, comment) SELECT id, ?, 'acknowledged', ? FROM a""")) {
                ps.setString(1, actor);
                ps.setString(2, comment);
                ps.setLong(3, id);
                ps.setString(4, actor);
                ps.setString(5, comment);
                return ps.executeUpdate();
            }
        }).compose(n -> n == 1 ? Responses.ok(ctx, new JsonObject().put("id", id).put("state", "acknowledged"))
                : Future.failedFuture(ClientError.of(409, "conflict", "alarm " + id + " is not open")));
    }

    private static Future<Void> resolve(RoutingContext ctx, BlockingDb db) {
        long id = Long.parseLong(ctx.pathParam("id"));
        String actor = ctx.<Principal>get(Principal.CONTEXT_KEY).name();
        return db.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    WITH a AS (UPDATE alarm SET state = 'resolved', resolved_at = now(), resolved_by = ?
                               WHERE id = ? AND state <> 'resolved' AND cleared_at IS NOT NULL RETURNING id)
                    INSERT INTO alarm_event (alarm_id, actor, action) SELECT id, ?, 'resolved' FROM a""")) {
                ps.setString(1, actor);
                ps.setLong(2, id);
                ps.setString(3, actor);
                return ps.executeUpdate();
            }
        }).compose(n -> n == 1 ? Responses.ok(ctx, new JsonObject().put("id", id).put("state", "resolved"))
                : Future.failedFuture(ClientError.of(409, "conflict", "alarm " + id + " has not cleared")));
    }

    private static Future<Void> history(RoutingContext ctx, BlockingDb db) {
        String unit = ctx.pathParam("id");
        Instant from = Instant.parse(ctx.queryParam("from").get(0));
        Instant to = Instant.parse(ctx.queryParam("to").get(0));
        boolean csv = ctx.queryParam("format").contains("csv");
        return db.query(c -> {
            JsonObject out = new JsonObject().put("resolution", "raw").put("probe", "air");
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT u.id, u.name, u.kind, u.site_id, s.name AS site_name, p.low_crit_c AS low_crit,
                           p.low_warn_c AS low_warn, p.high_warn_c AS high_warn, p.high_crit_c AS high_crit
                    FROM unit u JOIN site s ON s.id = u.site_id LEFT JOIN limit_profile p ON p.id = u.profile_id
                    WHERE u.id = ?""")) {
                ps.setString(1, unit);
                JsonObject u = Rows.first(ps).orElseThrow(() -> ClientError.notFound("no unit " + unit));
                out.put("band", new JsonObject().put("low_crit", u.remove("low_crit")).put("low_warn", u.remove("low_warn"))
                        .put("high_warn", u.remove("high_warn")).put("high_crit", u.remove("high_crit")));
                out.put("unit", u);
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT t.ts, t.t_air AS min, t.t_air AS max, t.t_air AS avg, t.door_open, t.defrost
                    FROM telemetry t JOIN device_binding b ON b.device_id = t.device_id AND b.valid @> t.ts
                    WHERE b.unit_id = ? AND t.ts >= ? AND t.ts < ? ORDER BY t.ts""")) {
                ps.setString(1, unit);
                ps.setTimestamp(2, Timestamp.from(from));
                ps.setTimestamp(3, Timestamp.from(to));
                out.put("points", Rows.list(ps));
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, rule, severity, state, started_at, cleared_at FROM alarm
                    WHERE unit_id = ? AND started_at < ? AND (cleared_at IS NULL OR cleared_at > ?)
                    ORDER BY started_at""")) {
                ps.setString(1, unit);
                ps.setTimestamp(2, Timestamp.from(to));
                ps.setTimestamp(3, Timestamp.from(from));
                out.put("alarms", Rows.list(ps));
            }
            return out;
        }).compose(out -> csv ? csv(ctx, out.getJsonArray("points")) : Responses.ok(ctx, out));
    }

    private static Future<Void> csv(RoutingContext ctx, JsonArray points) {
        StringBuilder sb = new StringBuilder("ts,min,max,avg,door_open,defrost\n");
        for (int i = 0; i < points.size(); i++) {
            JsonObject p = points.getJsonObject(i);
            sb.append(p.getValue("ts")).append(',').append(p.getValue("min")).append(',').append(p.getValue("max"))
                    .append(',').append(p.getValue("avg")).append(',').append(p.getValue("door_open")).append(',')
                    .append(p.getValue("defrost")).append('\n');
        }
        return ctx.response().putHeader("content-type", "text/csv; charset=utf-8").end(sb.toString());
    }
}
