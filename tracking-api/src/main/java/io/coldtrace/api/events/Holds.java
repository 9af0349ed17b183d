package io.coldtrace.api.events;

import io.coldtrace.api.db.Sql;
import io.coldtrace.api.http.ClientError;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Recall holds (issue 8 §3, V9_9): a lot in the frozen scope of a recall case (not a drill) that is not released may
 * not be shipped or delivered, nor may a lot made from one (split, repacked, packed) after the scope was frozen. Read from the recall tables by SQL, so the ledger depends on no recall code; a case is
 * opened with the organisation's chain head locked ({@link #lockLedger}), so no append races the hold it starts.
 */
public final class Holds {
    /**
     * For each lot of {@code :lots}, the earliest-opened case (open or recalled) holding it or any lot it was made
     * from: a lot split, repacked or packed from a held lot after the case froze its scope is held as that lot is.
     * Nothing is walked while the organisation has no case that is not released.
     */
    private static final Sql HELD = Sql.of("""
            WITH RECURSIVE up (lot_id, anc, depth) AS (
                SELECT l, l, 0 FROM unnest(CAST(:lots AS uuid[])) l
                WHERE EXISTS (SELECT 1 FROM recall_case c WHERE c.org_id = :org AND c.kind = 'recall'
                    AND c.status <> 'released')
                UNION
                SELECT up.lot_id, k.parent_lot_id, up.depth + 1 FROM up JOIN lot_link k ON k.child_lot_id = up.anc
                WHERE up.depth < 64
            )
            SELECT DISTINCT ON (up.lot_id) up.lot_id, c.id
            FROM up JOIN recall_case_lot k ON k.lot_id = up.anc AND k.on_hold
            JOIN recall_case c ON c.id = k.case_id AND c.status <> 'released' AND c.org_id = :org
            ORDER BY up.lot_id, c.opened_at, up.depth""");

    private Holds() {
    }

    /** The open or recalled case holding {@code lot} (or a lot it was made from), if any. */
    static Optional<UUID> heldBy(Connection c, String org, UUID lot) throws SQLException {
        return Optional.ofNullable(held(c, org, new UUID[] {lot}).get(lot));
    }

    /** The 409 for a {@code what} (ship, deliver) of held lot {@code code}, naming the case. */
    static ClientError refused(String field, String code, String what, UUID recallCase) {
        return ClientError.conflict(field, "lot " + code + " is on hold by recall case " + recallCase
                + ": it may not be " + (what.equals("ship") ? "shipped" : "delivered") + " until the case is "
                + "released");
    }

    /** For each of {@code lots}, the case holding it (as {@link #heldBy}; lots held by none are absent): one query. */
    static java.util.Map<UUID, UUID> held(Connection c, String org, UUID[] lots) throws SQLException {
        java.util.Map<UUID, UUID> out = new java.util.HashMap<>();
        for (UUID[] pair : HELD.bind("lots", lots).bind("org", org).list(c,
                rs -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})) {
            out.put(pair[0], pair[1]);
        }
        return out;
    }

    /** Locks {@code org}'s chain head until the transaction ends: appends of the organisation wait meanwhile. */
    public static void lockLedger(Connection c, String org) throws SQLException {
        EventQueries.lockHead(c, org, io.coldtrace.core.ledger.EventChain.GENESIS);
    }
}
