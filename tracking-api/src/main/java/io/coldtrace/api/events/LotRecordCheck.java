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
