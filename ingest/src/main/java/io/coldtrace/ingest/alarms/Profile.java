package io.coldtrace.ingest.alarms;

import io.coldtrace.core.telemetry.Channel;
import io.coldtrace.core.telemetry.ProbeRole;
import io.coldtrace.core.telemetry.Reading;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A limit profile (table {@code limit_profile}): what a unit is judged by. Validated like the table's CHECKs; a null
 * limit, door maximum, rate or battery threshold switches that rule off. See docs/alarms.md for every field.
 */
public record Profile(String id, ProbeRole probe, Double highWarnC, Double highCritC, Double lowWarnC, Double lowCritC,
                      Duration warnDelay, Duration critDelay, DelayMode delayMode, double hysteresisC,
                      Duration clearDelay, Duration doorOpenMax, Integer offlineFactor, boolean suppressDefrost,
                      boolean suppressDoor, Duration suppressCap, Double rateMaxCPerMin, Double batteryLowPct,
                      Duration escalateAfter) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public Profile {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("profile id must match " + ID.pattern() + ", was '" + id + "'");
        }
        require(probe != null, "probe is required");
        require(delayMode != null, "delayMode is required");
        finite("highWarnC", highWarnC);
        finite("highCritC", highCritC);
        finite("lowWarnC", lowWarnC);
        finite("lowCritC", lowCritC);
        atLeastZero("warnDelay", warnDelay);
        atLeastZero("critDelay", critDelay);
        atLeastZero("clearDelay", clearDelay);
        atLeastZero("suppressCap", suppressCap);
        require(Double.isFinite(hysteresisC) && hysteresisC >= 0, "hysteresisC must be >= 0, was " + hysteresisC);
        positiveOrNull("doorOpenMax", doorOpenMax);
        positiveOrNull("escalateAfter", escalateAfter);
        require(offlineFactor == null || (offlineFactor >= 2 && offlineFactor <= 100),
                "offlineFactor must be within 2..100, was " + offlineFactor);
        require(rateMaxCPerMin == null || (Double.isFinite(rateMaxCPerMin) && rateMaxCPerMin > 0),
                "rateMaxCPerMin must be > 0, was " + rateMaxCPerMin);
        require(batteryLowPct == null || (batteryLowPct >= 0 && batteryLowPct <= 100),
                "batteryLowPct must be within 0..100, was " + batteryLowPct);
        require(highWarnC == null || highCritC == null || highWarnC <= highCritC,
                "highWarnC " + highWarnC + " must be <= highCritC " + highCritC);
        require(lowWarnC == null || lowCritC == null || lowWarnC >= lowCritC,
                "lowWarnC " + lowWarnC + " must be >= lowCritC " + lowCritC);
        require(lowWarnC == null || highWarnC == null || lowWarnC < highWarnC,
                "lowWarnC " + lowWarnC + " must be < highWarnC " + highWarnC);
    }

    /** The temperature the rules judge: the reading's channel for {@link #probe()}, null when not reported. */
    public Double probeValue(Reading r) {
        return Channel.forProbe(probe).numberIn(r);
    }

    /** A builder with the table's defaults (air probe, 15 min warning / 5 min critical delay, 0.5 °C, ...). */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void finite(String name, Double v) {
        require(v == null || Double.isFinite(v), name + " must be finite, was " + v);
    }

    private static void atLeastZero(String name, Duration d) {
        require(d != null, name + " is required");
        require(!d.isNegative(), name + " must be >= 0, was " + d);
    }

    private static void positiveOrNull(String name, Duration d) {
        require(d == null || (!d.isNegative() && !d.isZero()), name + " must be > 0, was " + d);
    }

    /** Mutable builder starting from the {@code limit_profile} defaults; {@link #build()} validates. */
    public static final class Builder {
        private final String id;
        private ProbeRole probe = ProbeRole.AIR;
        private Double highWarnC, highCritC, lowWarnC, lowCritC, rateMaxCPerMin, batteryLowPct;
        private Duration warnDelay = Duration.ofSeconds(900);
        private Duration critDelay = Duration.ofSeconds(300);
        private DelayMode delayMode = DelayMode.SINGLE;
        private double hysteresisC = 0.5;
        private Duration clearDelay = Duration.ofSeconds(300);
        private Duration doorOpenMax, escalateAfter;
        private Integer offlineFactor;
        private boolean suppressDefrost = true;
        private boolean suppressDoor = true;
        private Duration suppressCap = Duration.ofSeconds(2700);

        private Builder(String id) {
            this.id = id;
        }

        public Builder probe(ProbeRole p) { probe = p; return this; }
        public Builder high(Double warnC, Double critC) { highWarnC = warnC; highCritC = critC; return this; }
        public Builder low(Double warnC, Double critC) { lowWarnC = warnC; lowCritC = critC; return this; }
        public Builder warnDelay(Duration d) { warnDelay = d; return this; }
        public Builder critDelay(Duration d) { critDelay = d; return this; }
        public Builder delayMode(DelayMode m) { delayMode = m; return this; }
        public Builder hysteresis(double c) { hysteresisC = c; return this; }
        public Builder clearDelay(Duration d) { clearDelay = d; return this; }
        public Builder doorOpenMax(Duration d) { doorOpenMax = d; return this; }
        public Builder offlineFactor(Integer f) { offlineFactor = f; return this; }
        public Builder suppress(boolean defrost, boolean door, Duration cap) {
            suppressDefrost = defrost; suppressDoor = door; suppressCap = cap; return this;
        }
        public Builder rateMax(Double cPerMin) { rateMaxCPerMin = cPerMin; return this; }
        public Builder batteryLow(Double pct) { batteryLowPct = pct; return this; }
        public Builder escalateAfter(Duration d) { escalateAfter = d; return this; }

        public Profile build() {
            return new Profile(id, probe, highWarnC, highCritC, lowWarnC, lowCritC, warnDelay, critDelay, delayMode,
                    hysteresisC, clearDelay, doorOpenMax, offlineFactor, suppressDefrost, suppressDoor, suppressCap,
                    rateMaxCPerMin, batteryLowPct, escalateAfter);
        }
    }
}
