package io.coldtrace.api.certifications;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** An evidence file of a certification as listed (its bytes are fetched on their own). */
public record EvidenceRow(long id, String certificationId, String orgId, String filename, String contentType,
                          int sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {
    /** The columns {@link #MAPPER} reads, for a query over {@code certification_evidence e}. */
    static final String COLUMNS = """
            e.id, e.certification_id, e.org_id, e.filename, e.content_type, e.size_bytes, e.sha256, e.uploaded_by, \
            e.uploaded_at""";

    static final RowMapper<EvidenceRow> MAPPER = rs -> new EvidenceRow(rs.getLong("id"),
            rs.getString("certification_id"), rs.getString("org_id"), rs.getString("filename"),
            rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("sha256"),
            rs.getString("uploaded_by"), Rows.instant(rs, "uploaded_at"));

    /** The JSON of the API. */
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("certification_id", certificationId).put("filename", filename)
                .put("content_type", contentType).put("size_bytes", sizeBytes).put("sha256", sha256)
                .put("uploaded_by", uploadedBy).put("uploaded_at", Rows.iso(uploadedAt));
    }
}
