package io.coldtrace.ingest.alarms;

/** How a limit's delay is counted ({@code limit_profile.delay_mode}); see docs/alarms.md. */
public enum DelayMode {
    /** One continuous breach must last the delay. */
    SINGLE("single"),
    /** Time beyond the limit adds up over breaches until an alarm of that rule and severity is resolved. */
    CUMULATIVE("cumulative");

    private final String wire;

    DelayMode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The mode with this wire name; IllegalArgumentException naming the value otherwise. */
    public static DelayMode fromWire(String wire) {
        return WireNames.parse(values(), DelayMode::wire, wire, "delay mode");
    }
}
