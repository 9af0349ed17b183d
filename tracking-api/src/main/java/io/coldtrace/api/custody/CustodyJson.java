package io.coldtrace.api.custody;

import io.coldtrace.api.custody.Custody.LegReport;
import io.coldtrace.api.custody.Custody.Report;
import io.coldtrace.api.custody.Custody.ShelfLife;
import io.coldtrace.api.db.Rows;
import io.coldtrace.core.quality.ClassBand;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The JSON of a custody report (the operators' API and the audit pack; the public page shows a reduced, private-free
 * view).
 */
public final class CustodyJson {
    private CustodyJson() {
    }

    public static JsonObject of(Report r) {
        ClassBand band = r.lot().band();
        JsonArray legs = new JsonArray();
        for (LegReport l : r.legs()) {
            legs.add(leg(l));
        }
        return new JsonObject().put("lot_id", r.lot().id().toString()).put("code", r.lot().code())
                .put("band", new JsonObject().put("temp_class", band.tempClass()).put("low_c", band.low())
                        .put("high_c", band.high()))
                .put("legs", legs).put("shelf_life", shelfLife(r.shelfLife()));
    }

    static JsonObject leg(LegReport l) {
        Leg g = l.leg();
        LegFigures f = l.figures();
        JsonArray gaps = new JsonArray();
        f.gaps().forEach(x -> gaps.add(new JsonObject().put("device_id", x.deviceId()).put("from", Rows.iso(x.from()))
                .put("to", Rows.iso(x.to()))));
        JsonArray excursions = new JsonArray();
        f.excursions().forEach(x -> excursions.add(new JsonObject().put("side", x.side())
                .put("started", Rows.iso(x.started())).put("ended", Rows.iso(x.ended()))
                .put("minutes", round(x.minutes())).put("peak_c", round(x.peakC()))
                .put("degree_minutes", round(x.degreeMinutes()))));
        JsonArray alarms = new JsonArray();
        f.alarms().forEach(a -> alarms.add(new JsonObject().put("id", a.id()).put("rule", a.rule())
                .put("severity", a.severity()).put("state", a.state()).put("started_at", Rows.iso(a.startedAt()))
                .put("cleared_at", Rows.iso(a.clearedAt())).put("peak", a.peak()).put("message", a.message())));
        return new JsonObject().put("lot_id", g.lotId().toString()).put("lot_code", g.lotCode()).put("depth", g.depth())
                .put("place", new JsonObject().put("kind", g.placeKind()).put("id", g.placeId())
                        .put("name", g.placeName()).put("unit_kind", g.unitKind()).put("site_id", g.siteId())
                        .put("site_name", g.siteName()))
                .put("from", Rows.iso(g.from())).put("to", g.open() ? null : Rows.iso(g.to()))
                .put("open", g.open()).put("minutes", round(g.minutes()))
                .put("quantity", g.quantity().stripTrailingZeros().toPlainString())
                .put("monitored", f.readings() > 0).put("unmonitored_minutes", round(l.unmonitoredMinutes()))
                .put("source", f.source()).put("readings", f.readings())
                .put("expected_readings", Math.round(f.expectedReadings()))
                .put("completeness", f.completeness() == null ? null : round(f.completeness()))
                .put("min_c", round(f.minC())).put("max_c", round(f.maxC())).put("mean_c", round(f.meanC()))
                .put("mkt_c", round(f.mktC())).put("above_minutes", round(f.aboveMinutes()))
                .put("below_minutes", round(f.belowMinutes()))
                .put("degree_minutes_above", round(f.degreeMinutesAbove()))
                .put("degree_minutes_below", round(f.degreeMinutesBelow()))
                .put("life_used", round4(l.lifeUsed()))
                .put("gaps", gaps).put("excursions", excursions).put("alarms", alarms)
                .put("verdict", new JsonObject().put("status", l.verdict().status()).put("en", l.verdict().en())
                        .put("zh", l.verdict().zh()));
    }

    static JsonObject shelfLife(ShelfLife s) {
        if (s == null) {
            return null;
        }
        return new JsonObject().put("model", s.model()).put("reference_c", s.referenceC())
                .put("reference_days", s.referenceDays()).put("used_fraction", round4(s.usedFraction()))
                .put("planned_c", s.plannedC()).put("remaining_days", round(s.remainingDays()))
                .put("as_of", Rows.iso(s.asOf())).put("predicted_expiry", Rows.iso(s.predictedExpiry()))
                .put("assumed_unmonitored_c", s.assumedUnmonitoredC())
                .put("unmonitored_minutes", round(s.unmonitoredMinutes()));
    }

    static Double round(Double v) {
        return v == null ? null : Math.round(v * 100) / 100.0;
    }

    private static Double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
