package io.coldtrace.ingest.alarms;

import java.time.Instant;

/**
 * What one evaluated reading changed about one alarm episode; {@code (unit, rule, severity, startedAt)} is the
 * episode's key in table {@code alarm}. All times are device time.
 */
public sealed interface AlarmChange permits AlarmChange.Raised, AlarmChange.PeakUpdated, AlarmChange.Cleared {
    Rule rule();

    Severity severity();

    Instant startedAt();

    /**
     * A new alarm: insert it. {@code value} is the worst value of the episode so far (the initial {@code peak_value});
     * {@code limit} and {@code value} are null where the rule has none (sensor fault).
     */
    record Raised(Rule rule, Severity severity, Instant startedAt, Instant raisedAt, Double limit, Double value,
                  String message) implements AlarmChange {
    }

    /** The open episode reached a new worst value: update {@code peak_value}. */
    record PeakUpdated(Rule rule, Severity severity, Instant startedAt, double peak) implements AlarmChange {
    }

    /** The condition is over: set {@code cleared_at}. */
    record Cleared(Rule rule, Severity severity, Instant startedAt, Instant clearedAt) implements AlarmChange {
    }
}
