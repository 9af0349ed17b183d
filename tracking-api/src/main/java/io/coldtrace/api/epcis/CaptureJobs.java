package io.coldtrace.api.epcis;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.db.Sql;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Capture jobs (table epcis_capture, V9_15): each a document stored whole, written in its capture's transaction. */
final class CaptureJobs {
    /** A capture job: what it stored of how many events, for whom, when. */
    record Job(UUID id, String orgId, String capturedBy, Instant createdAt, Instant finishedAt, int events,
               int created, int existing, String documentSha256) {
        static final String COLUMNS = "j.id, j.org_id, j.captured_by, j.created_at, j.finished_at, j.events, "
                + "j.created, j.existing, j.document_sha256";
        static final RowMapper<Job> MAPPER = rs -> new Job(rs.getObject("id", UUID.class), rs.getString("org_id"),
                rs.getString("captured_by"), Rows.instant(rs, "created_at"), Rows.instant(rs, "finished_at"),
                rs.getInt("events"), rs.getInt("created"), rs.getInt("existing"), rs.getString("document_sha256"));

        /**
         * The REST binding's capture job (captureID, createdAt, finishedAt, running, success, captureErrorBehaviour,
         * errors), finished and successful (a refused document leaves no job), with what it stored.
         */
        JsonObject toJson() {
            return new JsonObject().put("captureID", id.toString()).put("createdAt", Rows.iso(createdAt))
                    .put("finishedAt", Rows.iso(finishedAt)).put("running", false).put("success", true)
                    .put("captureErrorBehaviour", "rollback").put("errors", new JsonArray())
                    .put("eventCount", events).put("created", created).put("existing", existing)
                    .put("capturedBy", capturedBy).put("documentSha256", documentSha256);
        }
    }

    private static final Sql INSERT = Sql.of("""
            INSERT INTO epcis_capture AS j (id, org_id, captured_by, created_at, finished_at, events, created,
                existing, document_sha256)
            VALUES (:id, :org, :by, :created_at, :finished_at, :events, :created, :existing, :sha256)
            RETURNING %s""".formatted(Job.COLUMNS));
    private static final Sql GET = Sql.of("SELECT %s FROM epcis_capture j WHERE %s AND j.id = :id"
            .formatted(Job.COLUMNS, Visibility.owned("j.org_id")));

    private CaptureJobs() {
    }

    static Job insert(Connection c, String org, String by, Instant createdAt, Instant finishedAt, int events,
                      Capture.Outcome outcome, String sha256) throws SQLException {
        return INSERT.bind("id", UUID.randomUUID()).bind("org", org).bind("by", by).bind("created_at", createdAt)
                .bind("finished_at", finishedAt).bind("events", events).bind("created", outcome.created())
                .bind("existing", outcome.existing()).bind("sha256", sha256).first(c, Job.MAPPER).orElseThrow();
    }

    /** The job {@code id} if the caller sees it. */
    static Optional<Job> get(Connection c, Visibility vis, UUID id) throws SQLException {
        return GET.bind(vis).bind("id", id).first(c, Job.MAPPER);
    }
}
