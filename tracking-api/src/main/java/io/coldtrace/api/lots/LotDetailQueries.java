package io.coldtrace.api.lots;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.db.Sql;
import io.coldtrace.api.events.EventRow;
import io.coldtrace.api.events.Genealogy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** The parts of a lot's page: its events, genealogy, hand-overs and origin. */
final class LotDetailQueries {
    /**
     * Every event whose effects touch the lot (movements, hand-overs, links, its birth and the correction that voided
     * it), the corrections of events that named it (a void leaves no effects behind: the original's body names the
     * lot), and up the chain every event those correct; each with the correction that corrected it, oldest first.
     */
    private static final Sql EVENTS = Sql.of("""
            WITH RECURSIVE touching(id) AS (
                SELECT event_id FROM lot_movement WHERE lot_id = :lot
                UNION SELECT event_id FROM lot_handover WHERE lot_id = :lot
                UNION SELECT event_id FROM lot_link WHERE parent_lot_id = :lot OR child_lot_id = :lot
                UNION SELECT born_event_id FROM lot WHERE id = :lot
                UNION SELECT voided_by FROM lot WHERE id = :lot AND voided_by IS NOT NULL
                UNION SELECT unnest(ARRAY[c.id, c.corrects_event_id]) FROM trace_event c
                      JOIN trace_event o ON o.id = c.corrects_event_id AND o.org_id = c.org_id
                      WHERE c.org_id = :org AND c.type = 'correction'
                        AND jsonb_path_exists(o.body, 'lax $.** ? (@.lot == $code || @.batch == $code)',
                                              jsonb_build_object('code', CAST(:code AS text)))),
            chain(id, depth) AS (
                SELECT id, 0 FROM touching
                UNION
                SELECT e.corrects_event_id, ch.depth + 1 FROM trace_event e JOIN chain ch ON e.id = ch.id
                WHERE e.corrects_event_id IS NOT NULL AND ch.depth < %d)
            SELECT %s, k.id AS corrected_by
            FROM trace_event e
            LEFT JOIN trace_event k ON k.corrects_event_id = e.id AND k.org_id = e.org_id
            WHERE %s AND e.org_id = :org AND e.id IN (SELECT id FROM chain)
            ORDER BY e.event_time, e.seq""".formatted(LotQueries.MAX_DEPTH, EventRow.COLUMNS,
            Visibility.owned("e.org_id")));
    /** The lots this one came from (parents) and went into (children), with the quantity of the parent used. */
    private static final Sql LINKS = Sql.of("""
            SELECT CASE WHEN k.child_lot_id = :lot THEN 'parent' ELSE 'child' END AS relation, o.id, o.code, o.kind,
                   o.product_id, o.commodity, o.uom, k.quantity, k.event_id, e.type AS event_type, e.event_time
            FROM lot_link k
            JOIN lot o ON o.id = CASE WHEN k.child_lot_id = :lot THEN k.parent_lot_id ELSE k.child_lot_id END
            JOIN trace_event e ON e.id = k.event_id
            WHERE (k.child_lot_id = :lot OR k.parent_lot_id = :lot) AND %s
            ORDER BY e.event_time, o.code""".formatted(Visibility.owned("o.org_id")));
    private static final Sql HANDOVERS = Sql.of("""
            SELECT h.kind, h.at, h.party_id, pa.name_zh AS party_name_zh, pa.name_en AS party_name_en,
                   pa.kind AS party_kind, h.quantity, h.acceptance, h.rejected, h.handover_temp_c, h.event_id
            FROM lot_handover h LEFT JOIN party pa ON pa.id = h.party_id
            WHERE h.lot_id = :lot AND %s ORDER BY h.at, h.id""".formatted(Visibility.owned("h.org_id")));
    /** The harvest batches upstream of the lot (itself, for a batch) and the farm each came from. */
    private static final Sql ORIGINS = Sql.of(Genealogy.ORIGINS + """
            SELECT DISTINCT b.id, b.code, b.born_at, b.plot_id, fp.name AS plot_name, b.grower_name, pa.id AS party_id,
                   pa.name_zh, pa.name_en, pa.kind AS party_kind, pa.division_code, pa.province, pa.city, pa.county,
                   pa.poverty_alleviated_county, pa.paired_assistance_county
            FROM origins o JOIN lot b ON b.id = o.batch_id
            LEFT JOIN farm_plot fp ON fp.id = b.plot_id
            JOIN party pa ON pa.id = o.party_id
            WHERE %s ORDER BY b.born_at, b.code""".formatted(Visibility.owned("b.org_id")));

    /** An event of the lot, and the correction that corrected it (null if none). */
    record LotEvent(EventRow event, UUID correctedBy) {
    }

    private LotDetailQueries() {
    }

    static List<LotEvent> events(Connection c, Visibility vis, LotRow lot) throws SQLException {
        return EVENTS.bind(vis).bind("lot", lot.id()).bind("org", lot.orgId()).bind("code", lot.code())
                .list(c, rs -> new LotEvent(EventRow.MAPPER.map(rs), rs.getObject("corrected_by", UUID.class)));
    }

    static List<LotParts.Link> links(Connection c, Visibility vis, UUID lot) throws SQLException {
        return LINKS.bind(vis).bind("lot", lot).list(c, rs -> new LotParts.Link(rs.getString("relation"),
                rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("kind"),
                rs.getString("product_id"), rs.getString("commodity"), rs.getString("uom"),
                rs.getBigDecimal("quantity"), rs.getObject("event_id", UUID.class), rs.getString("event_type"),
                Rows.instant(rs, "event_time")));
    }

    static List<LotParts.Handover> handovers(Connection c, Visibility vis, UUID lot) throws SQLException {
        return HANDOVERS.bind(vis).bind("lot", lot).list(c, rs -> new LotParts.Handover(rs.getString("kind"),
                Rows.instant(rs, "at"), rs.getString("party_id"), rs.getString("party_name_zh"),
                rs.getString("party_name_en"), rs.getString("party_kind"), rs.getBigDecimal("quantity"),
                rs.getString("acceptance"), rs.getBigDecimal("rejected"), Rows.dbl(rs, "handover_temp_c"),
                rs.getObject("event_id", UUID.class)));
    }

    static List<LotParts.Origin> origins(Connection c, Visibility vis, UUID lot) throws SQLException {
        return ORIGINS.bind(vis).bind("roots", new UUID[] {lot}).list(c, rs -> new LotParts.Origin(rs.getObject("id", UUID.class),
                rs.getString("code"), Rows.instant(rs, "born_at"), rs.getString("plot_id"), rs.getString("plot_name"),
                rs.getString("grower_name"), rs.getString("party_id"), rs.getString("name_zh"),
                rs.getString("name_en"), rs.getString("party_kind"), rs.getString("division_code"),
                rs.getString("province"), rs.getString("city"), rs.getString("county"),
                rs.getBoolean("poverty_alleviated_county"), rs.getBoolean("paired_assistance_county")));
    }
}
