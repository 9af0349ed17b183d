package io.coldtrace.api.assistance;

import io.coldtrace.api.certifications.Evidence;
import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.http.Csv;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Evidence files of an application or a blacklist entry (exactly one), with their SHA-256 (V9_40). */
final class EvidenceFiles {
    private static final RowMapper<JsonObject> META = rs -> new JsonObject().put("id", rs.getLong("id"))
            .put("filename", rs.getString("filename")).put("content_type", rs.getString("content_type"))
            .put("size_bytes", rs.getInt("size_bytes")).put("sha256", rs.getString("sha256"))
            .put("uploaded_by", rs.getString("uploaded_by"))
            .put("uploaded_at", Rows.iso(Rows.instant(rs, "uploaded_at")));

    /** A stored file's name, type, hash and bytes. */
    record File(String filename, String contentType, String sha256, byte[] content) {
        Future<Void> send(RoutingContext ctx) {
            return ctx.response().putHeader("content-type", contentType)
                    .putHeader("content-disposition", Csv.attachment(filename)).putHeader("x-content-sha256", sha256)
                    .putHeader("x-content-type-options", "nosniff").putHeader("cache-control", "no-store")
                    .end(Buffer.buffer(content));
        }
    }

    private EvidenceFiles() {
    }

    static JsonObject insert(Connection c, UUID application, UUID entry, Evidence file, String by)
            throws SQLException {
        return AssistanceSql.INSERT_EVIDENCE.bind("application", application).bind("entry", entry)
                .bind("filename", file.filename()).bind("type", file.contentType()).bind("size", file.content().length)
                .bind("sha", file.sha256()).bind("content", file.content()).bind("by", by).first(c, META)
                .orElseThrow();
    }

    static JsonArray list(Connection c, UUID application, UUID entry) throws SQLException {
        return new JsonArray(AssistanceSql.EVIDENCE.bind("application", application).bind("entry", entry)
                .list(c, META));
    }

    static Optional<File> content(Connection c, UUID application, UUID entry, long id) throws SQLException {
        return AssistanceSql.EVIDENCE_CONTENT.bind("application", application).bind("entry", entry).bind("file", id)
                .first(c, rs -> new File(rs.getString("filename"), rs.getString("content_type"),
                        rs.getString("sha256"), rs.getBytes("content")));
    }

    /** The upload of a request: its filename parameter, content type and body. */
    static Evidence of(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        return Evidence.of(ctx.request().getParam("filename"), ctx.request().getHeader("content-type"),
                body == null ? new byte[0] : body.getBytes());
    }

    /** A UUID path parameter; null when it is not one (the row then does not exist). */
    static UUID uuid(String s) {
        try {
            return s != null && s.length() == 36 ? UUID.fromString(s) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
