package io.coldtrace.api.standards;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Sql;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The FSMA 204 export's statements. An event is read as what it says happened: a correction's replacement in place
 * of the correction, and nothing of an event a later correction voided or replaced (so the sheet holds the record as
 * it stands). Each row carries its places described in words and, per lot code its bodies name, what the KDEs need
 * from the lot (product, commodity, where the code was assigned, the harvest and cooling of a harvest batch).
 */
final class FsmaSql {
    /** One event, as it stands. */
    record Row(UUID id, String type, OffsetDateTime at, String offset, JsonObject body, String here, String party,
               String toParty, JsonObject lots) {
        static final RowMapper<Row> MAPPER = rs -> new Row(rs.getObject("id", UUID.class), rs.getString("eff_type"),
                rs.getObject("eff_time", OffsetDateTime.class), rs.getString("eff_offset"),
                new JsonObject(rs.getString("eff_body")), rs.getString("here"), rs.getString("party"),
                rs.getString("to_party"), rs.getString("lots") == null ? new JsonObject()
                        : new JsonObject(rs.getString("lots")));
    }

    /**
     * The effective step of {@code e}: the replacement a correction carries, else the event itself. Built once per
     * event ({@code OFFSET 0} keeps the planner from copying the expression into every subquery that reads it, where
     * it was rebuilt for each row those subqueries scan).
     */
    static final String STEP = """
            CROSS JOIN LATERAL (SELECT CASE WHEN e.type = 'correction' THEN e.body -> 'event' ELSE jsonb_build_object(
                'type', e.type, 'event_tz_offset', e.event_tz_offset, 'site_id', e.site_id, 'unit_id', e.unit_id,
                'plot_id', e.plot_id, 'party_id', e.party_id, 'body', e.body) END AS s OFFSET 0) st
            CROSS JOIN LATERAL (SELECT CASE WHEN e.type = 'correction' THEN CAST(st.s ->> 'event_time' AS timestamptz)
                ELSE e.event_time END AS at) et
            """;

    /** Events no later correction voided or replaced, and corrections that replaced. */
    static final String STANDING = """
            NOT EXISTS (SELECT 1 FROM trace_event c WHERE c.corrects_event_id = e.id)
            AND (e.type <> 'correction' OR e.body ->> 'action' = 'replace')""";

    private static final String LOT_INFO = """
            json_build_object('product', pr.name_en || ' / ' || pr.name_zh || coalesce(' (GTIN ' || pr.gtin || ')', ''),
                'commodity', l.commodity, 'variety', l.variety, 'kind', l.kind, 'source', %s,
                'field', fp.name, 'farm', %s, 'born_at', l.born_at, 'born_offset', be.event_tz_offset,
                'grower', l.grower_name, 'phone', l.grower_phone, 'cooled_at', c.at, 'cooled_in', c.place)"""
            .formatted(Places.place("l.unit_id", "l.site_id", "l.plot_id"), Places.party("fp.party_id"));

    private static final String ROW = """
            SELECT e.id, st.s ->> 'type' AS eff_type, et.at AS eff_time, st.s ->> 'event_tz_offset' AS eff_offset,
                CAST(st.s -> 'body' AS text) AS eff_body, %s AS here, %s AS party, %s AS to_party, lk.lots
            FROM trace_event e
            %s
            LEFT JOIN LATERAL (
                SELECT CAST(json_object_agg(l.code, %s) AS text) AS lots
                FROM lot l
                LEFT JOIN product pr ON pr.id = l.product_id
                LEFT JOIN farm_plot fp ON fp.id = l.plot_id
                LEFT JOIN trace_event be ON be.id = l.born_event_id
                LEFT JOIN LATERAL (
                    SELECT m.at, %s AS place FROM lot_movement m JOIN trace_event pe ON pe.id = m.event_id
                    WHERE m.lot_id = l.id AND m.delta > 0 AND m.place_kind = 'unit' AND pe.type = 'pre_cool'
                    ORDER BY m.at LIMIT 1) c ON true
                WHERE l.org_id = e.org_id AND l.code IN (
                    SELECT v #>> '{}' FROM jsonb_path_query(st.s -> 'body', '$.**.lot') v
                    UNION ALL SELECT st.s #>> '{body,batch}')) lk ON true
            """.formatted(Places.place("st.s ->> 'unit_id'", "st.s ->> 'site_id'", "st.s ->> 'plot_id'"),
            Places.party("st.s ->> 'party_id'"), Places.party("st.s #>> '{body,to_party_id}'"), STEP, LOT_INFO,
            Places.movement("m"));

    private static final String IN_RANGE = """
            WHERE %s AND %s
              AND st.s ->> 'type' IN ('harvest', 'pre_cool', 'pack', 'ship', 'deliver', 'receive', 'transform')
              AND et.at >= :from AND et.at < :to
              AND (e.corrects_event_id IS NOT NULL OR (e.event_time >= :from AND e.event_time < :to))
            """.formatted(Visibility.owned("e.org_id"), STANDING);

    /**
     * The caller's standing events of the CTE types in [from, to), in time order. Plain events are found by the time
     * index, corrections by theirs.
     */
    static final Sql RANGE = Sql.of(ROW + IN_RANGE + "ORDER BY et.at, e.seq");

    /**
     * As {@link #RANGE}, only the events whose effects touch the lots {@code :sel}: a semi-join on the events of those
     * lots (hashed once, whatever the number of lots: a product's whole trace is hundreds of thousands), not a test
     * of each event against the list.
     */
    static final Sql RANGE_SCOPED = Sql.of(ROW + IN_RANGE + """
              AND e.id IN (
                  SELECT m.event_id FROM unnest(CAST(:sel AS uuid[])) s (id) JOIN lot_movement m ON m.lot_id = s.id
                  UNION SELECT h.event_id FROM unnest(CAST(:sel AS uuid[])) s (id) JOIN lot_handover h ON h.lot_id = s.id
                  UNION SELECT k.event_id FROM unnest(CAST(:sel AS uuid[])) s (id) JOIN lot_link k ON k.child_lot_id = s.id
                  UNION SELECT k.event_id FROM unnest(CAST(:sel AS uuid[])) s (id) JOIN lot_link k ON k.parent_lot_id = s.id)
            ORDER BY et.at, e.seq""");

    /** A seed's lot codes with every lot upstream and downstream (the trace), at most 64 hops each way. */
    record Scoped(UUID id, String code) {
        static final RowMapper<Scoped> MAPPER = rs -> new Scoped(rs.getObject("id", UUID.class), rs.getString("code"));
    }

    static final Sql TRACE = Sql.of("""
            WITH RECURSIVE seed AS (
                SELECT l.id FROM lot l WHERE %s AND (l.code = ANY(:codes) OR l.product_id = :product)
            ), up (id, d) AS (
                SELECT id, 0 FROM seed
                UNION SELECT k.parent_lot_id, up.d + 1 FROM up JOIN lot_link k ON k.child_lot_id = up.id WHERE up.d < 64
            ), down (id, d) AS (
                SELECT id, 0 FROM seed
                UNION SELECT k.child_lot_id, down.d + 1 FROM down JOIN lot_link k ON k.parent_lot_id = down.id
                WHERE down.d < 64
            )
            SELECT l.id, l.code FROM lot l WHERE l.id IN (SELECT id FROM up UNION SELECT id FROM down)
            """.formatted(Visibility.owned("l.org_id")));

    /** Which of {@code :codes} are the caller's lots, and whether {@code :product} is the caller's product. */
    static final Sql KNOWN_CODES = Sql.of("SELECT l.code FROM lot l WHERE %s AND l.code = ANY(:codes)"
            .formatted(Visibility.owned("l.org_id")));
    static final Sql KNOWN_PRODUCT = Sql.of("SELECT p.id FROM product p WHERE %s AND p.id = :product"
            .formatted(Visibility.owned("p.org_id")));

    private FsmaSql() {
    }
}
