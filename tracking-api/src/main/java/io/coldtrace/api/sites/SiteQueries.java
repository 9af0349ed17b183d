package io.coldtrace.api.sites;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL of the site table; every read and update is limited by the caller's {@link Visibility}. */
public final class SiteQueries {
    private static final String VISIBLE = Visibility.owned("s.org_id");
    private static final Sql INSERT = Sql.of("""
            INSERT INTO site AS s (id, org_id, name, kind, timezone, lat, lon, address, division_code, gln)
            VALUES (:id, :org, :name, :kind, :timezone, :lat, :lon, :address, :division, :gln) RETURNING %s"""
            .formatted(SiteRow.COLUMNS));
    private static final Sql LIST = Sql.of("SELECT %s FROM site s WHERE %s ORDER BY s.id LIMIT :limit"
            .formatted(SiteRow.COLUMNS, VISIBLE));
    private static final Sql GET = Sql.of("SELECT %s FROM site s WHERE %s AND s.id = :id"
            .formatted(SiteRow.COLUMNS, VISIBLE));
    private static final Sql UPDATE = Sql.of("""
            UPDATE site s SET name = :name, kind = :kind, timezone = :timezone, lat = :lat, lon = :lon,
                   address = :address, division_code = :division, gln = :gln
            WHERE %s AND s.id = :id RETURNING %s""".formatted(VISIBLE, SiteRow.COLUMNS));

    private SiteQueries() {
    }

    /** Stores {@code site} (its organisation already checked); a duplicate id fails with a unique violation. */
    public static SiteRow insert(Connection c, Site site) throws SQLException {
        return fields(INSERT.bind("id", site.id()).bind("org", site.orgId()), site).first(c, SiteRow.MAPPER)
                .orElseThrow();
    }

    public static List<SiteRow> list(Connection c, Visibility vis, int limit) throws SQLException {
        return LIST.bind(vis).bind("limit", limit).list(c, SiteRow.MAPPER);
    }

    /** The site {@code id} if the caller sees it. */
    public static Optional<SiteRow> get(Connection c, Visibility vis, String id) throws SQLException {
        return GET.bind(vis).bind("id", id).first(c, SiteRow.MAPPER);
    }

    /** Updates the site's fields (not its id or organisation); empty when the caller does not see it. */
    public static Optional<SiteRow> update(Connection c, Visibility vis, Site site) throws SQLException {
        return fields(UPDATE.bind(vis).bind("id", site.id()), site).first(c, SiteRow.MAPPER);
    }

    private static Sql.Bound fields(Sql.Bound b, Site site) {
        return b.bind("name", site.name()).bind("kind", site.kind()).bind("timezone", site.timezone())
                .bind("lat", site.lat()).bind("lon", site.lon()).bind("address", site.address())
                .bind("division", site.divisionCode()).bind("gln", site.gln());
    }
}
