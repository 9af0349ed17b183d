package io.coldtrace.api.certifications;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL of certification_evidence (append-only in the database); reads are limited by the caller's visibility. */
public final class EvidenceQueries {
    private static final String VISIBLE = Visibility.owned("e.org_id");
    private static final Sql INSERT = Sql.of("""
            INSERT INTO certification_evidence AS e (certification_id, org_id, filename, content_type, size_bytes,
                                                    sha256, content, uploaded_by)
            VALUES (:cert, :org, :filename, :type, :size, :sha256, :content, :by) RETURNING %s"""
            .formatted(EvidenceRow.COLUMNS));
    private static final Sql LIST = Sql.of("""
            SELECT %s FROM certification_evidence e WHERE %s AND e.certification_id = :cert ORDER BY e.id"""
            .formatted(EvidenceRow.COLUMNS, VISIBLE));
    private static final Sql CONTENT = Sql.of("""
            SELECT %s, e.content FROM certification_evidence e
            WHERE %s AND e.certification_id = :cert AND e.id = :id""".formatted(EvidenceRow.COLUMNS, VISIBLE));

    /** A file and its bytes. */
    public record File(EvidenceRow row, byte[] content) {
    }

    private EvidenceQueries() {
    }

    /** Stores {@code upload} for certification {@code certId} of organisation {@code org} (both already checked). */
    public static EvidenceRow insert(Connection c, String certId, String org, Evidence upload, String by)
            throws SQLException {
        return INSERT.bind("cert", certId).bind("org", org).bind("filename", upload.filename())
                .bind("type", upload.contentType()).bind("size", upload.content().length)
                .bind("sha256", upload.sha256()).bind("content", upload.content()).bind("by", by)
                .first(c, EvidenceRow.MAPPER).orElseThrow();
    }

    /** The certification's files, oldest first, if the caller sees them. */
    public static List<EvidenceRow> list(Connection c, Visibility vis, String certId) throws SQLException {
        return LIST.bind(vis).bind("cert", certId).list(c, EvidenceRow.MAPPER);
    }

    /** One file with its bytes, if the caller sees it. */
    public static Optional<File> content(Connection c, Visibility vis, String certId, long id) throws SQLException {
        return CONTENT.bind(vis).bind("cert", certId).bind("id", id)
                .first(c, rs -> new File(EvidenceRow.MAPPER.map(rs), rs.getBytes("content")));
    }
}
