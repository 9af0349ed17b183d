package io.coldtrace.core.quality;

/**
 * A limit profile's temperature band in °C: critical and warning limits below and above. A null limit is switched
 * off. A value on a limit is inside it; only a value beyond it counts.
 */
public record Band(Double lowCrit, Double lowWarn, Double highWarn, Double highCrit) {
    /** No limits at all (a unit without a profile). */
    public static final Band NONE = new Band(null, null, null, null);

    /** True when {@code c} lies beyond a critical limit. */
    public boolean critical(double c) {
        return above(c, highCrit) || below(c, lowCrit);
    }

    /** True when {@code c} lies beyond a warning limit (a critical value usually does too). */
    public boolean warning(double c) {
        return above(c, highWarn) || below(c, lowWarn);
    }

    private static boolean above(double c, Double limit) {
        return limit != null && c > limit;
    }

    private static boolean below(double c, Double limit) {
        return limit != null && c < limit;
    }
}
