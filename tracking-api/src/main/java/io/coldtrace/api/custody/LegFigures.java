package io.coldtrace.api.custody;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
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
            num(rs.getObject("covered_min")), null, List.of(), List.of(), List.of());

    LegFigures with(String source, List<Gap> gaps, List<Excursion> excursions, List<AlarmRef> alarms) {
        return new LegFigures(readings, minC, maxC, meanC, mktC, readMinutes, aboveMinutes, belowMinutes,
                degreeMinutesAbove, degreeMinutesBelow, lifeUsed, expectedReadings, coveredMinutes, source, gaps,
                excursions, alarms);
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
        static final RowMapper<Gap> MAPPER = rs -> new Gap(rs.getInt("device_id"), Rows.instant(rs, "gap_from"),
                Rows.instant(rs, "gap_to"));
    }

    /** A run of readings beyond the band. */
    public record Excursion(String side, Instant started, Instant ended, double minutes, double peakC,
                            double degreeMinutes) {
        static final RowMapper<Excursion> MAPPER = rs -> new Excursion(rs.getString("side"),
                Rows.instant(rs, "started"), Rows.instant(rs, "ended"), rs.getDouble("minutes"),
                rs.getDouble("peak_c"), rs.getDouble("degree_minutes"));
    }

    /** An alarm of the leg's unit that overlapped the leg. */
    public record AlarmRef(long id, String rule, String severity, String state, Instant startedAt, Instant clearedAt,
                           Double peak, String message) {
        static final RowMapper<AlarmRef> MAPPER = rs -> new AlarmRef(rs.getLong("id"), rs.getString("rule"),
                rs.getString("severity"), rs.getString("state"), Rows.instant(rs, "started_at"),
                Rows.instant(rs, "cleared_at"), Rows.real(rs, "peak_value"), rs.getString("message"));
    }
}
