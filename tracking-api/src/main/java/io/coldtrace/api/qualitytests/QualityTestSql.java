package io.coldtrace.api.qualitytests;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;
import io.coldtrace.api.events.Holds;

/** The SQL of quality tests (V9_30). */
final class QualityTestSql {
    private static final String SELECT = """
            SELECT t.id, t.org_id, t.lot_id, l.code AS lot_code, t.kind, t.analyte, t.value, t.value_unit,
                   t.limit_value, t.result, t.lab, t.method, t.sampled_at, t.tested_at, t.note, t.supersedes, t.reason,
                   t.recorded_by, t.recorded_at, n.id AS superseded_by, r.reason AS release_reason, r.released_by,
                   r.released_at,
                   (SELECT count(*) FROM quality_test_evidence e WHERE e.test_id = t.id) AS evidence_files
            FROM quality_test t JOIN lot l ON l.id = t.lot_id
            LEFT JOIN quality_test n ON n.supersedes = t.id
            LEFT JOIN quality_test_release r ON r.test_id = t.id
            WHERE %s""".formatted(Visibility.owned("t.org_id"));

    static final Sql GET = Sql.of(SELECT + " AND t.id = :id");

    /**
     * The caller's tests, newest first: of one lot (:lot, else all), of one result (:result, else both), only those
     * that hold their lots (:holding).
     */
    static final Sql LIST = Sql.of(SELECT + """
             AND (CAST(:lot AS uuid) IS NULL OR t.lot_id = :lot)
              AND (CAST(:result AS text) IS NULL OR t.result = :result)
              AND (NOT :holding OR %s)
            ORDER BY t.tested_at DESC, t.id LIMIT :limit""".formatted(Holds.TEST_IN_FORCE));

    /** A lot of the organisation by its id. */
    static final Sql LOT_BY_ID = Sql.of("SELECT id, code FROM lot WHERE org_id = :org AND id = :id");
    /** A lot of the organisation by its code. */
    static final Sql LOT_BY_CODE = Sql.of("SELECT id, code FROM lot WHERE org_id = :org AND code = :code");

    /** The lot and every lot made from it (lot_link downwards): what a failed test of it holds. */
    static final Sql DERIVED = Sql.of("""
            WITH RECURSIVE down (lot_id, depth) AS (
                SELECT CAST(:lot AS uuid), 0
                UNION
                SELECT k.child_lot_id, d.depth + 1 FROM down d JOIN lot_link k ON k.parent_lot_id = d.lot_id
                WHERE d.depth < 64
            )
            SELECT l.id, l.code, min(d.depth) AS depth FROM down d JOIN lot l ON l.id = d.lot_id
            GROUP BY l.id, l.code ORDER BY min(d.depth), l.code LIMIT 1001""");

    static final Sql INSERT = Sql.of("""
            INSERT INTO quality_test (id, org_id, lot_id, kind, analyte, value, value_unit, limit_value, result, lab,
                    method, sampled_at, tested_at, note, supersedes, reason, recorded_by, recorded_at)
            VALUES (:id, :org, :lot, :kind, :analyte, :value, :unit, :limit, :result, :lab, :method, :sampled,
                    :tested, :note, :supersedes, :reason, :by, :at)""");

    static final Sql RELEASE = Sql.of("""
            INSERT INTO quality_test_release (test_id, reason, released_by, released_at)
            VALUES (:id, :reason, :by, :at)""");

    static final Sql INSERT_EVIDENCE = Sql.of("""
            INSERT INTO quality_test_evidence (test_id, org_id, filename, content_type, size_bytes, sha256, content,
                    uploaded_by)
            VALUES (:test, :org, :filename, :type, :size, :sha, :content, :by)
            RETURNING id, sha256, size_bytes, uploaded_at""");

    static final Sql EVIDENCE = Sql.of("""
            SELECT e.id, e.filename, e.content_type, e.size_bytes, e.sha256, e.uploaded_by, e.uploaded_at
            FROM quality_test_evidence e WHERE e.test_id = :test ORDER BY e.id""");

    static final Sql EVIDENCE_CONTENT = Sql.of("""
            SELECT e.filename, e.content_type, e.sha256, e.content FROM quality_test_evidence e
            WHERE e.test_id = :test AND e.id = :id""");

    private QualityTestSql() {
    }
}
