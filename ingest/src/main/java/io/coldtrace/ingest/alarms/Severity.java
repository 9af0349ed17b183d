package io.coldtrace.ingest.alarms;

/** How bad an alarm is; {@link #wire()} is the value of {@code alarm.severity}. */
public enum Severity {
    WARNING("warning"),
    CRITICAL("critical");

    private final String wire;

    Severity(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The severity with this wire name; IllegalArgumentException naming the value otherwise. */
    public static Severity fromWire(String wire) {
        return WireNames.parse(values(), Severity::wire, wire, "alarm severity");
    }
}
