package io.coldtrace.api.events;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Sql;
import io.coldtrace.core.ledger.EventChain;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

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
     * births, the corrections that voided them) and the events those correct: what the "record verified" mark of the
     * buyer's page checks; {@code %s} adds more events to {@code touched}.
     */
    private static final String LINEAGE_EVENTS = """
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
            )
            SELECT event_id FROM touched
            UNION SELECT e.corrects_event_id FROM trace_event e
            WHERE e.id IN (SELECT event_id FROM touched) AND e.corrects_event_id IS NOT NULL""";
    private static final Sql PAGE_EVENTS = Sql.of(LINEAGE_EVENTS.formatted(""));
    /**
     * The same and every correction of an event whose body names one of the lots (a voided move leaves no projection
     * row) with the event it corrects: the audit pack's record. It reads every correction of the organisations
     * (the partial index on corrects_event_id), which the buyer's page, held to 50 ms, does not pay for.
     */
    private static final Sql ALL_EVENTS = Sql.of(LINEAGE_EVENTS.formatted("""

                UNION SELECT unnest(ARRAY[c.id, c.corrects_event_id])
                FROM trace_event c JOIN trace_event o ON o.id = c.corrects_event_id AND o.org_id = c.org_id
                WHERE c.corrects_event_id IS NOT NULL AND EXISTS (
                    SELECT 1 FROM lot l WHERE l.org_id = c.org_id AND l.id IN (SELECT lot_id FROM lots)
                      AND l.code IN (SELECT v #>> '{}' FROM jsonb_path_query(o.body, 'lax $.**.lot') v
                                     UNION ALL SELECT v #>> '{}' FROM jsonb_path_query(o.body, 'lax $.**.batch') v))"""));

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

    /**
     * The ids of the events of {@code lots} and their ancestors, in no order; {@code withVoids} adds the corrections
     * of events naming them and what those corrected ({@link #ALL_EVENTS}).
     */
    public static List<UUID> lineageEvents(Connection c, boolean withVoids, UUID... lots) throws SQLException {
        return (withVoids ? ALL_EVENTS : PAGE_EVENTS).bind("lots", lots).list(c, rs -> rs.getObject(1, UUID.class));
    }

    /** Checks the events {@code eventIds} (duplicates allowed). */
    public static Result verify(Connection c, List<UUID> eventIds) throws SQLException {
        UUID[] ids = eventIds.stream().distinct().toArray(UUID[]::new);
        List<Linked> rows = EVENTS.bind("genesis", EventChain.GENESIS).bind("ids", ids).list(c, Linked.MAPPER);
        int missing = ids.length - rows.size();
        for (Linked l : rows) {
            EventRow e = l.event();
            if (!l.predecessorHash().equals(e.prevHash())) {
                return new Result(rows.size(), missing, e.id(), "prev_hash does not match the previous event's hash");
            }
            if (!e.expectedHash(e.prevHash()).equals(e.hash())) {
                return new Result(rows.size(), missing, e.id(), "hash does not match the event's stored fields");
            }
        }
        return new Result(rows.size(), missing, null, missing == 0 ? null : missing + " events are missing");
    }
}
