package io.coldtrace.api.parties;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL of the party table; every read and update is limited by the caller's {@link Visibility}. */
public final class PartyQueries {
    private static final String VISIBLE = Visibility.owned("p.org_id");
    private static final Sql INSERT = Sql.of("""
            INSERT INTO party AS p (id, org_id, kind, buyer_type, name_zh, name_en, division_code, province, city,
                                    county, poverty_alleviated_county, paired_assistance_county, uscc, gln)
            VALUES (:id, :org, :kind, :buyer_type, :name_zh, :name_en, :division_code, :province, :city, :county,
                    :poverty, :paired, :uscc, :gln)
            RETURNING %s""".formatted(PartyRow.COLUMNS));
    private static final Sql LIST = Sql.of("""
            SELECT %s FROM party p
            WHERE %s AND (CAST(:kind AS text) IS NULL OR p.kind = CAST(:kind AS text))
              AND (CAST(:buyer_type AS text) IS NULL OR p.buyer_type = CAST(:buyer_type AS text))
              AND (CAST(:division AS text) IS NULL OR starts_with(p.division_code, CAST(:division AS text)))
              AND (CAST(:assistance AS text) IS NULL
                   OR (CAST(:assistance AS text) = 'poverty' AND p.poverty_alleviated_county)
                   OR (CAST(:assistance AS text) = 'paired' AND p.paired_assistance_county))
              AND (CAST(:q AS text) IS NULL OR strpos(lower(p.name_zh), lower(CAST(:q AS text))) > 0
                   OR strpos(lower(coalesce(p.name_en, '')), lower(CAST(:q AS text))) > 0)
            ORDER BY p.id LIMIT :limit""".formatted(PartyRow.COLUMNS, VISIBLE));
    private static final Sql GET = Sql.of("SELECT %s FROM party p WHERE %s AND p.id = :id"
            .formatted(PartyRow.COLUMNS, VISIBLE));
    private static final Sql UPDATE = Sql.of("""
            UPDATE party p SET kind = :kind, buyer_type = :buyer_type, name_zh = :name_zh, name_en = :name_en,
                   division_code = :division_code, province = :province, city = :city, county = :county,
                   poverty_alleviated_county = :poverty, paired_assistance_county = :paired, uscc = :uscc,
                   gln = :gln
            WHERE %s AND p.id = :id RETURNING %s""".formatted(VISIBLE, PartyRow.COLUMNS));

    private PartyQueries() {
    }

    /** Stores {@code party} (its organisation already checked); a duplicate id fails with a unique violation. */
    public static PartyRow insert(Connection c, Party party) throws SQLException {
        return fields(INSERT.bind("id", party.id()).bind("org", party.orgId()), party).first(c, PartyRow.MAPPER)
                .orElseThrow();
    }

    /** The parties the caller sees that pass {@code f}, by id. */
    public static List<PartyRow> list(Connection c, Visibility vis, PartyFilter f, int limit) throws SQLException {
        return LIST.bind(vis).bind("kind", f.kind()).bind("buyer_type", f.buyerType())
                .bind("division", f.division()).bind("assistance", f.assistance()).bind("q", f.q())
                .bind("limit", limit).list(c, PartyRow.MAPPER);
    }

    /** The party {@code id} if the caller sees it. */
    public static Optional<PartyRow> get(Connection c, Visibility vis, String id) throws SQLException {
        return GET.bind(vis).bind("id", id).first(c, PartyRow.MAPPER);
    }

    /** Replaces the party's fields (not its id or organisation); empty when the caller does not see it. */
    public static Optional<PartyRow> update(Connection c, Visibility vis, Party party) throws SQLException {
        return fields(UPDATE.bind(vis).bind("id", party.id()), party).first(c, PartyRow.MAPPER);
    }

    private static Sql.Bound fields(Sql.Bound b, Party p) {
        return b.bind("kind", p.kind()).bind("buyer_type", p.buyerType()).bind("name_zh", p.nameZh())
                .bind("name_en", p.nameEn()).bind("division_code", p.divisionCode()).bind("province", p.province())
                .bind("city", p.city()).bind("county", p.county()).bind("poverty", p.povertyAlleviatedCounty())
                .bind("paired", p.pairedAssistanceCounty()).bind("uscc", p.uscc()).bind("gln", p.gln());
    }
}
