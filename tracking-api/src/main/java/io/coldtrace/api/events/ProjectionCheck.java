package io.coldtrace.api.events;

import io.coldtrace.api.db.Sql;
import io.coldtrace.api.http.ClientError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Proves the lot tables are projections of the ledger: replays an organisation's events, in chain order, into
 * temporary tables that shadow {@code lot}, {@code lot_movement}, {@code lot_link} and {@code lot_handover} for the
 * transaction (PostgreSQL looks in pg_temp first), then compares them with the stored projections row by row. Run it
 * in a transaction that is rolled back; nothing stored changes.
 */
final class ProjectionCheck {
    private static final String[] TABLES = {"lot", "lot_movement", "lot_link", "lot_handover"};
    /** Each table's rows as comparable text, surrogate keys left out; {@code %s} is the schema. */
    private static final List<String> ROWS = List.of(
            """
            SELECT 'lot ' || l.code, concat_ws('|', l.id, l.kind, l.product_id, l.commodity, l.variety, l.uom,
                   l.quantity, l.born_event_id, l.born_at, l.plot_id, l.site_id, l.unit_id, l.grower_name,
                   l.trace_code, l.voided_by) FROM %s.lot l WHERE l.org_id = :org""",
            """
            SELECT 'movement ' || l.code, concat_ws('|', m.event_id, m.at, m.place_kind, m.place_id, m.delta, m.reason)
            FROM %s.lot_movement m JOIN %<s.lot l ON l.id = m.lot_id WHERE m.org_id = :org""",
            """
            SELECT 'link ' || p.code, concat_ws('|', k.child_lot_id, k.event_id, k.quantity)
            FROM %s.lot_link k JOIN %<s.lot p ON p.id = k.parent_lot_id WHERE p.org_id = :org""",
            """
            SELECT 'handover ' || l.code, concat_ws('|', h.event_id, h.kind, h.at, h.party_id, h.quantity,
                   h.acceptance, h.rejected, h.handover_temp_c)
            FROM %s.lot_handover h JOIN %<s.lot l ON l.id = h.lot_id WHERE h.org_id = :org""");
    private static final Sql DIFF = Sql.of(diff());
    private static final Sql EVENTS = Sql.of("SELECT %s FROM trace_event e WHERE e.org_id = :org ORDER BY e.seq"
            .formatted(EventRow.COLUMNS));

    private ProjectionCheck() {
    }

    /** {ok, events_replayed, differences: [{row, stored, replayed}]}: at most 50 differences. */
    static JsonObject run(Connection c, String org) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String t : TABLES) {
                s.execute("CREATE TEMP TABLE " + t + " (LIKE public." + t + " INCLUDING DEFAULTS INCLUDING INDEXES) ON COMMIT DROP");
            }
        }
        List<EventRow> events = EVENTS.bind("org", org).list(c, EventRow.MAPPER);
        for (EventRow e : events) {
            try {
                LotProjection.apply(c, e);
            } catch (ClientError err) {
                return new JsonObject().put("ok", false).put("events_replayed", events.indexOf(e))
                        .put("differences", new JsonArray().add(new JsonObject().put("row", "event " + e.id())
                                .put("stored", "accepted").put("replayed", "refused: " + err.getMessage())));
            }
        }
        JsonArray diffs = new JsonArray();
        DIFF.bind("org", org).list(c, rs -> new JsonObject().put("row", rs.getString(1))
                .put("stored", rs.getString(2)).put("replayed", rs.getString(3))).forEach(diffs::add);
        return new JsonObject().put("ok", diffs.isEmpty()).put("events_replayed", events.size())
                .put("differences", diffs);
    }

    private static String diff() {
        StringBuilder stored = new StringBuilder();
        StringBuilder replayed = new StringBuilder();
        for (String q : ROWS) {
            stored.append(stored.isEmpty() ? "" : " UNION ALL ").append(q.formatted("public"));
            replayed.append(replayed.isEmpty() ? "" : " UNION ALL ").append(q.formatted("pg_temp"));
        }
        return """
                WITH stored (k, v) AS (%s), replayed (k, v) AS (%s),
                only_stored AS (SELECT k, v FROM stored EXCEPT ALL SELECT k, v FROM replayed),
                only_replayed AS (SELECT k, v FROM replayed EXCEPT ALL SELECT k, v FROM stored)
                SELECT coalesce(s.k, r.k), s.v, r.v FROM only_stored s FULL JOIN only_replayed r ON false
                ORDER BY 1 LIMIT 50""".formatted(stored, replayed);
    }
}
