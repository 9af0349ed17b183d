package io.coldtrace.core.telemetry;

import java.util.List;

/**
 * What a device publishes on its telemetry topic: a per-device sequence number (one per message, increasing) and one
 * or more readings. A logger that was offline uploads its whole buffer as one message.
 */
public record TelemetryMessage(int version, long seq, List<Reading> readings) {
    public static final int CURRENT_VERSION = 1;

    public TelemetryMessage {
        if (version != CURRENT_VERSION) {
            throw new InvalidTelemetryException(RejectReason.UNKNOWN_VERSION, "v", "unknown payload version " + version);
        }
        if (seq < 0) {
            throw new InvalidTelemetryException(RejectReason.OUT_OF_RANGE, "seq", "seq must be >= 0, was " + seq);
        }
        readings = List.copyOf(readings);
        if (readings.isEmpty()) {
            throw new InvalidTelemetryException(RejectReason.MISSING_FIELD, "readings", "readings is empty");
        }
    }
}
