package io.coldtrace.api.audit;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.certifications.CertificationQueries;
import io.coldtrace.api.certifications.CertificationRow;
import io.coldtrace.api.custody.Custody;
import io.coldtrace.api.custody.CustodyJson;
import io.coldtrace.api.db.GenericPlans;
import io.coldtrace.api.events.EventRow;
import io.coldtrace.api.events.LotRecordCheck;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.recall.RecallCases;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a pack holds, read in one REPEATABLE READ snapshot: the subject (a lot or a recall case), every event of its
 * lots and their ancestors and the events they correct (with the correction of each), custody per lot as
 * {@code GET /api/v1/lots/:id/custody} computes it as of {@code asOf}, the certifications of the lots' products and
 * origin farms (status on asOf's date in China), the check of those events against their chain
 * ({@link LotRecordCheck}, the buyer's page's "record verified"), and for a case its report and frozen scope.
 */
record AuditData(Subject subject, Instant asOf, List<Event> events, List<JsonObject> custody,
                 List<CertificationRow> certifications, LotRecordCheck.Result check, RecallCases.Frozen recall) {
    /** At most this many events in one pack (a 422 naming {@code events} beyond: the pack is built in memory). */
    static final int MAX_EVENTS = 5_000;
    /** At most this many lots in a case's pack (custody is computed per lot). */
    static final int MAX_LOTS = 200;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** What the pack is of: {@code kind} lot or recall; {@code code} the lot code, or the case's id. */
    record Subject(String kind, String id, String code, String orgId) {
    }

    /** An event and the correction that corrected it (null if none). */
    record Event(EventRow row, UUID correctedBy) {
    }

    /** The pack of lot {@code id}, if the caller sees the lot. */
    static Optional<AuditData> lot(Connection c, Visibility vis, String id, Instant asOf) throws SQLException {
        UUID uuid = uuid(id);
        if (uuid == null) {
            return Optional.empty();
        }
        return snapshot(c, () -> {
            Optional<Subject> s = AuditSql.LOT.bind(vis).bind("id", uuid).first(c, rs -> new Subject("lot",
                    rs.getString("id"), rs.getString("code"), rs.getString("org_id")));
            if (s.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(of(c, vis, s.get(), List.of(uuid), asOf, null));
        });
    }

    /** The pack of recall case {@code id}, if the caller sees the case. */
    static Optional<AuditData> recall(Connection c, Visibility vis, String id, Instant asOf) throws SQLException {
        return snapshot(c, () -> {
            Optional<RecallCases.Frozen> k = RecallCases.read(c, vis, id);
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
            if (lots.size() > MAX_LOTS) {
                throw ClientError.overLimit("lots", MAX_LOTS, "the case's scope holds " + lots.size()
                        + " lots; an audit pack holds at most " + MAX_LOTS);
            }
            Subject s = new Subject("recall", report.getString("id"), report.getString("id"),
                    report.getString("org_id"));
            return Optional.of(of(c, vis, s, new ArrayList<>(lots.values()), asOf, k.get()));
        });
    }

    private static AuditData of(Connection c, Visibility vis, Subject s, List<UUID> lots, Instant asOf,
                                RecallCases.Frozen recall) throws SQLException {
        UUID[] roots = lots.toArray(UUID[]::new);
        List<UUID> ids = LotRecordCheck.lineageEvents(c, true, roots);
        if (ids.size() > MAX_EVENTS) {
            throw ClientError.overLimit("events", MAX_EVENTS, "the " + s.kind() + "'s record holds " + ids.size()
                    + " events; an audit pack holds at most " + MAX_EVENTS);
        }
        List<Event> events = AuditSql.EVENTS.bind(vis).bind("ids", ids.toArray(UUID[]::new)).list(c,
                rs -> new Event(EventRow.MAPPER.map(rs), rs.getObject("corrected_by", UUID.class)));
        LotRecordCheck.Result check = LotRecordCheck.verify(c, ids);
        List<JsonObject> custody = new ArrayList<>();
        GenericPlans.within(c, p -> {
            for (UUID lot : lots) {
                Custody.of(p, vis, lot.toString(), asOf).ifPresent(r -> custody.add(CustodyJson.of(r)));
            }
            return null;
        });
        String[] parties = AuditSql.ORIGIN_PARTIES.bind("roots", roots).list(c, rs -> rs.getString(1))
                .toArray(String[]::new);
        String[] products = AuditSql.PRODUCTS.bind("roots", roots).list(c, rs -> rs.getString(1))
                .toArray(String[]::new);
        List<CertificationRow> certs = new ArrayList<>(CertificationQueries.ofHolders(c, vis,
                LocalDate.ofInstant(asOf, CHINA), parties, products));
        certs.sort(java.util.Comparator.comparing(CertificationRow::id));
        return new AuditData(s, asOf, events, custody, certs, check, recall);
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one read-only REPEATABLE READ transaction, so every part sees the same data. */
    private static <T> T snapshot(Connection c, Work<T> work) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (Statement st = c.createStatement()) {
                st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            return work.run();
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
