package io.coldtrace.api.custody;

/**
 * The lot {@code :lot} and its ancestors, up {@code lot_link} at most 12 steps, as a CTE named {@code lineage_until}:
 * each lot once, with its depth and the instant up to which its history is the lot's ({@code until}: the birth of
 * its child on the way down; null for the lot itself). Custody's legs and the buyer's page's hand-overs start from it.
 */
public final class Lineage {
    public static final String UNTIL = """
            WITH RECURSIVE lineage (lot_id, until, depth) AS (
                SELECT CAST(:lot AS uuid), CAST(NULL AS timestamptz), 0
                UNION
                SELECT k.parent_lot_id, c.born_at, l.depth + 1
                FROM lineage l JOIN lot_link k ON k.child_lot_id = l.lot_id JOIN lot c ON c.id = l.lot_id
                WHERE l.depth < 12
            ), lineage_until AS (
                SELECT lot_id, max(until) AS until, min(depth) AS depth FROM lineage GROUP BY lot_id
            )""";

    private Lineage() {
    }
}
