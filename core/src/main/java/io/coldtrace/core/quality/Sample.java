package io.coldtrace.core.quality;

import java.time.Instant;
import java.util.Objects;

/** One temperature reading at an instant (°C), before it is given the time it represents. */
public record Sample(Instant at, double celsius) {
    public Sample {
        Objects.requireNonNull(at, "at");
        if (!Double.isFinite(celsius)) {
            throw new IllegalArgumentException("temperature must be a finite number of °C, was " + celsius);
        }
    }
}
