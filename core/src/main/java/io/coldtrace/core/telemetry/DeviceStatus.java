package io.coldtrace.core.telemetry;

import java.time.Instant;

/**
 * Retained message on {@code .../status}: online when the device connects, offline as its MQTT last will.
 * {@code intervalS} is the device's reporting interval, which the offline alarm multiplies.
 */
public record DeviceStatus(State state, Instant ts, Integer intervalS, String firmware) {
    /** Connection state the device declares. */
    public enum State { ONLINE, OFFLINE }

    public DeviceStatus {
        if (state == null) {
            throw new InvalidTelemetryException(RejectReason.MISSING_FIELD, "state", "status has no state");
        }
        if (intervalS != null && (intervalS < 1 || intervalS > 86_400)) {
            throw new InvalidTelemetryException(RejectReason.OUT_OF_RANGE, "interval_s",
                    "interval_s must be within 1..86400, was " + intervalS);
        }
    }
}
