package io.coldtrace.api.live;

import io.coldtrace.api.alarms.AlarmRow;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.db.Sql;
import io.coldtrace.api.overview.UnitRow;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** SQL of the live stream: what changed since the last read. */
final class LiveQueries {
    /** Where both cursors start: the database's clock and its newest alarm event. */
    record Start(Instant now, long lastEventId) {
    }

    /** A unit whose latest reading changed; {@code ingestedAt} orders its versions. */
    record UnitChange(String orgId, Instant ingestedAt, UnitRow unit) {
        /** The stream's {@code unit} event: the overview card's live fields. */
        JsonObject json() {
            JsonObject card = unit.toJson();
            JsonObject data = new JsonObject().put("unit_id", unit.id()).put("site_id", unit.siteId());
            for (String key : new String[] {"value", "ts", "door_open", "defrost", "last_seen", "status",
                    "open_alarms"}) {
                data.put(key, card.getValue(key));
            }
            return data;
        }
    }

    /** One alarm event with the alarm as it is now. */
    record AlarmChange(String orgId, long eventId, String action, Instant at, String actor, AlarmRow alarm) {
        /** The stream's {@code alarm} event: the alarm as the list shows it, with the event that changed it. */
        JsonObject json() {
            return alarm.toJson().put("event", new JsonObject().put("id", eventId).put("action", action)
                    .put("at", Rows.iso(at)).put("actor", actor));
        }
    }

    private static final Sql START = Sql.of("SELECT now() AS now, COALESCE(max(id), 0) AS last FROM alarm_event");

    private static final Sql UNITS = Sql.of(UnitRow.SELECT + "WHERE l.ingested_at > :since ORDER BY l.ingested_at");

    private static final Sql EVENTS = Sql.of("""
            SELECT s.org_id, e.id AS event_id, e.action AS event_action, e.at AS event_at, e.actor AS event_actor, %s
            FROM alarm_event e
            JOIN alarm a ON a.id = e.alarm_id
            JOIN unit u ON u.id = a.unit_id
            JOIN site s ON s.id = u.site_id
            LEFT JOIN device d ON d.id = a.device_id
            WHERE e.id > :after OR e.at > now() - make_interval(secs => :late)
            ORDER BY e.id
            LIMIT 1000""".formatted(AlarmRow.COLUMNS));

    private LiveQueries() {
    }

    static Start start(Connection c) throws SQLException {
        return START.bound().first(c, rs -> new Start(Rows.instant(rs, "now"), rs.getLong("last"))).orElseThrow();
    }

    /** Units whose device_latest was written after {@code since}, oldest first. */
    static List<UnitChange> units(Connection c, Instant since) throws SQLException {
        return UNITS.bind("since", since).list(c, rs -> new UnitChange(rs.getString("org_id"),
                Rows.instant(rs, "ingested_at"), UnitRow.MAPPER.map(rs)));
    }

    /**
     * Alarm events after {@code afterId}, and any of the last {@code lateS} seconds: an event whose transaction
     * committed after a later id was read still gets sent (the caller drops what it already sent).
     */
    static List<AlarmChange> alarmEvents(Connection c, long afterId, int lateS) throws SQLException {
        return EVENTS.bind("after", afterId).bind("late", lateS).list(c, rs -> new AlarmChange(
                rs.getString("org_id"), rs.getLong("event_id"), rs.getString("event_action"),
                Rows.instant(rs, "event_at"), rs.getString("event_actor"), AlarmRow.MAPPER.map(rs)));
    }
}
