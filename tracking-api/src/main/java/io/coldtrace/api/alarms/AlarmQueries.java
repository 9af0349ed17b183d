package io.coldtrace.api.alarms;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * SQL of alarms and their history; an alarm belongs to its unit's site's organisation and is seen through the
 * caller's {@link Visibility}. Lifecycle changes lock the alarm row so that two people cannot both acknowledge it.
 */
public final class AlarmQueries {
    private static final String VISIBLE = Visibility.owned("s.org_id");
    private static final Sql LIST = Sql.of("""
            SELECT %s FROM %s
            WHERE %s
              AND (CASE WHEN CAST(:state AS text) = 'active' THEN a.state <> 'resolved' ELSE a.state = :state END)
              AND (CAST(:unit AS text) IS NULL OR a.unit_id = :unit)
              AND (CAST(:site AS text) IS NULL OR u.site_id = :site)
            ORDER BY a.raised_at DESC, a.id DESC LIMIT :limit""".formatted(AlarmRow.COLUMNS, AlarmRow.FROM, VISIBLE));
    private static final Sql GET = Sql.of("SELECT %s FROM %s WHERE %s AND a.id = :id"
            .formatted(AlarmRow.COLUMNS, AlarmRow.FROM, VISIBLE));
    private static final Sql LOCK = Sql.of("""
            SELECT %s FROM alarm a JOIN unit u ON u.id = a.unit_id
            LEFT JOIN site s ON s.id = u.site_id WHERE %s AND a.id = :id FOR UPDATE OF a"""
            .formatted(AlarmLifecycle.COLUMNS, VISIBLE));
    private static final Sql EVENTS = Sql.of("SELECT %s FROM alarm_event e WHERE e.alarm_id = :id ORDER BY e.id"
            .formatted(AlarmEventRow.COLUMNS));
    private static final Sql ACKNOWLEDGE = Sql.of("""
            UPDATE alarm SET state = 'acknowledged', acknowledged_at = now(), acknowledged_by = :actor,
                   ack_comment = :comment
            WHERE id = :id""");
    private static final Sql RESOLVE = Sql.of("""
            UPDATE alarm SET state = 'resolved', resolved_at = now(), resolved_by = :actor WHERE id = :id""");
    private static final Sql EVENT = Sql.of("""
            INSERT INTO alarm_event (alarm_id, actor, action, comment) VALUES (:id, :actor, :action, :comment)""");

    private AlarmQueries() {
    }

    /** Alarms the caller sees in {@code state} (or every not resolved one for "active"), newest raised first. */
    public static List<AlarmRow> list(Connection c, Visibility vis, AlarmFilter f) throws SQLException {
        return LIST.bind(vis).bind("state", f.state()).bind("unit", f.unit()).bind("site", f.site())
                .bind("limit", f.limit()).list(c, AlarmRow.MAPPER);
    }

    /** The alarm with its events in the order they happened, if the caller sees it. */
    public static Optional<AlarmDetail> get(Connection c, Visibility vis, long id) throws SQLException {
        Optional<AlarmRow> alarm = GET.bind(vis).bind("id", id).first(c, AlarmRow.MAPPER);
        if (alarm.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AlarmDetail(alarm.get(), EVENTS.bind("id", id).list(c, AlarmEventRow.MAPPER)));
    }

    /** Where the alarm stands, locked until the transaction ends; empty when the caller does not see it. */
    static Optional<AlarmLifecycle> lock(Connection c, Visibility vis, long id) throws SQLException {
        return LOCK.bind(vis).bind("id", id).first(c, AlarmLifecycle.MAPPER);
    }

    /** Acknowledges the alarm and records the event. */
    public static void acknowledge(Connection c, long id, String actor, String comment) throws SQLException {
        ACKNOWLEDGE.bind("actor", actor).bind("comment", comment).bind("id", id).update(c);
        event(c, id, actor, "acknowledged", comment);
    }

    /** Resolves the alarm and records the event. */
    public static void resolve(Connection c, long id, String actor, String comment) throws SQLException {
        RESOLVE.bind("actor", actor).bind("id", id).update(c);
        event(c, id, actor, "resolved", comment);
    }

    private static void event(Connection c, long id, String actor, String action, String comment)
            throws SQLException {
        EVENT.bind("id", id).bind("actor", actor).bind("action", action).bind("comment", comment).update(c);
    }
}
