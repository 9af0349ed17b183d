package io.coldtrace.api.certifications;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * SQL of the certification table (append-only: a change is a new row that supersedes one); every read is limited
 * by the caller's {@link Visibility}, and each row's status is computed for {@code today}.
 */
public final class CertificationQueries {
    private static final String VISIBLE = Visibility.owned("x.org_id");
    private static final Sql INSERT = Sql.of("""
            INSERT INTO certification AS x (id, org_id, party_id, product_id, kind, number, issuer, valid_from,
                                            valid_to, supersedes)
            VALUES (:id, :org, :party, :product, :kind, :number, :issuer, :valid_from, :valid_to, :supersedes)
            RETURNING %s""".formatted(CertificationRow.COLUMNS));
    private static final Sql LIST = Sql.of("""
            SELECT %s FROM certification x
            WHERE %s AND (CAST(:kind AS text) IS NULL OR x.kind = CAST(:kind AS text))
              AND (CAST(:party AS text) IS NULL OR x.party_id = CAST(:party AS text))
              AND (CAST(:product AS text) IS NULL OR x.product_id = CAST(:product AS text))
              AND (CAST(:status AS text) IS NULL OR CAST(:status AS text) = %s)
              AND (CAST(:superseded AS boolean) IS NULL OR CAST(:superseded AS boolean)
                   = EXISTS (SELECT 1 FROM certification s WHERE s.supersedes = x.id))
            ORDER BY x.id LIMIT :limit""".formatted(CertificationRow.COLUMNS, VISIBLE, CertificationRow.STATUS));
    private static final Sql GET = Sql.of("SELECT %s FROM certification x WHERE %s AND x.id = :id"
            .formatted(CertificationRow.COLUMNS, VISIBLE));
    /** As GET, locking the row so that two callers cannot supersede it at once. */
    private static final Sql GET_FOR_SUCCESSION = Sql.of("""
            SELECT %s FROM certification x WHERE %s AND x.id = :id FOR UPDATE OF x"""
            .formatted(CertificationRow.COLUMNS, VISIBLE));

    /** The certificates held by any of some parties or products (a lot's origin farms and its product). */
    private static final Sql OF_HOLDERS = Sql.of("""
            SELECT %s FROM certification x
            WHERE %s AND (x.party_id = ANY(:parties) OR x.product_id = ANY(:products))
            ORDER BY x.product_id NULLS LAST, x.party_id, x.kind, x.id""".formatted(CertificationRow.COLUMNS, VISIBLE));

    private CertificationQueries() {
    }

    /** Stores {@code cert} (its organisation and holder already checked); a duplicate id is a unique violation. */
    public static CertificationRow insert(Connection c, Certification cert, LocalDate today) throws SQLException {
        return INSERT.bind("id", cert.id()).bind("org", cert.orgId()).bind("party", cert.partyId())
                .bind("product", cert.productId()).bind("kind", cert.kind()).bind("number", cert.number())
                .bind("issuer", cert.issuer()).bind("valid_from", cert.validFrom()).bind("valid_to", cert.validTo())
                .bind("supersedes", cert.supersedes()).bind("today", today).first(c, CertificationRow.MAPPER)
                .orElseThrow();
    }

    /** The certifications the caller sees that pass {@code f}, by id. */
    public static List<CertificationRow> list(Connection c, Visibility vis, LocalDate today, CertificationFilter f,
                                              int limit) throws SQLException {
        return LIST.bind(vis).bind("today", today).bind("kind", f.kind()).bind("party", f.partyId())
                .bind("product", f.productId()).bind("status", f.status()).bind("superseded", f.superseded())
                .bind("limit", limit).list(c, CertificationRow.MAPPER);
    }

    /** The certification {@code id} if the caller sees it, locked until the transaction ends. */
    static Optional<CertificationRow> getForSuccession(Connection c, Visibility vis, LocalDate today, String id)
            throws SQLException {
        return GET_FOR_SUCCESSION.bind(vis).bind("today", today).bind("id", id).first(c, CertificationRow.MAPPER);
    }

    /** The certification {@code id} if the caller sees it. */
    public static Optional<CertificationRow> get(Connection c, Visibility vis, LocalDate today, String id)
            throws SQLException {
        return GET.bind(vis).bind("today", today).bind("id", id).first(c, CertificationRow.MAPPER);
    }

    /** The certificates of the parties and products named, each with its status on {@code today}. */
    public static List<CertificationRow> ofHolders(Connection c, Visibility vis, LocalDate today, String[] parties,
                                                   String[] products) throws SQLException {
        return OF_HOLDERS.bind(vis).bind("today", today).bind("parties", parties).bind("products", products)
                .list(c, CertificationRow.MAPPER);
    }
}
