package io.coldtrace.api.events;

import io.coldtrace.api.db.Sql;
import io.coldtrace.api.http.ClientError;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Holds (issue 8 §3, V9_9; issue 9 §3, V9_30): a lot may not be shipped or delivered, nor may a lot made from it
 * (split, repacked, packed), while it is in the frozen scope of a recall case (not a drill) that is not released, or
 * while a quality test of it failed and is neither corrected to a pass nor released by QA. Read from the recall and
 * quality-test tables by SQL, so the ledger depends on no recall or test code; a case is opened and a failed test
 * recorded with the organisation's chain head locked ({@link #lockLedger}), so no append races the hold it starts.
 */
public final class Holds {
    /**
     * What holds a lot: {@code kind} recall_case or quality_test, its id, for a test what failed, and the lot it was
     * made from that the hold is on ({@code madeFrom}: null when the hold is on the lot itself).
     */
    public record Hold(String kind, UUID id, String what, String madeFrom) {
        /** The same hold, reaching a lot made from {@code parentCode} (the lot it is on, if that is nearer). */
        Hold through(String parentCode) {
            return madeFrom != null ? this : new Hold(kind, id, what, parentCode);
        }

        /** The refusal's words for the holder. */
        String named() {
            return (madeFrom == null ? "" : "lot " + madeFrom + ", which it was made from, held by ")
                    + (kind.equals("recall_case") ? "recall case " + id
                    : "failed quality test " + id + " (" + what + ")");
        }

        String until() {
            return kind.equals("recall_case") ? "the case is released"
                    : "the test is corrected or QA releases its hold";
        }
    }

    /**
     * A quality test {@code t} that holds its lot: failed, neither corrected (superseded) nor released by QA. The one
     * statement of the rule, for the hold check here and the tests' lists.
     */
    public static final String TEST_IN_FORCE = """
            t.result = 'fail' AND NOT EXISTS (SELECT 1 FROM quality_test n WHERE n.supersedes = t.id)
              AND NOT EXISTS (SELECT 1 FROM quality_test_release r WHERE r.test_id = t.id)""";

    /**
     * For each lot of {@code :lots}, the earliest hold on it or on any lot it was made from: a case (open or
     * recalled) holding it, or a failed test of it in force. Nothing is walked while the organisation has neither.
     */
    private static final Sql HELD = Sql.of("""
            WITH RECURSIVE up (lot_id, anc, depth) AS (
                SELECT l, l, 0 FROM unnest(CAST(:lots AS uuid[])) l
                WHERE EXISTS (SELECT 1 FROM recall_case c WHERE c.org_id = :org AND c.kind = 'recall'
                    AND c.status <> 'released')
                   OR EXISTS (SELECT 1 FROM quality_test t WHERE t.org_id = :org AND %1$s)
                UNION
                SELECT up.lot_id, k.parent_lot_id, up.depth + 1 FROM up JOIN lot_link k ON k.child_lot_id = up.anc
                WHERE up.depth < 64
            ), holds AS (
                SELECT up.lot_id, up.anc, 'recall_case' AS kind, c.id, NULL AS what, c.opened_at AS since, up.depth
                FROM up JOIN recall_case_lot k ON k.lot_id = up.anc AND k.on_hold
                JOIN recall_case c ON c.id = k.case_id AND c.status <> 'released' AND c.org_id = :org
                UNION ALL
                SELECT up.lot_id, up.anc, 'quality_test', t.id, t.analyte || ', ' || t.lab, t.recorded_at, up.depth
                FROM up JOIN quality_test t ON t.lot_id = up.anc AND t.org_id = :org
                WHERE %1$s
            )
            SELECT DISTINCT ON (h.lot_id) h.lot_id, h.kind, h.id, h.what,
                   CASE WHEN h.depth > 0 THEN a.code END AS made_from
            FROM holds h JOIN lot a ON a.id = h.anc ORDER BY h.lot_id, h.since, h.depth""".formatted(TEST_IN_FORCE));

    /**
     * A blacklist entry in force (issue 9 §3, V9_40) on the supplier a receive names: the party itself, or any party
     * with the unified social credit code the entry was made with (the same supplier in another organisation's
     * master data). Only party entries (no product) bar receiving; in force on the event's day in China, from
     * valid_from to valid_until, unless lifted. Read by SQL so the ledger depends on no blacklist code.
     */
    public record Blacklisted(UUID entry, String reason, String authority) {
    }

    private static final Sql BLACKLISTED = Sql.of("""
            SELECT e.id, e.reason, e.authority FROM party p JOIN blacklist_entry e
              ON e.product_id IS NULL AND (e.party_id = p.id OR e.uscc = p.uscc)
            WHERE p.id = :party
              AND e.valid_from <= CAST(CAST(:at AS timestamptz) AT TIME ZONE 'Asia/Shanghai' AS date)
              AND (e.valid_until IS NULL
                   OR e.valid_until >= CAST(CAST(:at AS timestamptz) AT TIME ZONE 'Asia/Shanghai' AS date))
              AND NOT EXISTS (SELECT 1 FROM blacklist_lift l WHERE l.entry_id = e.id)
            ORDER BY e.entered_at, e.id LIMIT 1""");

    private Holds() {
    }

    /** The blacklist entry barring receipts from {@code party} at {@code at}, if any. */
    static Optional<Blacklisted> blacklisted(Connection c, String party, java.time.Instant at) throws SQLException {
        return BLACKLISTED.bind("party", party).bind("at", at).first(c, rs -> new Blacklisted(
                rs.getObject("id", UUID.class), rs.getString("reason"), rs.getString("authority")));
    }

    /** The 409 for receiving from a blacklisted supplier, naming the entry. */
    static ClientError refusedReceipt(String party, Blacklisted entry) {
        return ClientError.conflict("party_id", "party " + party + " is on the blacklist (entry " + entry.entry()
                + " by " + entry.authority() + ": " + entry.reason() + "): its lots may not be received while the "
                + "entry is in force");
    }

    /** What holds {@code lot} (or a lot it was made from), if anything. */
    static Optional<Hold> heldBy(Connection c, String org, UUID lot) throws SQLException {
        return Optional.ofNullable(held(c, org, new UUID[] {lot}).get(lot));
    }

    /** The 409 for a {@code what} (ship, deliver) of held lot {@code code}, naming what holds it. */
    static ClientError refused(String field, String code, String what, Hold hold) {
        return ClientError.conflict(field, "lot " + code + " is on hold by " + hold.named() + ": it may not be "
                + (what.equals("ship") ? "shipped" : "delivered") + " until " + hold.until());
    }

    /** For each of {@code lots}, what holds it (as {@link #heldBy}; lots held by nothing are absent): one query. */
    static java.util.Map<UUID, Hold> held(Connection c, String org, UUID[] lots) throws SQLException {
        java.util.Map<UUID, Hold> out = new java.util.HashMap<>();
        HELD.bind("lots", lots).bind("org", org).list(c, rs -> out.put(rs.getObject("lot_id", UUID.class),
                new Hold(rs.getString("kind"), rs.getObject("id", UUID.class), rs.getString("what"),
                        rs.getString("made_from"))));
        return out;
    }

    /** Locks {@code org}'s chain head until the transaction ends: appends of the organisation wait meanwhile. */
    public static void lockLedger(Connection c, String org) throws SQLException {
        EventQueries.lockHead(c, org, io.coldtrace.core.ledger.EventChain.GENESIS);
    }
}
