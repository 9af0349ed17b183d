package io.coldtrace.api.live;

import io.coldtrace.api.db.Rows;
import io.coldtrace.api.overview.UnitRow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** SQL of the live stream: what changed since the last poll. */
final class LiveQueries {
    /** Where both cursors start: the database's clock and its newest alarm event. */
    record Start(Instant now, long lastEventId) {
    }

    /** A unit whose latest reading changed; {@code ingestedAt} orders its versions. */
    record UnitChange(String orgId, String unitId, Instant ingestedAt, JsonObject data) {
    }

    /** One alarm event with the alarm as it is now. */
    record AlarmChange(String orgId, long eventId, JsonObject data) {
    }

    private static final String START = "SELECT now(), COALESCE(max(id), 0) FROM alarm_event";

    private static final String UNITS = UnitRow.SELECT + "WHERE l.ingested_at > ? ORDER BY l.ingested_at";

    // the alarm as GET /api/v1/alarms lists it, plus the event that changed it
    private static final String EVENTS = """
            SELECT s.org_id, e.id AS event_id, e.action AS event_action, e.at AS event_at, e.actor AS event_actor,
                   a.id, a.unit_id, u.name AS unit_name, u.site_id, s.name AS site_name, d.ext_id AS device,
                   a.rule, a.severity, a.state, a.started_at, a.raised_at, a.cleared_at, a.limit_value, a.peak_value,
                   a.message, a.acknowledged_at, a.acknowledged_by, a.ack_comment, a.resolved_at, a.resolved_by,
                   a.escalated_at
            FROM alarm_event e
            JOIN alarm a ON a.id = e.alarm_id
            JOIN unit u ON u.id = a.unit_id
            JOIN site s ON s.id = u.site_id
            LEFT JOIN device d ON d.id = a.device_id
            WHERE e.id > ? OR e.at > now() - make_interval(secs => ?)
            ORDER BY e.id
            LIMIT 1000""";

    private LiveQueries() {
    }

    static Start start(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(START); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Start(rs.getTimestamp(1).toInstant(), rs.getLong(2));
        }
    }

    /** Units whose device_latest was written after {@code since}, oldest first. */
    static List<UnitChange> units(Connection c, Instant since) throws SQLException {
        List<UnitChange> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(UNITS)) {
            ps.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonObject unit = UnitRow.MAPPER.map(rs).toJson();
                    JsonObject data = new JsonObject().put("unit_id", unit.getString("id"))
                            .put("site_id", rs.getString("site_id"));
                    for (String key : new String[] {"value", "ts", "door_open", "defrost", "last_seen", "status",
                            "open_alarms"}) {
                        data.put(key, unit.getValue(key));
                    }
                    out.add(new UnitChange(rs.getString("org_id"), unit.getString("id"),
                            rs.getTimestamp("ingested_at").toInstant(), data));
                }
            }
        }
        return out;
    }

    /**
     * Alarm events after {@code afterId}, and any of the last {@code lateS} seconds: an event whose transaction
     * committed after a later id was read still gets sent (the caller drops what it already sent).
     */
    static List<AlarmChange> alarmEvents(Connection c, long afterId, int lateS) throws SQLException {
        List<AlarmChange> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(EVENTS)) {
            ps.setLong(1, afterId);
            ps.setInt(2, lateS);
            JsonArray rows = Rows.list(ps);
            for (int i = 0; i < rows.size(); i++) {
                JsonObject alarm = rows.getJsonObject(i);
                String org = (String) alarm.remove("org_id");
                long eventId = (Long) alarm.remove("event_id");
                alarm.put("event", new JsonObject().put("id", eventId).put("action", alarm.remove("event_action"))
                        .put("at", alarm.remove("event_at")).put("actor", alarm.remove("event_actor")));
                out.add(new AlarmChange(org, eventId, alarm));
            }
        }
        return out;
    }
}
