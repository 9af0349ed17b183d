package io.coldtrace.api.audit;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.certifications.CertificationQueries;
import io.coldtrace.api.certifications.CertificationRow;
import io.coldtrace.api.db.CursorExport;
import io.coldtrace.api.db.ReadSource;
import io.coldtrace.api.db.Snapshot;
import io.coldtrace.api.events.LotRecordCheck;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.recall.RecallCases;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a pack is made from, read in one REPEATABLE READ {@link Snapshot} that stays open while the pack is written: the
 * subject (a lot or a recall case), its lots in code order, for a case its report and frozen scope, the certifications
 * of the lots' products and origin farms (status on asOf's date in China), and the check of its record against the
 * chain ({@link LotRecordCheck#verifyRecord}, the buyer's page's "record verified"), read through a cursor when the
 * pack opens since it leads chain-verification.json and the report; that pass also counts the events the caller sees,
 * by type. The events themselves and custody are not held: the pack's parts read them from the snapshot as they write.
 */
final class AuditData implements AutoCloseable {
    /**
     * At most this many lots in a case's pack (a 422 naming {@code lots} beyond: custody is computed per lot, about
     * 5-15 ms each). A guard: a case's scope is already bounded by the trace's width (10,000 nodes).
     */
    static final int MAX_LOTS = 20_000;
    /** At most this many events in one pack's record (a 422 naming {@code events} beyond: each is read four times). */
    static final int MAX_EVENTS = 500_000;
    /** The limits the route applies. */
    static final Limits LIMITS = new Limits(MAX_LOTS, MAX_EVENTS);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The most lots (of a case) and events (of the record) a pack holds. */
    record Limits(int lots, int events) {
    }

    /** What the pack is of: {@code kind} lot or recall; {@code code} the lot code, or the case's id. */
    record Subject(String kind, String id, String code, String orgId) {
    }

    private final Snapshot snapshot;
    private final Visibility vis;
    private final Subject subject;
    private final Instant asOf;
    private final List<UUID> lots;
    private final RecallCases.Frozen recall;
    private final Map<String, Long> eventTypes = new TreeMap<>();
    private LotRecordCheck.Result check;
    private Long failedSeq;
    private long events;
    private List<CertificationRow> certifications;

    private AuditData(Snapshot snapshot, Visibility vis, Subject subject, Instant asOf, List<UUID> lots,
                      RecallCases.Frozen recall) {
        this.snapshot = snapshot;
        this.vis = vis;
        this.subject = subject;
        this.asOf = asOf;
        this.lots = lots;
        this.recall = recall;
    }

    /**
     * Opens the pack of lot ({@code kind} "lot") or recall case {@code id} if the caller sees it: the snapshot, the
     * chain check and the certifications. A client error (a limit) or a failure closes the snapshot.
     */
    static Optional<AuditData> open(ReadSource reads, Duration idleLimit, Limits limits, Visibility vis, String kind,
                                    String id, Instant asOf) throws SQLException {
        Snapshot s = Snapshot.open(reads, idleLimit);
        try {
            Optional<AuditData> d = kind.equals("lot") ? lot(s, vis, id, asOf) : recall(s, vis, id, asOf, limits);
            if (d.isEmpty()) {
                s.close();
            } else {
                d.get().read(limits.events());
            }
            return d;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static Optional<AuditData> lot(Snapshot s, Visibility vis, String id, Instant asOf) throws SQLException {
        UUID uuid = uuid(id);
        if (uuid == null) {
            return Optional.empty();
        }
        return AuditSql.LOT.bind(vis).bind("id", uuid).first(s.connection(), rs -> new Subject("lot",
                rs.getString("id"), rs.getString("code"), rs.getString("org_id")))
                .map(subject -> new AuditData(s, vis, subject, asOf, List.of(uuid), null));
    }

    private static Optional<AuditData> recall(Snapshot s, Visibility vis, String id, Instant asOf, Limits limits)
            throws SQLException {
        Optional<RecallCases.Frozen> k = RecallCases.read(s.connection(), vis, id);
        if (k.isEmpty()) {
            return Optional.empty();
        }
        JsonObject report = k.get().report();
        // the scope's lots, by code then id (a stable order)
        TreeMap<String, UUID> lots = new TreeMap<>();
        report.getJsonObject("scope").getJsonArray("lots").forEach(o -> {
            JsonObject l = (JsonObject) o;
            lots.put(l.getString("code") + "\u0000" + l.getString("lot_id"), UUID.fromString(l.getString("lot_id")));
        });
        if (lots.size() > limits.lots()) {
            throw ClientError.overLimit("lots", limits.lots(), "the case's scope holds " + lots.size()
                    + " lots; an audit pack holds at most " + limits.lots());
        }
        Subject subject = new Subject("recall", report.getString("id"), report.getString("id"),
                report.getString("org_id"));
        return Optional.of(new AuditData(s, vis, subject, asOf, new ArrayList<>(lots.values()), k.get()));
    }

    /** The chain check over the record (counting what the caller sees) and the certifications. */
    private void read(int maxEvents) throws SQLException {
        Connection c = snapshot.connection();
        long[] read = {0};
        check = LotRecordCheck.verifyRecord(c, CursorExport.FETCH_SIZE, e -> {
            if (++read[0] > maxEvents) {
                throw ClientError.overLimit("events", maxEvents, "the " + subject.kind() + "'s record holds more "
                        + "than " + maxEvents + " events; an audit pack holds at most " + maxEvents);
            }
            if (vis.admits(e.orgId())) {
                events++;
                eventTypes.merge(e.type(), 1L, Long::sum);
            }
        }, roots());
        if (check.failed() != null) {
            failedSeq = AuditSql.SEQ.bind(vis).bind("id", check.failed()).first(c, rs -> rs.getLong(1)).orElse(null);
        }
        String[] parties = AuditSql.ORIGIN_PARTIES.bind("roots", roots()).list(c, rs -> rs.getString(1))
                .toArray(String[]::new);
        String[] products = AuditSql.PRODUCTS.bind("roots", roots()).list(c, rs -> rs.getString(1))
                .toArray(String[]::new);
        List<CertificationRow> certs = new ArrayList<>(CertificationQueries.ofHolders(c, vis,
                LocalDate.ofInstant(asOf, CHINA), parties, products));
        certs.sort(Comparator.comparing(CertificationRow::id));
        certifications = certs;
    }

    /** The snapshot's connection (the pack's parts read events and custody on it). */
    Connection connection() {
        return snapshot.connection();
    }

    /** Ends the snapshot and gives its connection back (once the data files are written; again does nothing). */
    @Override
    public void close() {
        snapshot.close();
    }

    Visibility vis() {
        return vis;
    }

    Subject subject() {
        return subject;
    }

    Instant asOf() {
        return asOf;
    }

    /** The lots of the pack, by code. */
    List<UUID> lots() {
        return lots;
    }

    UUID[] roots() {
        return lots.toArray(UUID[]::new);
    }

    /** The case (null for a lot's pack). */
    RecallCases.Frozen recall() {
        return recall;
    }

    LotRecordCheck.Result check() {
        return check;
    }

    /** The seq of the event that failed the check, if the caller sees it. */
    Long failedSeq() {
        return failedSeq;
    }

    /** How many events of the record the caller sees (the files' events). */
    long events() {
        return events;
    }

    /** The same by type, in type order. */
    Map<String, Long> eventTypes() {
        return eventTypes;
    }

    List<CertificationRow> certifications() {
        return certifications;
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
