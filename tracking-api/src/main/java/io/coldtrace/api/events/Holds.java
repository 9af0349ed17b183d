package io.coldtrace.api.events;

import io.coldtrace.api.db.Sql;
import io.coldtrace.api.http.ClientError;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Recall holds (issue 8 §3, V9_9): a lot in the frozen scope of a recall case (not a drill) that is not released may
 * not be shipped or delivered. Read from the recall tables by SQL, so the ledger depends on no recall code; a case is
 * opened with the organisation's chain head locked ({@link #lockLedger}), so no append races the hold it starts.
 */
public final class Holds {
    private static final Sql HELD_BY = Sql.of("""
            SELECT c.id FROM recall_case_lot k JOIN recall_case c ON c.id = k.case_id
            WHERE k.lot_id = :lot AND k.on_hold AND c.status <> 'released' AND c.org_id = :org
            ORDER BY c.opened_at LIMIT 1""");
    private static final Sql HELD = Sql.of("""
            SELECT DISTINCT ON (k.lot_id) k.lot_id, c.id FROM recall_case_lot k JOIN recall_case c ON c.id = k.case_id
            WHERE k.lot_id = ANY(:lots) AND k.on_hold AND c.status <> 'released' AND c.org_id = :org
            ORDER BY k.lot_id, c.opened_at""");

    private Holds() {
    }

    /** The open or recalled case holding {@code lot}, if any. */
    static Optional<UUID> heldBy(Connection c, String org, UUID lot) throws SQLException {
        return HELD_BY.bind("lot", lot).bind("org", org).first(c, rs -> rs.getObject(1, UUID.class));
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
