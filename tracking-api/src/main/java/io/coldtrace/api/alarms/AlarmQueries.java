package io.coldtrace.api.alarms;

import io.coldtrace.api.auth.OrgScope;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * SQL of alarms and their history; an alarm belongs to its unit's site's organisation and is seen through the
 * caller's {@link OrgScope}. Lifecycle changes lock the alarm row so that two people cannot both acknowledge it.
 */
public final class AlarmQueries {
    private static final String COLUMNS = """
            a.id, a.unit_id, u.name AS unit_name, u.site_id, s.name AS site_name, d.ext_id AS device, a.rule,
            a.severity, a.state, a.started_at, a.raised_at, a.cleared_at, a.limit_value, a.peak_value, a.message,
            a.acknowledged_at, a.acknowledged_by, a.ack_comment, a.resolved_at, a.resolved_by, a.escalated_at""";
    private static final String FROM = """
            alarm a JOIN unit u ON u.id = a.unit_id LEFT JOIN site s ON s.id = u.site_id
            LEFT JOIN device d ON d.id = a.device_id""";
    private static final String SCOPE = OrgScope.filter("s.org_id");
    private static final String LIST = """
            SELECT %s FROM %s
            WHERE %s AND (CASE WHEN CAST(? AS text) = 'active' THEN a.state <> 'resolved' ELSE a.state = ? END)
              AND (CAST(? AS text) IS NULL OR a.unit_id = ?) AND (CAST(? AS text) IS NULL OR u.site_id = ?)
            ORDER BY a.raised_at DESC, a.id DESC LIMIT ?""".formatted(COLUMNS, FROM, SCOPE);
    private static final String GET = "SELECT %s FROM %s WHERE %s AND a.id = ?".formatted(COLUMNS, FROM, SCOPE);
    private static final String LOCK = """
            SELECT a.state, a.cleared_at FROM alarm a JOIN unit u ON u.id = a.unit_id
            LEFT JOIN site s ON s.id = u.site_id WHERE %s AND a.id = ? FOR UPDATE OF a""".formatted(SCOPE);
    private static final String EVENTS = """
            SELECT at, actor, action, comment FROM alarm_event WHERE alarm_id = ? ORDER BY id""";
    private static final String ACKNOWLEDGE = """
            UPDATE alarm SET state = 'acknowledged', acknowledged_at = now(), acknowledged_by = ?, ack_comment = ?
            WHERE id = ?""";
    private static final String RESOLVE = """
            UPDATE alarm SET state = 'resolved', resolved_at = now(), resolved_by = ? WHERE id = ?""";
    private static final String EVENT = """
            INSERT INTO alarm_event (alarm_id, actor, action, comment) VALUES (?, ?, ?, ?)""";

    private AlarmQueries() {
    }

    /** Alarms the scope sees in {@code state} (or every not resolved one for "active"), newest raised first. */
    public static JsonArray list(Connection c, OrgScope scope, AlarmFilter f) throws SQLException {
        return Rows.list(c, LIST, scope.params(f.state(), f.state(), f.unit(), f.unit(), f.site(), f.site(),
                f.limit()));
    }

    /** The alarm with its events in the order they happened, if the scope sees it. */
    public static Optional<JsonObject> get(Connection c, OrgScope scope, long id) throws SQLException {
        Optional<JsonObject> alarm = Rows.first(c, GET, scope.params(id));
        if (alarm.isPresent()) {
            alarm.get().put("events", Rows.list(c, EVENTS, id));
        }
        return alarm;
    }

    /** The alarm's state and cleared_at, locked until the transaction ends; empty when the scope does not see it. */
    public static Optional<JsonObject> lock(Connection c, OrgScope scope, long id) throws SQLException {
        return Rows.first(c, LOCK, scope.params(id));
    }

    /** Acknowledges the alarm and records the event. */
    public static void acknowledge(Connection c, long id, String actor, String comment) throws SQLException {
        Rows.update(c, ACKNOWLEDGE, actor, comment, id);
        Rows.update(c, EVENT, id, actor, "acknowledged", comment);
    }

    /** Resolves the alarm and records the event. */
    public static void resolve(Connection c, long id, String actor, String comment) throws SQLException {
        Rows.update(c, RESOLVE, actor, id);
        Rows.update(c, EVENT, id, actor, "resolved", comment);
    }
}
