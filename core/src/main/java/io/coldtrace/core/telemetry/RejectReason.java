package io.coldtrace.core.telemetry;

/** Why a telemetry message or reading was dead-lettered; the wire name is what dead_letter.reason stores and metrics tag. */
public enum RejectReason {
    MALFORMED_JSON("malformed_json"),
    WRONG_TYPE("wrong_type"),
    MISSING_FIELD("missing_field"),
    NOT_FINITE("not_finite"),
    OUT_OF_RANGE("out_of_range"),
    FUTURE_TIMESTAMP("future_timestamp"),
    TIMESTAMP_TOO_OLD("timestamp_too_old"),
    TOO_LARGE("too_large"),
    UNKNOWN_VERSION("unknown_version"),
    BAD_TOPIC("bad_topic"),
    DUPLICATE_TIMESTAMP("duplicate_timestamp"),
    UNKNOWN_PROBE("unknown_probe");

    private final String wire;

    RejectReason(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
