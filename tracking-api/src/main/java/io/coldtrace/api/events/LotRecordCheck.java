package io.coldtrace.api.events;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Sql;
import io.coldtrace.core.ledger.EventChain;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A quick check of a few events of the ledger (those of one lot and its ancestors, for the buyer's page): each must
 * recompute to its stored hash and link to the event before it in its organisation's chain (genesis for the first),
 * read with one indexed look-up per event, where the full verify ({@code GET /api/v1/events/verify}) walks every
 * chain. It cannot see what the full walk sees beyond these events (an event cut from the end of the chain, a
 * rewrite of the events between), which is what the anchors and the periodic verify are for.
 */
public final class LotRecordCheck {
    /** The events asked for, each with the hash of its predecessor in its organisation's chain. */
    private static final Sql EVENTS = Sql.of("""
            SELECT %s, coalesce((SELECT p.hash FROM trace_event p WHERE p.org_id = e.org_id AND p.seq < e.seq
                                 ORDER BY p.seq DESC LIMIT 1), :genesis) AS predecessor_hash
            FROM trace_event e WHERE e.id = ANY(:ids) ORDER BY e.seq""".formatted(EventRow.COLUMNS));
    /**
     * The events that made the projections of lots {@code :lots} and their ancestors (movements, hand-overs, links,
     * births, the corrections that voided them) and the events those correct, as CTE {@code record (event_id)}: what
     * the "record verified" mark of the buyer's page checks; {@code %s} adds more events to {@code touched}.
     */
    private static final String LINEAGE = """
            WITH RECURSIVE lineage (lot_id, depth) AS (
                SELECT unnest(CAST(:lots AS uuid[])), 0
                UNION
                SELECT k.parent_lot_id, l.depth + 1 FROM lineage l JOIN lot_link k ON k.child_lot_id = l.lot_id
                WHERE l.depth < 12
            ), lots AS (SELECT DISTINCT lot_id FROM lineage), touched AS (
                SELECT m.event_id FROM lots JOIN lot_movement m ON m.lot_id = lots.lot_id
                UNION SELECT h.event_id FROM lots JOIN lot_handover h ON h.lot_id = lots.lot_id
                UNION SELECT k.event_id FROM lots JOIN lot_link k ON k.child_lot_id = lots.lot_id
                UNION SELECT l.born_event_id FROM lots JOIN lot l ON l.id = lots.lot_id
                UNION SELECT l.voided_by FROM lots JOIN lot l ON l.id = lots.lot_id WHERE l.voided_by IS NOT NULL%s
            ), record (event_id) AS (
                SELECT event_id FROM touched
                UNION SELECT e.corrects_event_id FROM trace_event e
                WHERE e.id IN (SELECT event_id FROM touched) AND e.corrects_event_id IS NOT NULL
            )
            """;
    private static final Sql PAGE_EVENTS = Sql.of(LINEAGE.formatted("") + "SELECT event_id FROM record");
    /**
     * The WITH clause of the audit pack's record of lots {@code :lots}: {@link #LINEAGE} and every correction of an
     * event whose body names one of the lots (a voided move leaves no projection row) with the event it corrects, as
     * CTE {@code record (event_id)} for a statement that follows. It reads every correction of the organisations
     * (the partial index on corrects_event_id), which the buyer's page, held to 50 ms, does not pay for.
     */
    public static final String RECORD = LINEAGE.formatted("""

                UNION SELECT unnest(ARRAY[c.id, c.corrects_event_id])
                FROM trace_event c JOIN trace_event o ON o.id = c.corrects_event_id AND o.org_id = c.org_id
                WHERE c.corrects_event_id IS NOT NULL AND EXISTS (
                    SELECT 1 FROM lot l WHERE l.org_id = c.org_id AND l.id IN (SELECT lot_id FROM lots)
                      AND l.code IN (SELECT v #>> '{}' FROM jsonb_path_query(o.body, 'lax $.**.lot') v
                                     UNION ALL SELECT v #>> '{}' FROM jsonb_path_query(o.body, 'lax $.**.batch') v))""");
    /** {@link #RECORD}'s events with their predecessors' hashes, in chain order; ids the ledger lacks come last. */
    private static final Sql RECORD_LINKED = Sql.of(RECORD + """
            SELECT r.event_id AS record_id, %s, coalesce((SELECT p.hash FROM trace_event p
                   WHERE p.org_id = e.org_id AND p.seq < e.seq ORDER BY p.seq DESC LIMIT 1), :genesis)
                   AS predecessor_hash
            FROM record r LEFT JOIN trace_event e ON e.id = r.event_id ORDER BY e.seq""".formatted(EventRow.COLUMNS));

    /**
     * What the check found: how many events it checked, and the first that failed (null when all passed).
     *
     * @param missing ids asked for that are not in the ledger
     */
    public record Result(int checked, int missing, UUID failed, String reason) {
        public boolean verified() {
            return failed == null && missing == 0 && checked > 0;
        }
    }

    private record Linked(EventRow event, String predecessorHash) {
        static final RowMapper<Linked> MAPPER = rs -> new Linked(EventRow.MAPPER.map(rs),
                rs.getString("predecessor_hash"));
    }

    private LotRecordCheck() {
    }

    /** The ids of the events of {@code lots} and their ancestors ({@link #LINEAGE}), in no order. */
    public static List<UUID> lineageEvents(Connection c, UUID... lots) throws SQLException {
        return PAGE_EVENTS.bind("lots", lots).list(c, rs -> rs.getObject(1, UUID.class));
    }

    /** Checks the events {@code eventIds} (duplicates allowed). */
    public static Result verify(Connection c, List<UUID> eventIds) throws SQLException {
        UUID[] ids = eventIds.stream().distinct().toArray(UUID[]::new);
        List<Linked> rows = EVENTS.bind("genesis", EventChain.GENESIS).bind("ids", ids).list(c, Linked.MAPPER);
        Checker check = new Checker();
        for (Linked l : rows) {
            check.add(l);
        }
        return check.result(ids.length - rows.size());
    }

    /**
     * Checks the audit record of {@code lots} ({@link #RECORD}) as {@link #verify} does, reading it through a cursor
     * of {@code fetchSize} rows (the connection must be in a transaction) and handing each event to {@code seen} in
     * chain order, so a record of any length is checked in constant memory.
     */
    public static Result verifyRecord(Connection c, int fetchSize, Consumer<EventRow> seen, UUID... lots)
            throws SQLException {
        Checker check = new Checker();
        int missing = 0;
        try (PreparedStatement ps = RECORD_LINKED.bind("lots", lots).bind("genesis", EventChain.GENESIS).prepare(c)) {
            ps.setFetchSize(fetchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getObject("id") == null) {
                        missing++;
                    } else {
                        Linked l = Linked.MAPPER.map(rs);
                        check.add(l);
                        seen.accept(l.event());
                    }
                }
            }
        }
        return check.result(missing);
    }

    /** Checks events one by one: how many, and the first that does not recompute or link. */
    private static final class Checker {
        private int checked;
        private UUID failed;
        private String reason;

        void add(Linked l) {
            checked++;
            if (failed != null) {
                return;
            }
            EventRow e = l.event();
            if (!l.predecessorHash().equals(e.prevHash())) {
                failed = e.id();
                reason = "prev_hash does not match the previous event's hash";
            } else if (!e.expectedHash(e.prevHash()).equals(e.hash())) {
                failed = e.id();
                reason = "hash does not match the event's stored fields";
            }
        }

        Result result(int missing) {
            return new Result(checked, missing, failed, failed != null ? reason
                    : missing == 0 ? null : missing + " events are missing");
        }
    }
}
