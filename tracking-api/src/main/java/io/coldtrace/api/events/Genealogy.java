package io.coldtrace.api.events;

/**
 * The genealogy walk every feature shares for "where did this lot come from": the lot's labels, its page, the
 * buyer's page and the QA trace all name the same harvest batches and farms because they read them from here.
 * {@code lot_link} only ever links lots of one organisation (packs and transforms), and the projection refuses a lot
 * that would be its own ancestor, so the genealogy is a DAG; the walk still visits each (root, lot) once, so it ends
 * on any graph.
 */
public final class Genealogy {
    /**
     * The farm of a harvest batch {@code b}: the harvest's party, else its plot's; needs {@code be} (the batch's
     * born event) and {@code fp} (its plot) joined, as {@link #BATCH_JOINS} does.
     */
    public static final String BATCH_FARM = "COALESCE(be.party_id, fp.party_id)";
    /** Joins the born event {@code be} and plot {@code fp} of harvest batch {@code b} for {@link #BATCH_FARM}. */
    public static final String BATCH_JOINS = """
            LEFT JOIN trace_event be ON be.id = b.born_event_id
            LEFT JOIN farm_plot fp ON fp.id = b.plot_id""";

    /**
     * CTE {@code origins (root, batch_id, party_id, born_tz_offset)}: for each lot of {@code :roots} (uuid[]), every
     * harvest batch upstream of it through every pack and transform (the lot itself when it is a batch), the farm
     * it came from ({@link #BATCH_FARM}) and the time-zone offset of its harvest. Each (root, lot) is walked once
     * (UNION), so a merge's shared ancestors are read once.
     */
    public static final String ORIGINS = """
            WITH RECURSIVE up (root, lot_id) AS (
                SELECT l.id, l.id FROM lot l WHERE l.id = ANY(CAST(:roots AS uuid[]))
                UNION
                SELECT up.root, k.parent_lot_id FROM up JOIN lot_link k ON k.child_lot_id = up.lot_id
            ), origins AS (
                SELECT up.root, b.id AS batch_id, %s AS party_id, be.event_tz_offset AS born_tz_offset
                FROM up JOIN lot b ON b.id = up.lot_id AND b.kind = 'harvest_batch'
                %s
            )""".formatted(BATCH_FARM, BATCH_JOINS);

    private Genealogy() {
    }
}
