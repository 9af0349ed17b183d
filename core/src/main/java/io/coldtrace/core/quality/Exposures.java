package io.coldtrace.core.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns readings into exposures: each reading represents the time until the next one (sample and hold), the last
 * one the time until {@code end}, and no reading is held longer than {@code maxHold} (a gap in the data is no data,
 * not a long stretch at the last value).
 */
public final class Exposures {
    private Exposures() {
    }

    /**
     * {@code weightᵢ = min(tᵢ₊₁ − tᵢ, maxHold)}, last: {@code min(end − tₙ, maxHold)} (never negative).
     *
     * @param samples readings in time order (ascending, no duplicates)
     */
    public static List<Exposure> held(List<Sample> samples, Instant end, Duration maxHold) {
        List<Exposure> out = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            out.add(new Exposure(samples.get(i).celsius(), hold(samples, i, end, maxHold)));
        }
        return out;
    }

    /** The time sample {@code i} represents (see {@link #held}). */
    static Duration hold(List<Sample> samples, int i, Instant end, Duration maxHold) {
        Instant from = samples.get(i).at();
        Instant to = i + 1 < samples.size() ? samples.get(i + 1).at() : end;
        if (to.isBefore(from)) {
            if (i + 1 < samples.size()) {
                throw new IllegalArgumentException("samples must be in time order: " + to + " follows " + from);
            }
            return Duration.ZERO;
        }
        Duration d = Duration.between(from, to);
        return d.compareTo(maxHold) > 0 ? maxHold : d;
    }
}
