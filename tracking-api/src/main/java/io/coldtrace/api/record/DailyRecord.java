package io.coldtrace.api.record;

import io.coldtrace.api.history.AlarmRow;
import io.coldtrace.api.history.HistoryPoint;
import io.coldtrace.api.history.UnitInfo;
import io.coldtrace.core.quality.Excursion;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An inspector's daily temperature record of one unit for one local day of its site, as CSV and PDF render it.
 *
 * @param interval the recording interval: the table shows one reading per interval
 * @param table    the first reading of each interval (door/defrost: any reading of the interval said so)
 * @param summary  figures over every reading of the day, each held until the next one (at most one interval)
 */
public record DailyRecord(UnitInfo unit, LocalDate date, Instant dayStart, Instant dayEnd, Duration interval,
                          List<HistoryPoint> table, Summary summary, List<LimitExcursion> excursions,
                          List<AlarmRow> alarms, Instant generatedAt) {
    /** Wording of the recording-interval rule, shown in every rendering. */
    public static final String INTERVAL_RULE =
            "the device's reporting interval or 10 min, whichever is longer";
    /** Shown instead of an MKT for frozen units. */
    public static final String MKT_NOT_APPLICABLE = "not applicable (frozen unit, USP <1079.2>)";

    /**
     * Figures of the day in °C; null when there were no readings.
     *
     * @param readings how many readings with a value the day had
     * @param mean     time-weighted mean
     * @param mkt      mean kinetic temperature (ΔH/R = 10 000 K); null for frozen units or without readings
     */
    public record Summary(int readings, Double min, Double max, Double mean, Double mkt) {
    }

    /** A run beyond one of the profile's limits. */
    public record LimitExcursion(String limit, Excursion excursion) {
    }
}
