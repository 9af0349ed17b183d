package io.coldtrace.api.standards;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Sql;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The 来源/去向 record's statements: the lot, then every standing event whose effects (movements, hand-overs) touch the
 * lot or its trace (every lot upstream and downstream), with what each took from where (the negative movements:
 * inbound batches and their places), what it put where (the positive ones: outbound batches), and its hand-overs
 * (lots and parties). Read from the projections, so a voided or replaced event is not there, its replacement is.
 */
final class SourceDestinationSql {
    record Lot(UUID id, String code, String product) {
        static final RowMapper<Lot> MAPPER = rs -> new Lot(rs.getObject("id", UUID.class), rs.getString("code"),
                rs.getString("product"));
    }

    static final Sql LOT = Sql.of("""
            SELECT l.id, l.code, coalesce(p.name_zh || ' / ' || p.name_en, l.commodity) AS product
            FROM lot l LEFT JOIN product p ON p.id = l.product_id WHERE %s AND l.id = :lot"""
            .formatted(Visibility.owned("l.org_id")));

    record Step(UUID id, String type, String kind, OffsetDateTime at, String offset, String here, String party,
                String inLots, String inFrom, String outLots, String outTo, String handed, String handoverParty,
                String documents) {
        static final RowMapper<Step> MAPPER = rs -> new Step(rs.getObject("id", UUID.class),
                rs.getString("eff_type"), rs.getString("kind"), rs.getObject("eff_time", OffsetDateTime.class),
                rs.getString("eff_offset"), rs.getString("here"), rs.getString("party"), rs.getString("in_lots"),
                rs.getString("in_from"), rs.getString("out_lots"), rs.getString("out_to"), rs.getString("handed"),
                rs.getString("handover_party"), rs.getString("documents"));
    }

    private static String lots(String sign) {
        return """
                (SELECT string_agg(l.code || ' ' || trim_scale(abs(m.delta)) || ' ' || l.uom, '; ' ORDER BY l.code)
                 FROM lot_movement m JOIN lot l ON l.id = m.lot_id
                 WHERE m.event_id = e.id AND m.delta %s 0 AND m.place_kind <> 'gone')""".formatted(sign);
    }

    private static String places(String sign) {
        return """
                (SELECT string_agg(DISTINCT %s, '; ') FROM lot_movement m
                 WHERE m.event_id = e.id AND m.delta %s 0 AND m.place_kind <> 'gone')"""
                .formatted(Places.movement("m"), sign);
    }

    static final Sql STEPS = Sql.of("""
            WITH RECURSIVE up (id, d) AS (
                SELECT CAST(:lot AS uuid), 0
                UNION SELECT k.parent_lot_id, up.d + 1 FROM up JOIN lot_link k ON k.child_lot_id = up.id WHERE up.d < 64
            ), down (id, d) AS (
                SELECT CAST(:lot AS uuid), 0
                UNION SELECT k.child_lot_id, down.d + 1 FROM down JOIN lot_link k ON k.parent_lot_id = down.id
                WHERE down.d < 64
            ), sel AS (SELECT id FROM up UNION SELECT id FROM down
            ), ev AS (
                SELECT event_id FROM lot_movement WHERE lot_id IN (SELECT id FROM sel)
                UNION SELECT event_id FROM lot_handover WHERE lot_id IN (SELECT id FROM sel)
            )
            SELECT e.id, st.s ->> 'type' AS eff_type, st.s #>> '{body,kind}' AS kind, et.at AS eff_time,
                st.s ->> 'event_tz_offset' AS eff_offset, %s AS here, %s AS party,
                %s AS in_lots, %s AS in_from, %s AS out_lots, %s AS out_to,
                (SELECT string_agg(l.code || ' ' || trim_scale(h.quantity) || ' ' || l.uom, '; ' ORDER BY l.code)
                 FROM lot_handover h JOIN lot l ON l.id = h.lot_id WHERE h.event_id = e.id) AS handed,
                (SELECT string_agg(DISTINCT %s, '; ') FROM lot_handover h WHERE h.event_id = e.id) AS handover_party,
                (SELECT string_agg((d ->> 'type') || ' ' || (d ->> 'id'), '; ')
                 FROM jsonb_array_elements(coalesce(st.s #> '{body,documents}', '[]')) d) AS documents
            FROM trace_event e
            %s
            WHERE %s AND e.id IN (SELECT event_id FROM ev)
            ORDER BY et.at, e.seq""".formatted(
            Places.place("st.s ->> 'unit_id'", "st.s ->> 'site_id'", "st.s ->> 'plot_id'"),
            Places.party("st.s ->> 'party_id'"), lots("<"), places("<"), lots(">"), places(">"),
            Places.party("h.party_id"), FsmaSql.STEP, Visibility.owned("e.org_id")));

    private SourceDestinationSql() {
    }
}
