package io.coldtrace.core.telemetry;

import java.util.List;

/** A decoded telemetry message: the readings that passed, and the ones rejected with their reasons. */
public record DecodedTelemetry(long seq, List<Reading> readings, List<Rejected> rejected) {
    public DecodedTelemetry {
        readings = List.copyOf(readings);
        rejected = List.copyOf(rejected);
    }

    /** One reading that was dead-lettered; {@code rawJson} is that reading as it arrived. */
    public record Rejected(int index, RejectReason reason, String field, String message, String rawJson) {
    }
}
