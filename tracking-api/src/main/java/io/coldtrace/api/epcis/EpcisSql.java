package io.coldtrace.api.epcis;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.custody.Lineage;
import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Sql;
import io.coldtrace.api.events.EventRow;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;

/**
 * The export's statements: events with what their mapping needs in the same row: the event a correction corrects
 * ({@code corrected}, as JSON), and the GTINs of the lots and the GLNs of the parties, plots, sites and units any of
 * the two bodies or places names (lateral look-ups by the organisation's unique keys, so a row costs a few index probes).
 */
final class EpcisSql {
    /** A stored event with its corrected event and the keys its mapping needs. */
    record Row(EventRow event, Step corrected, JsonObject gtins, JsonObject partyGlns, JsonObject plotGlns,
               JsonObject siteGlns, JsonObject unitGlns) {
        static final RowMapper<Row> MAPPER = rs -> new Row(EventRow.MAPPER.map(rs), corrected(rs.getString("corrected")),
                json(rs.getString("gtins")), json(rs.getString("party_glns")), json(rs.getString("plot_glns")),
                json(rs.getString("site_glns")), json(rs.getString("unit_glns")));

        private static JsonObject json(String v) {
            return v == null ? new JsonObject() : new JsonObject(v);
        }

        private static Step corrected(String v) {
            if (v == null) {
                return null;
            }
            JsonObject o = new JsonObject(v);
            JsonObject body = o.getJsonObject("body");
            if (o.getString("type").equals("correction")) {
                return Step.replacement(o.getString("org_id"), body);
            }
            return new Step(o.getString("org_id"), o.getString("type"),
                    OffsetDateTime.parse(o.getString("event_time")).toInstant(), o.getString("event_tz_offset"),
                    o.getString("site_id"), o.getString("unit_id"), o.getString("plot_id"),
                    o.getString("party_id"), body);
        }
    }

    /** Ids named anywhere in the event's and the corrected event's bodies under {@code key}. */
    private static String named(String key) {
        return "SELECT v #>> '{}' FROM jsonb_path_query(d.docs, '$.**.%s') v".formatted(key);
    }

    private static final String ROW = """
            SELECT %s, CAST(to_jsonb(o) AS text) AS corrected, g.gtins, pg.glns AS party_glns, pl.glns AS plot_glns,
                sg.glns AS site_glns, ug.glns AS unit_glns
            FROM trace_event e
            LEFT JOIN trace_event o ON o.id = e.corrects_event_id
            CROSS JOIN LATERAL (SELECT jsonb_build_array(e.body, o.body) AS docs) d
            LEFT JOIN LATERAL (
                SELECT CAST(json_object_agg(l.code, p.gtin) AS text) AS gtins
                FROM lot l JOIN product p ON p.id = l.product_id AND p.org_id = l.org_id
                WHERE l.org_id = e.org_id AND p.gtin IS NOT NULL
                  AND l.code IN (%s UNION ALL %s)) g ON true
            LEFT JOIN LATERAL (
                SELECT CAST(json_object_agg(pt.id, pt.gln) AS text) AS glns FROM party pt
                WHERE pt.org_id = e.org_id AND pt.gln IS NOT NULL
                  AND pt.id IN (SELECT e.party_id UNION ALL SELECT o.party_id UNION ALL %s UNION ALL %s)) pg ON true
            LEFT JOIN LATERAL (
                SELECT CAST(json_object_agg(fp.id, fp.gln) AS text) AS glns FROM farm_plot fp
                WHERE fp.org_id = e.org_id AND fp.gln IS NOT NULL
                  AND fp.id IN (SELECT e.plot_id UNION ALL SELECT o.plot_id UNION ALL %s)) pl ON true
            LEFT JOIN LATERAL (
                SELECT CAST(json_object_agg(st.id, st.gln) AS text) AS glns FROM site st
                WHERE st.org_id = e.org_id AND st.gln IS NOT NULL
                  AND st.id IN (SELECT e.site_id UNION ALL SELECT o.site_id UNION ALL %s)) sg ON true
            LEFT JOIN LATERAL (
                SELECT CAST(json_object_agg(un.id, un.gln) AS text) AS glns FROM unit un
                JOIN site us ON us.id = un.site_id
                WHERE us.org_id = e.org_id AND un.gln IS NOT NULL
                  AND un.id IN (SELECT e.unit_id UNION ALL SELECT o.unit_id UNION ALL %s)) ug ON true
            """.formatted(EventRow.COLUMNS, named("lot"), named("batch"), named("party_id"), named("to_party_id"),
            named("plot_id"), named("site_id"), named("unit_id"));

    /**
     * The caller's lot a printed code names (the Digital Link resolver's traceability link): its trace code
     * (normalised, {@code :trace}, null when the code is not one), else a lot code of the organisation, else a mapped
     * external code.
     */
    static final Sql LOT_BY_CODE = Sql.of("""
            SELECT CAST(l.id AS text) FROM lot l
            WHERE %s AND (l.trace_code = :trace OR l.code = :code OR l.external_code = :code)
            ORDER BY COALESCE(l.trace_code = :trace, false) DESC, (l.code = :code) DESC, l.born_at DESC
            LIMIT 1""".formatted(Visibility.owned("l.org_id")));

    /** The caller's events in [from, to), in time order (the organisation's time index). */
    static final Sql RANGE = Sql.of(ROW + """
            WHERE %s AND e.event_time >= :from AND e.event_time < :to
            ORDER BY e.event_time, e.seq""".formatted(Visibility.owned("e.org_id")));

    /**
     * The events of lot {@code :lot} and its ancestors (each up to its child's birth): every event whose effects
     * the projections hold for them (movements, hand-overs, links, births) and the events those correct.
     */
    static final Sql LOT = Sql.of(Lineage.UNTIL + """
            , touched AS (
                SELECT m.event_id FROM lot_movement m JOIN lineage_until ln ON ln.lot_id = m.lot_id
                WHERE ln.until IS NULL OR m.at <= ln.until
                UNION SELECT h.event_id FROM lot_handover h JOIN lineage_until ln ON ln.lot_id = h.lot_id
                WHERE ln.until IS NULL OR h.at <= ln.until
                UNION SELECT k.event_id FROM lot_link k JOIN lineage_until ln ON ln.lot_id = k.child_lot_id
                UNION SELECT l.born_event_id FROM lot l JOIN lineage_until ln ON ln.lot_id = l.id
            ), wanted AS (
                SELECT event_id FROM touched
                UNION SELECT c.corrects_event_id FROM trace_event c JOIN touched t ON t.event_id = c.id
                WHERE c.corrects_event_id IS NOT NULL
            )
            """ + ROW + """
            WHERE %s AND e.id IN (SELECT event_id FROM wanted)
            ORDER BY e.event_time, e.seq""".formatted(Visibility.owned("e.org_id")));

    private EpcisSql() {
    }
}
