package io.coldtrace.api.genealogy;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;
import io.coldtrace.api.events.Genealogy;

/**
 * The trace's SQL. A trace is one recursive walk of {@code lot_link} (up for backward, down for forward) that is
 * bounded twice: by depth ({@code :depth}; it walks one step further than asked, to tell whether the genealogy goes
 * on) and by the number of steps it may take ({@code :steps}, a LIMIT the walk stops at, since PostgreSQL evaluates a
 * recursive CTE only as far as it is read). Each (lot, depth) is walked once (UNION), so merges cost one step per
 * depth they are reached at, and a cycle (refused at capture) could not loop. Then the hops of the lots found are
 * read by id: links with their quantities, harvest batches' plots and farms, hand-overs.
 */
final class GenealogySql {
    private static final String WALK = """
            WITH RECURSIVE walk (lot_id, depth) AS (
                SELECT l.id, r.base FROM unnest(CAST(:roots AS uuid[]), CAST(:bases AS int[])) AS r (id, base)
                JOIN lot l ON l.id = r.id WHERE %s
                UNION
                SELECT k.%s, w.depth + 1 FROM walk w JOIN lot_link k ON k.%s = w.lot_id WHERE w.depth <= :depth
            ), steps AS MATERIALIZED (SELECT lot_id, depth FROM walk LIMIT :steps)
            SELECT l.id, l.org_id, l.code, l.kind, l.product_id, p.name_zh, p.name_en, p.gtin, l.commodity,
                   l.variety, l.uom, l.quantity, l.born_at, l.plot_id, l.site_id, st.name AS site_name, l.unit_id,
                   u.name AS unit_name, l.voided_by IS NOT NULL AS voided, s.depth,
                   (SELECT count(*) FROM steps) AS steps
            FROM (SELECT lot_id, min(depth) AS depth FROM steps GROUP BY lot_id) s
            JOIN lot l ON l.id = s.lot_id
            LEFT JOIN product p ON p.id = l.product_id AND p.org_id = l.org_id
            LEFT JOIN site st ON st.id = l.site_id
            LEFT JOIN unit u ON u.id = l.unit_id
            ORDER BY s.depth, l.born_at, l.code""";

    /** The lots {@code :roots} and their ancestors (packs, transforms up to harvest batches). */
    static final Sql BACKWARD = Sql.of(WALK.formatted(Visibility.owned("l.org_id"), "parent_lot_id", "child_lot_id"));
    /** The lots {@code :roots} and every lot derived from them. */
    static final Sql FORWARD = Sql.of(WALK.formatted(Visibility.owned("l.org_id"), "child_lot_id", "parent_lot_id"));

    /**
     * The crossing rule (tracking-api/README.md, "Traces across organisations"), over {@code a} (the supplier's lot),
     * {@code h} (its hand-over) and {@code b} (the receiver's lot): h ships or delivers a; b is of another
     * organisation, not voided, born by a receive (its own receive hand-over bore it) no earlier than h; and b
     * records a's trace code or lot code as its external code, or has a's lot code as its own code and a product
     * of the same GTIN as a's. Both directions read it through {@link #CROSSINGS}.
     */
    static final String CROSSING = """
            h.lot_id = a.id AND h.kind IN ('ship', 'deliver') AND b.org_id <> a.org_id AND b.voided_by IS NULL
            AND b.born_at >= h.at
            AND EXISTS (SELECT 1 FROM lot_handover r
                        WHERE r.lot_id = b.id AND r.event_id = b.born_event_id AND r.kind = 'receive')
            AND (b.external_code = a.trace_code OR b.external_code = a.code
                 OR b.code = a.code AND EXISTS (SELECT 1 FROM product pa JOIN product pb ON pb.gtin = pa.gtin
                                                WHERE pa.id = a.product_id AND pb.id = b.product_id))""";

    /**
     * The crossings of the lots {@code :ids} (forward: as the supplier's lots a, into the lots b received from them;
     * backward: as the received lots b, back to the lots a they came from), kept to those the caller may trace into
     * ({@link Visibility#traceable}: the far side is its own organisation's or granted it). One hand-over per pair:
     * the last before the receipt.
     */
    private static final String CROSSINGS = """
            SELECT DISTINCT ON (a.id, b.id) a.id AS a_id, a.org_id AS a_org, a.uom, b.id AS b_id, b.org_id AS b_org,
                   b.born_event_id AS b_event_id, h.kind, h.at, h.quantity, h.event_id
            FROM lot a, lot_handover h, lot b
            WHERE %s
            AND %s.id = ANY(CAST(:ids AS uuid[])) AND %s
            ORDER BY a.id, b.id, h.at DESC""";
    static final Sql FORWARD_CROSSINGS = Sql.of(CROSSINGS.formatted(CROSSING, "a", Visibility.traceable("b.org_id")));
    static final Sql BACKWARD_CROSSINGS = Sql.of(CROSSINGS.formatted(CROSSING, "b", Visibility.traceable("a.org_id")));

    /** The links among {@code :ids}: the quantity of the parent (in its unit) that went into the child, and how. */
    static final Sql LINKS = Sql.of("""
            SELECT k.parent_lot_id, k.child_lot_id, k.quantity, k.event_id, e.event_time,
                   CASE WHEN e.type = 'correction' THEN e.body->'event'->>'type' ELSE e.type END AS event_type,
                   CASE WHEN e.type = 'correction' THEN e.body->'event'->'body'->>'kind' ELSE e.body->>'kind' END
                       AS transform_kind
            FROM lot_link k JOIN trace_event e ON e.id = k.event_id
            WHERE k.child_lot_id = ANY(CAST(:ids AS uuid[])) AND k.parent_lot_id = ANY(CAST(:ids AS uuid[]))
            ORDER BY e.event_time, k.parent_lot_id, k.child_lot_id""");

    private static final String PARTY = "pa.id AS party_id, pa.org_id AS party_org, pa.kind AS party_kind, pa.buyer_type, "
            + "pa.name_zh AS party_name_zh, pa.name_en AS party_name_en, pa.division_code";

    /** The plot and farm of each harvest batch among {@code :ids} (the farm as every origin walk names it). */
    static final Sql BATCH_ORIGINS = Sql.of("""
            SELECT b.id AS batch_id, b.quantity, b.uom, b.born_at, b.plot_id, fp.name AS plot_name, %s
            FROM lot b
            %s
            LEFT JOIN party pa ON pa.id = %s
            WHERE b.id = ANY(CAST(:ids AS uuid[])) AND b.kind = 'harvest_batch'"""
            .formatted(PARTY, Genealogy.BATCH_JOINS, Genealogy.BATCH_FARM));

    /** The hand-overs of {@code :kinds} of the lots {@code :ids}, with the other party. */
    static final Sql HANDOVERS = Sql.of("""
            SELECT h.lot_id, h.kind, h.at, h.quantity, h.acceptance, h.rejected, h.event_id, %s
            FROM lot_handover h LEFT JOIN party pa ON pa.id = h.party_id
            WHERE h.lot_id = ANY(CAST(:ids AS uuid[])) AND h.kind = ANY(CAST(:kinds AS text[])) AND %s
            ORDER BY h.at, h.id""".formatted(PARTY, Visibility.owned("h.org_id")));

    /** A plot the caller sees, with its farm. */
    static final Sql PLOT = Sql.of("""
            SELECT fp.id AS plot_id, fp.name AS plot_name, %s
            FROM farm_plot fp LEFT JOIN party pa ON pa.id = fp.party_id
            WHERE fp.id = :id AND %s""".formatted(PARTY, Visibility.owned("fp.org_id")));

    /** The harvest batches of a plot (the roots of its forward trace). */
    static final Sql PLOT_BATCHES = Sql.of("""
            SELECT b.id FROM lot b WHERE b.plot_id = :id AND b.kind = 'harvest_batch' AND %s"""
            .formatted(Visibility.owned("b.org_id")));

    private GenealogySql() {
    }
}
