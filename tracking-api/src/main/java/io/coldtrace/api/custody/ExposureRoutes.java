package io.coldtrace.api.custody;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.custody.Exposure.ExposedLot;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code GET /api/v1/units/:id/exposure?from=&to=} and {@code GET /api/v1/alarms/:id/exposure} (the alarm's unit from
 * its start to its clearing, or now): the lots exposed, for QA scoping a recall (issue 8 §2).
 */
final class ExposureRoutes {

    private final BlockingDb db;
    private final Clock clock;

    ExposureRoutes(BlockingDb db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void register(RouteTable routes) {
        routes.get("/api/v1/units/:id/exposure", Policies.QUALITY, this::unit)
                .example("/api/v1/units/{unit}/exposure?from=2025-03-01T00:00:00Z&to=2025-03-02T00:00:00Z", null);
        routes.get("/api/v1/alarms/:id/exposure", Policies.QUALITY, this::alarm)
                .example("/api/v1/alarms/{alarm}/exposure", null);
    }

    private Future<Void> unit(RoutingContext ctx) {
        String id = Params.pathText(ctx, "id", 64);
        Instant from = Params.instantQuery(ctx, "from");
        Instant to = Params.instantQuery(ctx, "to");
        Visibility vis = Visibility.of(ctx);
        return db.read(c -> Exposure.ofUnit(c, vis, id, from, to)).compose(r -> Responses.ok(ctx, json(r)));
    }

    private Future<Void> alarm(RoutingContext ctx) {
        long id = Params.pathId(ctx, "id");
        Visibility vis = Visibility.of(ctx);
        return db.read(c -> Exposure.ofAlarm(c, vis, id, clock.instant()))
                .compose(r -> Responses.ok(ctx, json(r).put("alarm_id", id)));
    }

    static JsonObject json(Exposure.Report r) {
        JsonArray lots = new JsonArray();
        for (ExposedLot l : r.lots()) {
            JsonArray stays = new JsonArray();
            l.stays().forEach(s -> stays.add(new JsonObject().put("from", s.from().toString())
                    .put("to", s.to().toString()).put("quantity", s.quantity())));
            Exposure.Dose d = l.dose();
            boolean above = d.aboveMinutes() > 0;
            lots.add(new JsonObject().put("id", l.id().toString()).put("code", l.code()).put("kind", l.kind())
                    .put("trace_code", l.traceCode()).put("uom", l.uom()).put("voided", l.voided())
                    .put("band", new JsonObject().put("temp_class", l.band().tempClass()).put("low", l.band().low())
                            .put("high", l.band().high()))
                    .put("stays", stays).put("minutes", round(l.minutes()))
                    .put("dose", new JsonObject().put("monitored_minutes", round(d.minutes()))
                            .put("min_c", d.minC()).put("max_c", d.maxC()).put("mean_c", round(d.meanC()))
                            .put("mkt_c", l.band().tempClass().equals("frozen") ? null : round(d.mktC()))
                            .put("minutes_above", round(d.aboveMinutes()))
                            .put("minutes_below", round(d.belowMinutes()))
                            .put("degree_minutes_above", round(d.degreeMinutesAbove()))
                            .put("degree_minutes_below", round(d.degreeMinutesBelow()))
                            .put("peak_c", above ? d.maxC() : d.belowMinutes() > 0 ? d.minC() : null))
                    .put("shelf_life", l.remainingDays() == null ? null : new JsonObject()
                            .put("remaining_days", round(l.remainingDays()))
                            .put("predicted_expiry", l.predictedExpiry().toString())
                            .put("computed_at", l.shelfLifeAt().toString())));
        }
        return new JsonObject().put("unit", new JsonObject().put("id", r.unit().id()).put("name", r.unit().name())
                        .put("site_id", r.unit().siteId()).put("site_name", r.unit().siteName()))
                .put("from", r.from().toString()).put("to", r.to().toString()).put("source", r.source())
                .put("count", lots.size()).put("lots", lots);
    }

    private static Double round(Double v) {
        return v == null ? null : Math.round(v * 100) / 100.0;
    }
}
