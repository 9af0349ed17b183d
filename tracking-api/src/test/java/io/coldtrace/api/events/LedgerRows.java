package io.coldtrace.api.events;

import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.ledger.EventChain;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Ledger rows written and rewritten straight in SQL, with the real hashes ({@link EventRow#linkedAfter}): many events
 * fast (JDBC batches, one transaction), and the forgeries of someone with superuser rights (append-only triggers
 * disabled for the statement).
 */
public final class LedgerRows {
    private static final String INSERT = """
            INSERT INTO trace_event (id, org_id, client_event_id, type, event_time, event_tz_offset, body, recorded_by,
                    recorded_at, late_recorded, prev_hash, hash)
            VALUES (?, ?, ?, 'move', ?, '+08:00', CAST(? AS jsonb), 'bulk', ?, false, ?, ?)""";
    private static final String HEAD = """
            INSERT INTO trace_chain_head (org_id, last_seq, last_hash) VALUES (?, ?, ?)
            ON CONFLICT (org_id) DO UPDATE SET last_seq = excluded.last_seq, last_hash = excluded.last_hash""";

    private LedgerRows() {
    }

    /** Appends {@code n} events to {@code org}'s chain (after its head), linked and hashed as the ledger does it. */
    static void append(TestApi api, String org, int n) {
        Instant start = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        try (Connection c = connect(api)) {
            c.setAutoCommit(false);
            String prev = head(c, org);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (int i = 0; i < n; i++) {
                    Instant at = start.plusSeconds(i);
                    EventRow e = new EventRow(0, UUID.randomUUID(), org, "bulk-" + UUID.randomUUID(), "move", at,
                            "+08:00", null, null, null, null, "{\"i\": " + i + ", \"kg\": 1.5}", "bulk",
                            at.plusSeconds(60), null, null, false, null, null).linkedAfter(prev);
                    ps.setObject(1, e.id());
                    ps.setString(2, org);
                    ps.setString(3, e.clientEventId());
                    ps.setObject(4, e.eventTime().atOffset(ZoneOffset.UTC));
                    ps.setString(5, e.body());
                    ps.setObject(6, e.recordedAt().atOffset(ZoneOffset.UTC));
                    ps.setString(7, e.prevHash());
                    ps.setString(8, e.hash());
                    ps.addBatch();
                    prev = e.hash();
                    if (i % 1_000 == 999 || i == n - 1) {
                        ps.executeBatch();
                    }
                }
            }
            moveHead(c, org, prev);
            c.commit();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code org}'s events in chain order. */
    static List<EventRow> chain(TestApi api, String org) {
        try (Connection c = connect(api);
             PreparedStatement ps = c.prepareStatement(
                     "SELECT " + EventRow.COLUMNS + " FROM trace_event e WHERE e.org_id = ? ORDER BY e.seq")) {
            ps.setString(1, org);
            List<EventRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(EventRow.MAPPER.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A consistent forgery: gives the event at {@code seq} the body {@code body}, rehashes it and every later event of
     * its chain, and moves the head to the new last hash, so that the chain alone checks out.
     */
    static void forge(TestApi api, String org, long seq, String body) {
        List<EventRow> chain = chain(api, org);
        try (Connection c = connect(api)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL session_replication_role = replica");   // no triggers: a superuser's power
            }
            String prev = EventChain.GENESIS;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE trace_event SET body = CAST(? AS jsonb), prev_hash = ?, hash = ? WHERE seq = ?")) {
                for (EventRow e : chain) {
                    if (e.seq() >= seq) {
                        EventRow forged = (e.seq() == seq ? withBody(e, body) : e).linkedAfter(prev);
                        ps.setString(1, forged.body());
                        ps.setString(2, forged.prevHash());
                        ps.setString(3, forged.hash());
                        ps.setLong(4, e.seq());
                        ps.executeUpdate();
                        prev = forged.hash();
                    } else {
                        prev = e.hash();
                    }
                }
            }
            moveHead(c, org, prev);
            c.commit();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs {@code sql} with the triggers off (as a superuser can), e.g. to rewrite or remove anchors. */
    public static void asSuperuser(TestApi api, String sql, Object... params) {
        try (Connection c = connect(api)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL session_replication_role = replica");
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static EventRow withBody(EventRow e, String body) {
        return new EventRow(e.seq(), e.id(), e.orgId(), e.clientEventId(), e.type(), e.eventTime(), e.eventTzOffset(),
                e.siteId(), e.unitId(), e.plotId(), e.partyId(), body, e.recordedBy(), e.recordedAt(),
                e.correctsEventId(), e.correctionReason(), e.lateRecorded(), e.prevHash(), e.hash());
    }

    private static String head(Connection c, String org) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_hash FROM trace_chain_head WHERE org_id = ?")) {
            ps.setString(1, org);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : EventChain.GENESIS;
            }
        }
    }

    private static void moveHead(Connection c, String org, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HEAD)) {
            ps.setString(1, org);
            ps.setObject(2, lastSeq(c, org));
            ps.setString(3, hash);
            ps.executeUpdate();
        }
    }

    private static Long lastSeq(Connection c, String org) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT max(seq) FROM trace_event WHERE org_id = ?")) {
            ps.setString(1, org);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return (Long) rs.getObject(1);
            }
        }
    }

    private static Connection connect(TestApi api) throws SQLException {
        return DriverManager.getConnection(api.db().url(), api.db().user(), api.db().password());
    }
}
