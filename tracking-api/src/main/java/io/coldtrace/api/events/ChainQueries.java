package io.coldtrace.api.events;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL of chain verification and anchoring. Long reads go through a server-side cursor ({@link #FETCH_SIZE} rows per
 * round trip): run them in a transaction (autocommit off), or pgjdbc would read every row into memory.
 */
final class ChainQueries {
    /** Rows pgjdbc holds per round trip of a cursor. */
    static final int FETCH_SIZE = 2_000;
    /** Key of the transaction-level advisory lock that serialises anchor runs (of every API instance). */
    static final long ANCHOR_LOCK = 0x636861696e616eL;

    /** Every visible chain in order: verify walks it (one organisation's chain after another). */
    private static final Sql CHAINS = Sql.of("SELECT %s FROM trace_event e WHERE %s ORDER BY e.org_id, e.seq"
            .formatted(EventRow.COLUMNS, Visibility.owned("e.org_id")));
    /** One organisation's events after an anchored seq up to its head: what an anchor run checks before anchoring. */
    private static final Sql SEGMENT = Sql.of("""
            SELECT %s FROM trace_event e WHERE e.org_id = :org AND e.seq > :after AND e.seq <= :upto
            ORDER BY e.seq""".formatted(EventRow.COLUMNS));
    /** Every visible anchor with the hash of the event now at its seq (null when there is none of its org). */
    private static final Sql ANCHORS = Sql.of("""
            SELECT %s, e.id AS event_id, e.hash AS event_hash FROM trace_chain_anchor a
            LEFT JOIN trace_event e ON e.seq = a.seq AND e.org_id = a.org_id
            WHERE %s ORDER BY a.org_id, a.seq""".formatted(AnchorRow.COLUMNS, Visibility.owned("a.org_id")));
    private static final Sql EVENTS_AT = Sql.of(
            "SELECT e.seq, e.org_id, e.id, e.hash FROM trace_event e WHERE e.seq = ANY(:seqs)");
    private static final Sql LATEST_ANCHOR = Sql.of("""
            SELECT %s FROM trace_chain_anchor a WHERE a.org_id = :org ORDER BY a.seq DESC LIMIT 1"""
            .formatted(AnchorRow.COLUMNS));
    private static final Sql INSERT_ANCHOR = Sql.of("""
            INSERT INTO trace_chain_anchor (org_id, seq, hash, anchored_at, anchor_sig)
            VALUES (:org, :seq, :hash, :at, :sig)""");
    private static final Sql LOCK_ANCHORS = Sql.of("SELECT pg_advisory_xact_lock(:key)");

    /** An anchor and the event now at its seq (id and hash null when that event is gone). */
    record Anchored(AnchorRow anchor, UUID eventId, String eventHash) {
    }

    /** The stored hash of an event, by seq. */
    record EventHash(String orgId, UUID id, String hash) {
    }

    /** Receives rows of a cursor; false stops the walk. */
    @FunctionalInterface
    interface Each<T> {
        boolean accept(T row) throws SQLException;
    }

    private ChainQueries() {
    }

    /** Walks every visible event in organisation, seq order until {@code each} says stop. */
    static void chains(Connection c, Visibility vis, Each<EventRow> each) throws SQLException {
        walk(c, CHAINS.bind(vis), EventRow.MAPPER, each);
    }

    /** Walks {@code org}'s events with seq in (after, upto]. */
    static void segment(Connection c, String org, long after, long upto, Each<EventRow> each) throws SQLException {
        walk(c, SEGMENT.bind("org", org).bind("after", after).bind("upto", upto), EventRow.MAPPER, each);
    }

    /** Walks every visible anchor of the table with the event at its seq. */
    static void anchors(Connection c, Visibility vis, Each<Anchored> each) throws SQLException {
        walk(c, ANCHORS.bind(vis), rs -> new Anchored(AnchorRow.MAPPER.map(rs), rs.getObject("event_id", UUID.class),
                rs.getString("event_hash")), each);
    }

    /** The events at {@code seqs} (of any organisation; the caller compares organisations), by seq. */
    static Map<Long, EventHash> eventsAt(Connection c, List<Long> seqs) throws SQLException {
        Map<Long, EventHash> out = new HashMap<>();
        EVENTS_AT.bind("seqs", c.createArrayOf("bigint", seqs.toArray())).list(c, rs -> {
            out.put(rs.getLong(1), new EventHash(rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4)));
            return null;
        });
        return out;
    }

    /** Waits until no other anchor run holds the anchor lock, then holds it until this transaction ends. */
    static void lockAnchors(Connection c) throws SQLException {
        LOCK_ANCHORS.bind("key", ANCHOR_LOCK).first(c, rs -> true);
    }

    static Optional<AnchorRow> latestAnchor(Connection c, String org) throws SQLException {
        return LATEST_ANCHOR.bind("org", org).first(c, AnchorRow.MAPPER);
    }

    static void insertAnchor(Connection c, AnchorRow a) throws SQLException {
        INSERT_ANCHOR.bind("org", a.orgId()).bind("seq", a.seq()).bind("hash", a.hash()).bind("at", a.anchoredAt())
                .bind("sig", a.sig()).update(c);
    }

    private static <T> void walk(Connection c, Sql.Bound query, RowMapper<T> mapper, Each<T> each)
            throws SQLException {
        if (c.getAutoCommit()) {
            throw new IllegalStateException("a cursor needs a transaction: without one pgjdbc reads every row");
        }
        try (PreparedStatement ps = query.prepare(c)) {
            ps.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!each.accept(mapper.map(rs))) {
                        return;
                    }
                }
            }
        }
    }
}
