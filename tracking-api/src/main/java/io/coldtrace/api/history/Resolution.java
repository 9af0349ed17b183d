package io.coldtrace.api.history;

import java.time.Duration;
import java.time.Instant;

/**
 * How finely a history is read: raw readings up to 6 h, minute rollups up to 2 days, hour rollups beyond (at most
 * 31 days), so one answer holds at most ~2,900 points: more than a chart's width in pixels, and the rollups' min
 * and max keep every excursion visible. Zooming in re-reads at the finer resolution. (Minute rows of one device lie
 * one per heap page on plain PostgreSQL, since readings arrive minute by minute for all devices: 10,080 of them for
 * a week cost ~10,000 page reads; 168 hour rows cost a handful.)
 */
public enum Resolution {
    RAW("raw", "telemetry", null),
    MINUTE("1m", "telemetry_1m", "minute"),
    HOUR("1h", "telemetry_1h", "hour");

    /** Longest span one request may ask for. */
    public static final Duration MAX_SPAN = Duration.ofDays(31);
    /**
     * Longest span of a CSV export at a chosen resolution: a year, the span an annual audit asks for. It is streamed
     * (constant memory); the limit bounds how long one download holds a database connection (a device reporting
     * every 10 s has ~3.2 M raw readings a year, ~150 MB of CSV). Longer periods are exported year by year.
     */
    public static final Duration EXPORT_MAX_SPAN = Duration.ofDays(366);
    static final Duration RAW_MAX = Duration.ofHours(6);
    static final Duration MINUTE_MAX = Duration.ofDays(2);

    private final String label;
    private final String table;
    private final String truncUnit;

    Resolution(String label, String table, String truncUnit) {
        this.label = label;
        this.table = table;
        this.truncUnit = truncUnit;
    }

    /** The resolution for the span {@code from}..{@code to} (to after from, span within {@link #MAX_SPAN}). */
    public static Resolution forSpan(Instant from, Instant to) {
        Duration span = Duration.between(from, to);
        if (span.compareTo(RAW_MAX) <= 0) {
            return RAW;
        }
        return span.compareTo(MINUTE_MAX) <= 0 ? MINUTE : HOUR;
    }

    /** The resolution labelled {@code label} (raw, 1m, 1h). */
    static Resolution ofLabel(String label) {
        for (Resolution r : values()) {
            if (r.label.equals(label)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no resolution " + label);
    }

    /** As shown in answers: raw, 1m, 1h. */
    public String label() {
        return label;
    }

    /** The table holding this resolution. */
    String table() {
        return table;
    }

    /** The date_trunc unit of a rollup bucket; null for raw. */
    String truncUnit() {
        return truncUnit;
    }
}
