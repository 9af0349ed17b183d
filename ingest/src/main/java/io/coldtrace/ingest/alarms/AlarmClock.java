package io.coldtrace.ingest.alarms;

import io.coldtrace.ingest.write.PeriodicTask;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wall-clock alarm rules, which no message triggers: a unit whose device has sent nothing for
 * offline_factor × its reporting interval raises an offline alarm on time; an alarm nobody acknowledged within the
 * profile's escalate_after_s is escalated. Both are idempotent (natural keys, guarded updates), so several ingest
 * instances may run them.
 */
public final class AlarmClock implements PeriodicTask {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmClock.class);

    private static final String OFFLINE = """
            WITH cand AS (
                SELECT DISTINCT ON (b.unit_id) b.unit_id, d.id AS device_id, d.ext_id, d.last_ingested_at,
                       p.offline_factor * coalesce(d.report_interval_s, 60) AS limit_s
                FROM device_binding b
                JOIN device d ON d.id = b.device_id
                JOIN unit u ON u.id = b.unit_id
                JOIN limit_profile p ON p.id = u.profile_id
                WHERE b.valid @> now() AND p.offline_factor IS NOT NULL AND d.last_ingested_at IS NOT NULL
                  AND d.last_ingested_at < now() - make_interval(secs => p.offline_factor * coalesce(d.report_interval_s, 60))
                ORDER BY b.unit_id, d.last_ingested_at DESC
            ), raised AS (
                INSERT INTO alarm (unit_id, device_id, rule, severity, started_at, raised_at, message)
                SELECT c.unit_id, c.device_id, 'offline', 'critical', c.last_ingested_at, now(),
                       format('no data from %s since %s (limit %s s)', c.ext_id,
                              to_char(c.last_ingested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"'), c.limit_s)
                FROM cand c
                WHERE NOT EXISTS (SELECT 1 FROM alarm a WHERE a.unit_id = c.unit_id AND a.rule = 'offline'
                                  AND a.cleared_at IS NULL)
                ON CONFLICT (unit_id, rule, severity, started_at) DO NOTHING
                RETURNING id
            )
            INSERT INTO alarm_event (alarm_id, actor, action) SELECT id, 'ingest', 'raised' FROM raised""";

    private static final String ESCALATE = """
            WITH esc AS (
                UPDATE alarm a SET escalated_at = now()
                FROM unit u JOIN limit_profile p ON p.id = u.profile_id
                WHERE u.id = a.unit_id AND a.state = 'open' AND a.escalated_at IS NULL
                  AND p.escalate_after_s IS NOT NULL
                  AND a.created_at < now() - make_interval(secs => p.escalate_after_s)
                RETURNING a.id
            )
            INSERT INTO alarm_event (alarm_id, actor, action) SELECT id, 'ingest', 'escalated' FROM esc""";

    private final Duration interval;

    public AlarmClock(Duration interval) {
        this.interval = interval;
    }

    @Override
    public String name() {
        return "alarm clock";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void run(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            int offline = s.executeUpdate(OFFLINE);
            int escalated = s.executeUpdate(ESCALATE);
            c.commit();
            if (offline > 0 || escalated > 0) {
                LOG.info("alarm clock: {} offline alarms raised, {} alarms escalated", offline, escalated);
            }
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }
}
