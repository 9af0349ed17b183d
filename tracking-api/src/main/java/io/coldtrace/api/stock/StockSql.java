package io.coldtrace.api.stock;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;

/**
 * The SQL of stock and its early warning (issue 9 §5): what is on hand at a site (the site itself and its units), from
 * the lot movements; each lot's remaining shelf life from custody's stored figure (lot_shelf_life); and the recent
 * outbound rate of each product at the site: what left the site (shipped, delivered, consumed) in the window, net of
 * what the same event put back at the site (a move between its rooms, a split into lots of the same product).
 */
final class StockSql {
    /** The site's places, if the caller sees the site ({@code :site} null: every site the caller sees). */
    private static final String PLACES = """
            places AS (
                SELECT s.id AS site_id, 'site' AS place_kind, s.id AS place_id FROM site s
                WHERE %1$s AND (CAST(:site AS text) IS NULL OR s.id = :site)
                UNION ALL
                SELECT s.id, 'unit', u.id FROM unit u JOIN site s ON s.id = u.site_id
                WHERE %1$s AND (CAST(:site AS text) IS NULL OR s.id = :site)
            )""".formatted(Visibility.owned("s.org_id"));

    /**
     * Lots on hand at the site, one row per (lot, place): quantity, when the lot arrived at the site, when it last
     * moved there, its product and its remaining shelf life as last computed, moved on to {@code :now} at the
     * planned temperature.
     */
    static final Sql ON_HAND = Sql.of("WITH " + PLACES + """
            , held AS (
                SELECT p.site_id, m.lot_id, m.place_kind, m.place_id, sum(m.delta) AS q, max(m.at) AS last_move
                FROM places p JOIN lot_movement m ON m.place_kind = p.place_kind AND m.place_id = p.place_id
                  AND m.at <= :now
                GROUP BY p.site_id, m.lot_id, m.place_kind, m.place_id HAVING sum(m.delta) > 0
            ), arrived AS (
                SELECT h.lot_id, h.site_id, min(m.at) AS at FROM held h
                JOIN places p ON p.site_id = h.site_id
                JOIN lot_movement m ON m.lot_id = h.lot_id AND m.place_kind = p.place_kind
                  AND m.place_id = p.place_id AND m.delta > 0
                GROUP BY h.lot_id, h.site_id
            )
            SELECT h.site_id, st.name AS site_name, h.lot_id, l.code, l.kind AS lot_kind, l.product_id,
                   pr.name_zh, pr.name_en, pr.commodity, l.uom, h.place_kind, h.place_id,
                   coalesce(u.name, st.name) AS place_name, h.q, a.at AS arrived_at, h.last_move,
                   sl.remaining_days - extract(epoch FROM (:now - sl.as_of)) / 86400.0 AS remaining_days,
                   sl.predicted_expiry, sl.computed_at AS shelf_life_at
            FROM held h JOIN lot l ON l.id = h.lot_id
            JOIN site st ON st.id = h.site_id
            LEFT JOIN unit u ON h.place_kind = 'unit' AND u.id = h.place_id
            LEFT JOIN product pr ON pr.id = l.product_id
            LEFT JOIN arrived a ON a.lot_id = h.lot_id AND a.site_id = h.site_id
            LEFT JOIN lot_shelf_life sl ON sl.lot_id = h.lot_id
            WHERE (CAST(:product AS text) IS NULL OR l.product_id = :product)
            ORDER BY h.site_id, l.product_id NULLS LAST, sl.predicted_expiry NULLS LAST, l.code, h.place_id""");

    /**
     * What left each site per product and unit of measure from {@code :from} to {@code :now}: per event, the net
     * change of the product's quantity over the site's places, where it went down (losses are not sales).
     */
    static final Sql OUTFLOW = Sql.of("WITH " + PLACES + """
            , per_event AS (
                SELECT p.site_id, m.event_id, l.product_id, l.uom, sum(m.delta) AS net
                FROM places p JOIN lot_movement m ON m.place_kind = p.place_kind AND m.place_id = p.place_id
                  AND m.at >= :from AND m.at <= :now AND m.reason <> 'lost'
                JOIN lot l ON l.id = m.lot_id
                WHERE l.product_id IS NOT NULL
                GROUP BY p.site_id, m.event_id, l.product_id, l.uom
            )
            SELECT site_id, product_id, uom, -sum(net) AS out_q FROM per_event WHERE net < 0
            GROUP BY site_id, product_id, uom""");

    /**
     * The organisation's buyers, with what each received of {@code :commodity} since {@code :from} (deliveries
     * recorded by the organisation) and how recently.
     */
    static final Sql BUYERS = Sql.of("""
            SELECT pa.id, pa.name_zh, pa.name_en, pa.buyer_type, pa.division_code,
                   coalesce(sum(h.quantity) FILTER (WHERE pr.commodity = :commodity), 0) AS commodity_q,
                   max(h.at) FILTER (WHERE pr.commodity = :commodity) AS last_commodity_at,
                   count(DISTINCT h.event_id) AS deliveries
            FROM party pa
            LEFT JOIN lot_handover h ON h.party_id = pa.id AND h.kind = 'deliver' AND h.at >= :from AND h.at <= :now
            LEFT JOIN lot l ON l.id = h.lot_id AND l.org_id = pa.org_id
            LEFT JOIN product pr ON pr.id = l.product_id
            WHERE pa.org_id = :org AND pa.kind = 'buyer'
            GROUP BY pa.id, pa.name_zh, pa.name_en, pa.buyer_type, pa.division_code""");

    /** A site's division (for distance in the matching). */
    static final Sql SITE = Sql.of("SELECT s.id, s.org_id, s.division_code FROM site s WHERE s.id = :site AND "
            + Visibility.owned("s.org_id"));

    private StockSql() {
    }
}
