package io.coldtrace.api.custody;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * A leg's temperature figures, computed in SQL from the readings of the devices bound to its unit during the leg.
 * {@code readMinutes} is the time the readings stand for (each until the next, or its own interval across a gap);
 * {@code coveredMinutes} the part of the leg some device was bound to the unit; the rest was not monitored at all.
 */
public record LegFigures(long readings, Double minC, Double maxC, Double meanC, Double mktC, double readMinutes,
                         double aboveMinutes, double belowMinutes, double degreeMinutesAbove,
                         double degreeMinutesBelow, Double lifeUsed, double expectedReadings, double coveredMinutes,
                         String source, List<Gap> gaps, List<Excursion> excursions, List<AlarmRef> alarms) {
    /** No device was bound: the whole leg unmonitored. */
    static LegFigures none() {
        return new LegFigures(0, null, null, null, null, 0, 0, 0, 0, 0, null, 0, 0, null, List.of(), List.of(),
                List.of());
    }

    static final RowMapper<LegFigures> MAPPER = rs -> new LegFigures(rs.getLong("n"), Rows.dbl(rs, "min_c"),
            Rows.dbl(rs, "max_c"), Rows.dbl(rs, "mean_c"), Rows.dbl(rs, "mkt_c"), num(rs.getObject("minutes")),
            num(rs.getObject("above_min")), num(rs.getObject("below_min")), num(rs.getObject("dm_above")),
            num(rs.getObject("dm_below")), rs.getObject("life_used") == null ? null
                    : ((Number) rs.getObject("life_used")).doubleValue(), num(rs.getObject("expected")),
            num(rs.getObject("covered_min")), null,
            list(rs.getString("gaps"), o -> new Gap(o.getInteger("device_id"), at(o, "from"), at(o, "to"))),
            list(rs.getString("excursions"), o -> new Excursion(o.getString("side"), at(o, "started"),
                    at(o, "ended"), o.getDouble("minutes"), o.getDouble("peak_c"), o.getDouble("degree_minutes"))),
            list(rs.getString("alarms"), o -> new AlarmRef(o.getLong("id"), o.getString("rule"),
                    o.getString("severity"), o.getString("state"), at(o, "started_at"), at(o, "cleared_at"),
                    o.getDouble("peak"), o.getString("message"))));

    LegFigures with(String source) {
        return new LegFigures(readings, minC, maxC, meanC, mktC, readMinutes, aboveMinutes, belowMinutes,
                degreeMinutesAbove, degreeMinutesBelow, lifeUsed, expectedReadings, coveredMinutes, source, gaps,
                excursions, alarms);
    }

    private static <T> List<T> list(String json, java.util.function.Function<JsonObject, T> item) {
        JsonArray a = new JsonArray(json);
        List<T> out = new java.util.ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            out.add(item.apply(a.getJsonObject(i)));
        }
        return out;
    }

    /** A timestamptz as json_build_object writes it (2026-11-29T05:24:03.5+00:00). */
    private static Instant at(JsonObject o, String key) {
        String v = o.getString(key);
        return v == null ? null : java.time.OffsetDateTime.parse(v).toInstant();
    }

    /** Share of the expected readings that are there (null when none were expected). */
    Double completeness() {
        return expectedReadings <= 0 ? null : Math.min(1.0, readings / expectedReadings);
    }

    private static double num(Object o) {
        return o == null ? 0 : ((Number) o).doubleValue();
    }

    /** No readings from {@code from} to {@code to} on device {@code deviceId}. */
    public record Gap(int deviceId, Instant from, Instant to) {
    }

    /** A run of readings beyond the band. */
    public record Excursion(String side, Instant started, Instant ended, double minutes, double peakC,
                            double degreeMinutes) {
    }

    /** An alarm of the leg's unit that overlapped the leg. */
    public record AlarmRef(long id, String rule, String severity, String state, Instant startedAt, Instant clearedAt,
                           Double peak, String message) {
    }
}
