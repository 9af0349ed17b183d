package io.coldtrace.ingest.alarms;

/** What an alarm is about; {@link #wire()} is the value of {@code alarm.rule}. */
public enum Rule {
    HIGH("high"),
    LOW("low"),
    DOOR_OPEN("door_open"),
    /** Wall-clock rule, run on a timer elsewhere: the device-time evaluator never raises it. */
    OFFLINE("offline"),
    RATE_OF_CHANGE("rate_of_change"),
    BATTERY_LOW("battery_low"),
    SENSOR_FAULT("sensor_fault");

    private final String wire;

    Rule(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The rule with this wire name; IllegalArgumentException naming the value otherwise. */
    public static Rule fromWire(String wire) {
        return WireNames.parse(values(), Rule::wire, wire, "alarm rule");
    }
}
