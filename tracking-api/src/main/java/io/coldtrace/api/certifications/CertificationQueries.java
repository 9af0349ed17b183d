package io.coldtrace.api.certifications;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * SQL of the certification table; every read is limited by the caller's {@link Visibility}, and each row's status
 * is computed for {@code today}.
 */
public final class CertificationQueries {
    private static final String VISIBLE = Visibility.owned("x.org_id");
    private static final Sql INSERT = Sql.of("""
            INSERT INTO certification AS x (id, org_id, party_id, product_id, kind, number, issuer, valid_from,
                                            valid_to)
            VALUES (:id, :org, :party, :product, :kind, :number, :issuer, :valid_from, :valid_to)
            RETURNING %s""".formatted(CertificationRow.COLUMNS));
    private static final Sql LIST = Sql.of("SELECT %s FROM certification x WHERE %s ORDER BY x.id LIMIT :limit"
            .formatted(CertificationRow.COLUMNS, VISIBLE));
    private static final Sql GET = Sql.of("SELECT %s FROM certification x WHERE %s AND x.id = :id"
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
                .bind("today", today).first(c, CertificationRow.MAPPER).orElseThrow();
    }

    public static List<CertificationRow> list(Connection c, Visibility vis, LocalDate today, int limit)
            throws SQLException {
        return LIST.bind(vis).bind("today", today).bind("limit", limit).list(c, CertificationRow.MAPPER);
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
