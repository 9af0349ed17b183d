package io.coldtrace.api.history;

import io.coldtrace.api.auth.Principal;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.Csv;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /api/v1/units/{id}/history?from=&to=[&format=json|csv]}: a unit's temperature history at a resolution
 * chosen by span (raw ≤ 6 h, minute rollups ≤ 8 days, hour rollups ≤ 31 days), with its limit band and alarms.
 */
public final class HistoryRoutes implements RouteTable.Feature {
    /** Operators, dispatchers and QA (admins pass anyway); non-admins see only their organisation's units. */
    public static final Access READERS = Access.roles(Role.OPERATOR, Role.DISPATCHER, Role.QA);
    /** Longest unit id accepted in a path. */
    public static final int MAX_ID = 128;
    private static final List<String> FORMATS = List.of("json", "csv");

    private final BlockingDb db;

    public HistoryRoutes(BlockingDb db) {
        this.db = db;
    }

    @Override
    public void register(RouteTable routes) {
        routes.get("/api/v1/units/:id/history", READERS, this::history);
    }

    private Future<Void> history(RoutingContext ctx) {
        String id = Params.pathText(ctx, "id", MAX_ID);
        HistoryRange range = HistoryRange.of(ctx);
        String format = Params.choiceQuery(ctx, "format", "json", FORMATS);
        Principal caller = ctx.get(Principal.CONTEXT_KEY);
        return db.read(c -> {
            UnitInfo unit = UnitLookup.visible(c, id, caller);
            return new History(unit, range,
                    HistoryQueries.points(c, id, unit.probe(), range.resolution(), range.from(), range.to()),
                    HistoryQueries.alarms(c, id, range.from(), range.to()));
        }).compose(h -> "csv".equals(format) ? csv(ctx, h) : Responses.ok(ctx, json(h)));
    }

    static JsonObject json(History h) {
        UnitInfo u = h.unit();
        JsonArray points = new JsonArray(new java.util.ArrayList<>(h.points().size()));
        for (HistoryPoint p : h.points()) {
            points.add(new JsonObject().put("ts", p.ts().toString()).put("min", p.min()).put("max", p.max())
                    .put("avg", p.avg()).put("door_open", p.doorOpen()).put("defrost", p.defrost()));
        }
        JsonArray alarms = new JsonArray();
        for (AlarmRow a : h.alarms()) {
            alarms.add(new JsonObject().put("id", a.id()).put("rule", a.rule()).put("severity", a.severity())
                    .put("state", a.state()).put("started_at", a.startedAt().toString())
                    .put("cleared_at", a.clearedAt() == null ? null : a.clearedAt().toString()));
        }
        return new JsonObject()
                .put("unit", new JsonObject().put("id", u.id()).put("name", u.name()).put("site_id", u.siteId())
                        .put("site_name", u.siteName()).put("kind", u.kind()).put("temp_class", u.tempClass()))
                .put("from", h.range().from().toString())
                .put("to", h.range().to().toString())
                .put("resolution", h.range().resolution().label())
                .put("probe", u.probe())
                .put("band", new JsonObject().put("low_crit", u.band().lowCrit()).put("low_warn", u.band().lowWarn())
                        .put("high_warn", u.band().highWarn()).put("high_crit", u.band().highCrit()))
                .put("points", points)
                .put("alarms", alarms);
    }

    private static Future<Void> csv(RoutingContext ctx, History h) {
        Csv csv = Csv.start(ctx, h.unit().id() + "-history-" + h.range().resolution().label() + ".csv")
                .row("ts", "min", "max", "avg", "door_open", "defrost");
        for (HistoryPoint p : h.points()) {
            csv.row(p.ts(), p.min(), p.max(), p.avg(), p.doorOpen(), p.defrost());
        }
        return csv.end();
    }
}
