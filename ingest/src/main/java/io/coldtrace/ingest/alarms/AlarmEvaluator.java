package io.coldtrace.ingest.alarms;

import io.coldtrace.core.telemetry.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The pure alarm engine of docs/alarms.md: feeds one unit's readings, in device-time order, through the rules and
 * reports what changed. No clock, no I/O; everything it remembers is in the {@link UnitAlarmState} passed in.
 * Stateless itself, so one instance serves all units and threads. OFFLINE and escalation are wall-clock rules and
 * live elsewhere.
 */
public final class AlarmEvaluator {
    private final List<UnitRule> rules = List.of(new LimitRule(), new DoorRule(), new RateRule(), new BatteryRule(),
            new SensorFaultRule());

    /** Evaluates one reading of the unit; returns no change and leaves the state alone when reading.ts() <= state.evaluatedTo(). */
    public List<AlarmChange> evaluate(Profile profile, UnitAlarmState state, Reading reading) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reading, "reading");
        if (state.evaluatedTo() != null && !reading.ts().isAfter(state.evaluatedTo())) {
            return List.of();
        }
        List<AlarmChange> out = new ArrayList<>(2);
        for (UnitRule rule : rules) {
            rule.evaluate(profile, state, reading, out);
        }
        state.evaluatedTo(reading.ts());
        return List.copyOf(out);
    }

    /** A person resolved an alarm: resets that rule/severity's cumulative counter (cumulative mode). */
    public void resolved(UnitAlarmState state, Rule rule, Severity severity) {
        Objects.requireNonNull(state, "state");
        state.cumulativeMs(UnitAlarmState.key(Objects.requireNonNull(rule, "rule"),
                Objects.requireNonNull(severity, "severity")), 0);
    }
}
