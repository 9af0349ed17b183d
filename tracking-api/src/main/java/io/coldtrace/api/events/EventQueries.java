package io.coldtrace.api.events;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.CopyStream;
import io.coldtrace.api.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of the event ledger; reads are limited by the caller's {@link Visibility}. Rows are only ever inserted. */
public final class EventQueries {
    private static final String VISIBLE = Visibility.owned("e.org_id");
    private static final Sql INSERT = Sql.of("""
            INSERT INTO trace_event AS e (id, org_id, client_event_id, type, event_time, event_tz_offset, site_id,
                    unit_id, plot_id, party_id, body, recorded_by, recorded_at, corrects_event_id, correction_reason,
                    late_recorded, prev_hash, hash)
            VALUES (:id, :org, :client, :type, :time, :offset, :site, :unit, :plot, :party, CAST(:body AS jsonb),
                    :by, :at, :corrects, :reason, :late, :prev, :hash)
            RETURNING %s""".formatted(EventRow.COLUMNS));
    /** The columns of a bulk import's events, each with the seq taken for it from {@link #NEXT_SEQS}. */
    private static final List<String> ROW_COLUMNS = List.of("seq", "id", "org_id", "client_event_id", "type",
            "event_time", "event_tz_offset", "site_id", "unit_id", "plot_id", "party_id", "body", "recorded_by",
            "recorded_at", "corrects_event_id", "correction_reason", "late_recorded", "prev_hash", "hash");
    /** The sequence is looked up once, not for each value (a tenth of the time for thousands). */
    private static final Sql NEXT_SEQS = Sql.of("""
            WITH s AS MATERIALIZED (SELECT CAST(pg_get_serial_sequence('trace_event', 'seq') AS regclass) AS seq)
            SELECT nextval(s.seq) FROM s, generate_series(1, :n)""");
    /**
     * The events of some client ids, one index probe each (for thousands of ids, {@code = ANY} is planned as a scan
     * of the whole ledger while it is small, in two parallel workers).
     */
    private static final Sql BY_CLIENT_IDS = Sql.of("""
            SELECT %s FROM unnest(CAST(:clients AS text[])) AS c(client_event_id)
            CROSS JOIN LATERAL (SELECT * FROM trace_event e
                                WHERE e.org_id = :org AND e.client_event_id = c.client_event_id LIMIT 1) e"""
            .formatted(EventRow.COLUMNS));
    private static final Sql GET = Sql.of("SELECT %s FROM trace_event e WHERE %s AND e.id = :id"
            .formatted(EventRow.COLUMNS, VISIBLE));
    private static final Sql BY_CLIENT_ID = Sql.of("""
            SELECT %s FROM trace_event e WHERE e.org_id = :org AND e.client_event_id = :client"""
            .formatted(EventRow.COLUMNS));
    private static final Sql LIST = Sql.of("""
            SELECT %s FROM trace_event e
            WHERE %s AND (CAST(:type AS text) IS NULL OR e.type = :type)
              AND (CAST(:since AS timestamptz) IS NULL OR e.event_time >= :since)
            ORDER BY e.seq DESC LIMIT :limit""".formatted(EventRow.COLUMNS, VISIBLE));
    private static final Sql HEADS = Sql.of("""
            SELECT h.org_id, h.last_seq, h.last_hash FROM trace_chain_head h WHERE %s ORDER BY h.org_id"""
            .formatted(Visibility.owned("h.org_id")));
    private static final Sql SNAPSHOT = Sql.of("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    private static final Sql ENSURE_HEAD = Sql.of("""
            INSERT INTO trace_chain_head (org_id, last_seq, last_hash) VALUES (:org, NULL, :genesis)
            ON CONFLICT (org_id) DO NOTHING""");
    private static final Sql LOCK_HEAD = Sql.of(
            "SELECT last_hash FROM trace_chain_head WHERE org_id = :org FOR UPDATE");
    private static final Sql MOVE_HEAD = Sql.of(
            "UPDATE trace_chain_head SET last_seq = :seq, last_hash = :hash WHERE org_id = :org");
    private static final Sql EVENT = Sql.of("SELECT 1 FROM trace_event WHERE id = :id AND org_id = :org");

    /** The head of one organisation's chain, as stored. */
    record Head(String orgId, Long lastSeq, String lastHash) {
    }

    private EventQueries() {
    }

    static EventRow insert(Connection c, EventRow e) throws SQLException {
        return bound(e).first(c, EventRow.MAPPER).orElseThrow();
    }

    /** A COPY of a bulk import's events, each sent by {@link #add}: stored as {@link #insert} stores one. */
    static CopyStream rows(Connection c) {
        return new CopyStream(c, "trace_event", ROW_COLUMNS);
    }

    /** Sends {@code e} (with its seq) to {@code rows}. */
    static void add(CopyStream rows, EventRow e) throws SQLException {
        rows.add(e.seq(), e.id(), e.orgId(), e.clientEventId(), e.type(), e.eventTime(), e.eventTzOffset(),
                e.siteId(), e.unitId(), e.plotId(), e.partyId(), e.body(), e.recordedBy(), e.recordedAt(),
                e.correctsEventId(), e.correctionReason(), e.lateRecorded(), e.prevHash(), e.hash());
    }

    /** {@code n} new seqs, ascending. */
    static long[] nextSeqs(Connection c, int n) throws SQLException {
        return NEXT_SEQS.bind("n", n).list(c, rs -> rs.getLong(1)).stream().mapToLong(Long::longValue).sorted()
                .toArray();
    }

    static List<EventRow> byClientIds(Connection c, String org, String[] clientEventIds) throws SQLException {
        return BY_CLIENT_IDS.bind("org", org).bind("clients", clientEventIds).list(c, EventRow.MAPPER);
    }

    private static Sql.Bound bound(EventRow e) {
        return INSERT.bind("id", e.id()).bind("org", e.orgId()).bind("client", e.clientEventId())
                .bind("type", e.type()).bind("time", e.eventTime()).bind("offset", e.eventTzOffset())
                .bind("site", e.siteId()).bind("unit", e.unitId()).bind("plot", e.plotId())
                .bind("party", e.partyId()).bind("body", e.body()).bind("by", e.recordedBy())
                .bind("at", e.recordedAt()).bind("corrects", e.correctsEventId())
                .bind("reason", e.correctionReason()).bind("late", e.lateRecorded()).bind("prev", e.prevHash())
                .bind("hash", e.hash());
    }

    public static Optional<EventRow> get(Connection c, Visibility vis, String id) throws SQLException {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return GET.bind(vis).bind("id", uuid).first(c, EventRow.MAPPER);
    }

    static Optional<EventRow> byClientId(Connection c, String org, String clientEventId) throws SQLException {
        return BY_CLIENT_ID.bind("org", org).bind("client", clientEventId).first(c, EventRow.MAPPER);
    }

    static List<EventRow> list(Connection c, Visibility vis, String type, Instant since, int limit)
            throws SQLException {
        return LIST.bind(vis).bind("type", type).bind("since", since).bind("limit", limit).list(c, EventRow.MAPPER);
    }

    /** Makes the rest of this transaction read one snapshot (the first statement of the transaction). */
    static void snapshot(Connection c) throws SQLException {
        SNAPSHOT.bound().update(c);
    }

    static List<Head> heads(Connection c, Visibility vis) throws SQLException {
        return HEADS.bind(vis).list(c, rs -> new Head(rs.getString(1), (Long) rs.getObject(2), rs.getString(3)));
    }

    /** Locks the organisation's chain head until the transaction ends (creating it at genesis); its last hash. */
    static String lockHead(Connection c, String org, String genesis) throws SQLException {
        ENSURE_HEAD.bind("org", org).bind("genesis", genesis).update(c);
        return LOCK_HEAD.bind("org", org).first(c, rs -> rs.getString(1)).orElseThrow();
    }

    static void moveHead(Connection c, EventRow last) throws SQLException {
        MOVE_HEAD.bind("org", last.orgId()).bind("seq", last.seq()).bind("hash", last.hash()).update(c);
    }

    static boolean eventOf(Connection c, UUID id, String org) throws SQLException {
        return EVENT.bind("id", id).bind("org", org).first(c, rs -> true).isPresent();
    }
}
