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
                SELECT l.id, 0 FROM lot l WHERE l.id = ANY(CAST(:roots AS uuid[])) AND %s
                UNION
                SELECT k.%s, w.depth + 1 FROM walk w JOIN lot_link k ON k.%s = w.lot_id WHERE w.depth <= :depth
            ), steps AS MATERIALIZED (SELECT lot_id, depth FROM walk LIMIT :steps)
            SELECT l.id, l.code, l.kind, l.product_id, p.name_zh, p.name_en, l.commodity, l.variety, l.uom,
                   l.quantity, l.born_at, l.plot_id, l.site_id, l.unit_id, l.voided_by IS NOT NULL AS voided, s.depth,
                   (SELECT count(*) FROM steps) AS steps
            FROM (SELECT lot_id, min(depth) AS depth FROM steps GROUP BY lot_id) s
            JOIN lot l ON l.id = s.lot_id
            LEFT JOIN product p ON p.id = l.product_id AND p.org_id = l.org_id
            ORDER BY s.depth, l.born_at, l.code""";

    /** The lots {@code :roots} and their ancestors (packs, transforms up to harvest batches). */
    static final Sql BACKWARD = Sql.of(WALK.formatted(Visibility.owned("l.org_id"), "parent_lot_id", "child_lot_id"));
    /** The lots {@code :roots} and every lot derived from them. */
    static final Sql FORWARD = Sql.of(WALK.formatted(Visibility.owned("l.org_id"), "child_lot_id", "parent_lot_id"));

    /** The links among {@code :ids}: the quantity of the parent (in its unit) that went into the child, and how. */
    static final Sql LINKS = Sql.of("""
            SELECT k.parent_lot_id, k.child_lot_id, k.quantity, k.event_id, e.event_time,
                   CASE WHEN e.type = 'correction' THEN e.body->'event'->>'type' ELSE e.type END AS event_type,
                   CASE WHEN e.type = 'correction' THEN e.body->'event'->'body'->>'kind' ELSE e.body->>'kind' END
                       AS transform_kind
            FROM lot_link k JOIN trace_event e ON e.id = k.event_id
            WHERE k.child_lot_id = ANY(CAST(:ids AS uuid[])) AND k.parent_lot_id = ANY(CAST(:ids AS uuid[]))
            ORDER BY e.event_time, k.parent_lot_id, k.child_lot_id""");

    private static final String PARTY = "pa.id AS party_id, pa.kind AS party_kind, pa.buyer_type, "
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
