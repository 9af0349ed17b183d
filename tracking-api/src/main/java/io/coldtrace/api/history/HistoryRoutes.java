package io.coldtrace.api.history;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.CursorExport;
import io.coldtrace.api.http.BandJson;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /api/v1/units/{id}/history?from=&to=[&format=json|csv][&resolution=raw|1m|1h]}: a unit's temperature
 * history at a resolution chosen by span (raw ≤ 6 h, minute rollups ≤ 2 days, hour rollups ≤ 31 days), with its
 * limit band and alarms; a CSV export may choose its resolution over up to a year.
 */
public final class HistoryRoutes {
    /** Longest unit id accepted in a path. */
    public static final int MAX_ID = 128;
    private static final List<String> FORMATS = List.of("json", "csv");

    private final BlockingDb db;
    private final CursorExport export;

    public HistoryRoutes(BlockingDb db) {
        this.db = db;
        this.export = new CursorExport(db);
    }

    public void register(RouteTable routes) {
        routes.get("/api/v1/units/:id/history", Policies.READ_OPERATIONS, this::history)
                .example("/api/v1/units/{unit}/history?from=2025-03-01T00:00:00Z&to=2025-03-01T06:00:00Z", null);
    }

    private Future<Void> history(RoutingContext ctx) {
        String id = Params.pathText(ctx, "id", MAX_ID);
        String format = Params.choiceQuery(ctx, "format", "json", FORMATS);
        HistoryRange range = "csv".equals(format) ? HistoryRange.forExport(ctx) : HistoryRange.of(ctx);
        Visibility vis = Visibility.of(ctx);
        if ("csv".equals(format)) {
            // streamed from a cursor in constant memory, so an export may be long and raw (see CursorExport)
            return export.stream(ctx, HistoryCsv.format(id, range),
                    c -> HistoryCsv.query(c, UnitLookup.visible(c, id, vis), range));
        }
        return db.read(c -> {
            UnitInfo unit = UnitLookup.visible(c, id, vis);
            return new History(unit, range,
                    HistoryQueries.points(c, id, unit.probe(), range.resolution(), range.from(), range.to()),
                    HistoryQueries.alarms(c, id, range.from(), range.to()));
        }).compose(h -> Responses.ok(ctx, json(h)));
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
                .put("band", BandJson.of(u.band()))
                .put("points", points)
                .put("alarms", alarms);
    }
}
