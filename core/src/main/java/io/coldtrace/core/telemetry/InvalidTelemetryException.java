package io.coldtrace.core.telemetry;

/**
 * A client error in telemetry: the message (or one reading) is dead-lettered with {@link #reason()}, never retried.
 * It carries no stack trace because it is expected input, logged once and counted.
 */
public final class InvalidTelemetryException extends RuntimeException {
    private final RejectReason reason;
    private final String field;

    public InvalidTelemetryException(RejectReason reason, String field, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.field = field;
    }

    public RejectReason reason() {
        return reason;
    }

    /** JSON path of the offending field, e.g. {@code readings[2].temp.air}; null when the whole message is at fault. */
    public String field() {
        return field;
    }
}
