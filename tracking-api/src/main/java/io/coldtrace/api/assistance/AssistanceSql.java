package io.coldtrace.api.assistance;

import io.coldtrace.api.db.Sql;

/** The SQL of assistance applications, decisions, re-checks, evidence and the blacklist (V9_40). */
final class AssistanceSql {
    /** A blacklist entry {@code e} in force on {@code :today}: started, not ended, not lifted. */
    static final String IN_FORCE = """
            e.valid_from <= CAST(:today AS date) AND (e.valid_until IS NULL OR e.valid_until >= CAST(:today AS date))
            AND NOT EXISTS (SELECT 1 FROM blacklist_lift l WHERE l.entry_id = e.id)""";
    /** An entry {@code e} on party {@code pa} (its id, or its USCC) or on product {@code :product_col}. */
    private static final String ON = """
            (e.product_id IS NULL AND (e.party_id = pa.id OR e.uscc = pa.uscc) OR e.product_id = %s)""";

    /** Applications with their decision, revocation and suspension, status on {@code :today}. */
    private static final String APPLICATIONS = """
            SELECT a.id, a.org_id, a.product_id, a.party_id, a.division_code, a.note, a.applied_by, a.applied_at,
                   p.name_zh AS product_zh, p.name_en AS product_en, pa.name_zh AS party_zh, pa.name_en AS party_en,
                   pa.province, pa.city, pa.county, d.outcome, d.reason, d.certificate_number, d.valid_from,
                   d.valid_to, d.issuer, d.issuer_region, d.decided_by, d.decided_at, rv.reason AS revoked_reason,
                   rv.checked_at AS revoked_at, bl.id AS suspended_by,
                   CASE WHEN d.application_id IS NULL THEN 'pending' WHEN d.outcome = 'refused' THEN 'refused'
                        WHEN rv.id IS NOT NULL THEN 'revoked' WHEN bl.id IS NOT NULL THEN 'suspended'
                        WHEN CAST(:today AS date) < d.valid_from THEN 'not_yet_valid'
                        WHEN CAST(:today AS date) > d.valid_to THEN 'expired' ELSE 'valid' END AS status
            FROM assistance_application a JOIN product p ON p.id = a.product_id JOIN party pa ON pa.id = a.party_id
            LEFT JOIN assistance_decision d ON d.application_id = a.id
            LEFT JOIN assistance_recheck rv ON rv.application_id = a.id AND rv.outcome = 'revoked'
            LEFT JOIN LATERAL (SELECT e.id FROM blacklist_entry e WHERE %s AND %s
                               ORDER BY e.entered_at, e.id LIMIT 1) bl ON true
            WHERE %s""".formatted(IN_FORCE, ON.formatted("a.product_id"),
            Scope.where("a.division_code", "a.org_id"));

    static final Sql GET = Sql.of(APPLICATIONS + " AND a.id = :id");
    /** The caller's applications of one status (:status, else all), newest first. */
    static final Sql LIST = Sql.of("SELECT * FROM (" + APPLICATIONS + """
            ) x WHERE CAST(:status AS text) IS NULL OR x.status = CAST(:status AS text)
            ORDER BY x.applied_at DESC, x.id LIMIT :limit""");
    /** Certificates not revoked whose validity ends between today and :until, soonest first. */
    static final Sql EXPIRING = Sql.of("SELECT * FROM (" + APPLICATIONS + """
            ) x WHERE x.outcome = 'certified' AND x.revoked_at IS NULL
              AND x.valid_to BETWEEN CAST(:today AS date) AND CAST(:until AS date)
            ORDER BY x.valid_to, x.certificate_number LIMIT :limit""");

    /** An application of any organisation, locked while a decision or re-check is recorded. */
    static final Sql LOCK = Sql.of("SELECT id, org_id, division_code FROM assistance_application WHERE id = :id "
            + "FOR UPDATE");

    /** The public list: certificates valid today, neither revoked nor suspended; public fields only. */
    static final Sql PUBLIC = Sql.of("""
            SELECT p.name_zh AS product_zh, p.name_en AS product_en, pa.name_zh AS producer_zh,
                   pa.name_en AS producer_en, pa.province, pa.city, pa.county, a.division_code,
                   d.certificate_number, d.issuer, d.valid_from, d.valid_to
            FROM assistance_decision d JOIN assistance_application a ON a.id = d.application_id
            JOIN product p ON p.id = a.product_id JOIN party pa ON pa.id = a.party_id
            WHERE d.outcome = 'certified' AND CAST(:today AS date) BETWEEN d.valid_from AND d.valid_to
              AND NOT EXISTS (SELECT 1 FROM assistance_recheck rv WHERE rv.application_id = a.id
                              AND rv.outcome = 'revoked')
              AND NOT EXISTS (SELECT 1 FROM blacklist_entry e WHERE %s AND %s)
            ORDER BY a.division_code, p.name_zh, d.certificate_number LIMIT 5000"""
            .formatted(IN_FORCE, ON.formatted("a.product_id")));

    /** A pending application of the same product and party. */
    static final Sql PENDING = Sql.of("""
            SELECT a.id FROM assistance_application a WHERE a.product_id = :product AND a.party_id = :party
              AND NOT EXISTS (SELECT 1 FROM assistance_decision d WHERE d.application_id = a.id) LIMIT 1""");

    static final Sql INSERT = Sql.of("""
            INSERT INTO assistance_application (id, org_id, product_id, party_id, division_code, note, applied_by,
                                                applied_at)
            VALUES (:id, :org, :product, :party, :division, :note, :by, :at)""");
    static final Sql DECIDED = Sql.of("SELECT outcome FROM assistance_decision WHERE application_id = :id");
    static final Sql NUMBER_TAKEN = Sql.of("SELECT application_id FROM assistance_decision "
            + "WHERE certificate_number = :number");
    static final Sql DECIDE = Sql.of("""
            INSERT INTO assistance_decision (application_id, outcome, reason, certificate_number, valid_from, valid_to,
                                             issuer, issuer_region, decided_by, decided_at)
            VALUES (:id, :outcome, :reason, :number, :from, :to, :issuer, :region, :by, :at)""");
    static final Sql RECHECK = Sql.of("""
            INSERT INTO assistance_recheck (id, application_id, outcome, reason, checked_by, checker_region, checked_at)
            VALUES (:id, :application, :outcome, :reason, :by, :region, :at)""");
    static final Sql RECHECKS = Sql.of("""
            SELECT id, outcome, reason, checked_by, checker_region, checked_at FROM assistance_recheck
            WHERE application_id = :id ORDER BY checked_at, id""");
    /** The name an authority decides under: its organisation's, else the caller's own. */
    static final Sql ORG_NAME = Sql.of("SELECT name FROM org WHERE id = :id");

    static final Sql INSERT_EVIDENCE = Sql.of("""
            INSERT INTO assistance_evidence (application_id, entry_id, filename, content_type, size_bytes, sha256,
                                             content, uploaded_by)
            VALUES (:application, :entry, :filename, :type, :size, :sha, :content, :by)
            RETURNING id, filename, content_type, size_bytes, sha256, uploaded_by, uploaded_at""");
    static final Sql EVIDENCE = Sql.of("""
            SELECT id, filename, content_type, size_bytes, sha256, uploaded_by, uploaded_at FROM assistance_evidence
            WHERE application_id = CAST(:application AS uuid) OR entry_id = CAST(:entry AS uuid) ORDER BY id""");
    static final Sql EVIDENCE_CONTENT = Sql.of("""
            SELECT filename, content_type, sha256, content FROM assistance_evidence
            WHERE (application_id = CAST(:application AS uuid) OR entry_id = CAST(:entry AS uuid)) AND id = :file""");

    private AssistanceSql() {
    }
}
