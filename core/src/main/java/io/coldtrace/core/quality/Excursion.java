package io.coldtrace.core.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One contiguous run of readings beyond a limit.
 *
 * @param side          above a high limit or below a low one
 * @param limitC        the limit crossed (°C)
 * @param start         time of the first reading beyond the limit
 * @param end           when the last reading beyond it stopped representing the temperature (next reading, gap cap
 *                      or end of the history)
 * @param peakC         the worst value of the run (highest above, lowest below)
 * @param degreeMinutes the run's excursion dose, see {@link ExcursionDose}
 */
public record Excursion(Side side, double limitC, Instant start, Instant end, double peakC, double degreeMinutes) {
    /** Which way a limit is crossed. */
    public enum Side {
        ABOVE, BELOW;

        /** Whether {@code celsius} is beyond {@code limitC} on this side (equal is inside). */
        public boolean beyond(double celsius, double limitC) {
            return this == ABOVE ? celsius > limitC : celsius < limitC;
        }
    }

    public Excursion {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("an excursion cannot end (" + end + ") before it starts (" + start + ")");
        }
    }

    public Duration duration() {
        return Duration.between(start, end);
    }
}
