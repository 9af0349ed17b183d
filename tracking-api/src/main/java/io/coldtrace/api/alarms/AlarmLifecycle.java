package io.coldtrace.api.alarms;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import java.time.Instant;

/**
 * Where an alarm stands in the lifecycle people drive: its state (open, acknowledged, resolved) and whether its
 * condition has cleared. Read locked, so the checks hold until the change commits.
 */
record AlarmLifecycle(String state, Instant clearedAt) {
    static final String OPEN = "open";
    static final String RESOLVED = "resolved";

    static final String COLUMNS = "a.state, a.cleared_at";

    static final RowMapper<AlarmLifecycle> MAPPER = rs -> new AlarmLifecycle(rs.getString("state"),
            Rows.instant(rs, "cleared_at"));

    /** Only an open alarm can be acknowledged. */
    boolean open() {
        return OPEN.equals(state);
    }

    boolean resolved() {
        return RESOLVED.equals(state);
    }

    /** Whether the condition that raised it has ended; only then can it be resolved. */
    boolean cleared() {
        return clearedAt != null;
    }
}
