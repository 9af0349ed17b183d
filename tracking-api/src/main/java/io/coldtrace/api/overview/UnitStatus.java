package io.coldtrace.api.overview;

import io.coldtrace.core.quality.Band;

/**
 * What a unit's latest reading says at a glance: {@code no_data} (no bound device, no reading, or no value of the
 * judged probe), {@code offline} (its device has been silent too long), else the value against the profile's band:
 * {@code critical} beyond a critical limit, {@code warning} beyond a warning limit, {@code ok}. This is the live
 * picture only; alarms (with their delays) are separate.
 */
public final class UnitStatus {
    public static final String OK = "ok";
    public static final String WARNING = "warning";
    public static final String CRITICAL = "critical";
    public static final String OFFLINE = "offline";
    public static final String NO_DATA = "no_data";

    private UnitStatus() {
    }

    /** Limits may be null (rule off); {@code value} null = the probe sent nothing. */
    public static String of(boolean hasReading, boolean offline, Double value, Band band) {
        if (!hasReading) {
            return NO_DATA;
        }
        if (offline) {
            return OFFLINE;
        }
        if (value == null) {
            return NO_DATA;
        }
        if (band.critical(value)) {
            return CRITICAL;
        }
        if (band.warning(value)) {
            return WARNING;
        }
        return OK;
    }
}
