package io.coldtrace.api.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One point of a unit's history: a raw reading (min = max = avg = its value) or a rollup bucket (starting at
 * {@code ts}). Temperatures are null when the probe reported nothing; door/defrost are true when any reading in the
 * bucket said so.
 */
public record HistoryPoint(Instant ts, Double min, Double max, Double avg, boolean doorOpen, boolean defrost) {
    public HistoryPoint {
        Objects.requireNonNull(ts, "ts");
    }
}
