package io.coldtrace.core.quality;

import java.time.Duration;
import java.util.Objects;

/**
 * A temperature held for a time: the unit every time-weighted figure (MKT, mean, dose, shelf life) is built from.
 *
 * @param celsius  the temperature in °C
 * @param duration how long it was held (the time the reading represents); zero is allowed, negative is not
 */
public record Exposure(double celsius, Duration duration) {
    public Exposure {
        if (!Double.isFinite(celsius)) {
            throw new IllegalArgumentException("temperature must be a finite number of °C, was " + celsius);
        }
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, was " + duration);
        }
    }

    /** {@code celsius} held for {@code hours} hours (fractions allowed, to the millisecond). */
    public static Exposure hours(double celsius, double hours) {
        return new Exposure(celsius, Duration.ofMillis(Math.round(hours * 3_600_000d)));
    }

    /** {@code celsius} held for {@code minutes} minutes (fractions allowed, to the millisecond). */
    public static Exposure minutes(double celsius, double minutes) {
        return new Exposure(celsius, Duration.ofMillis(Math.round(minutes * 60_000d)));
    }

    /** The duration in (fractional) minutes. */
    public double minutes() {
        return duration.toMillis() / 60_000d;
    }

    /** The duration in (fractional) days. */
    public double days() {
        return duration.toMillis() / 86_400_000d;
    }
}
