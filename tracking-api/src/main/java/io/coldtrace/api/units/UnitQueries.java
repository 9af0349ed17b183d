package io.coldtrace.api.units;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL of the unit table; a unit belongs to its site's organisation, and reads are limited by {@link Visibility}. */
public final class UnitQueries {
    private static final String FROM = "unit u JOIN site s ON s.id = u.site_id";
    private static final String VISIBLE = Visibility.owned("s.org_id");
    /** A written unit (the CTE {@code u}) as {@link UnitRow} shows it: with its (new) site's organisation. */
    private static final String SHOW_WRITTEN = "SELECT %s FROM u JOIN site s ON s.id = u.site_id"
            .formatted(UnitRow.COLUMNS);
    private static final Sql INSERT = Sql.of("""
            WITH u AS (INSERT INTO unit (id, site_id, kind, name, temp_class, profile_id, gln)
                       VALUES (:id, :site_id, :kind, :name, :temp_class, :profile_id, :gln) RETURNING *)
            """ + SHOW_WRITTEN);
    private static final Sql LIST = Sql.of("""
            SELECT %s FROM %s WHERE %s AND (CAST(:site AS text) IS NULL OR u.site_id = :site)
            ORDER BY u.id LIMIT :limit""".formatted(UnitRow.COLUMNS, FROM, VISIBLE));
    private static final Sql GET = Sql.of("SELECT %s FROM %s WHERE %s AND u.id = :id"
            .formatted(UnitRow.COLUMNS, FROM, VISIBLE));
    // the site joined to find the row is its old one; the row is shown with its new site's organisation
    private static final Sql UPDATE = Sql.of("""
            WITH u AS (UPDATE unit u SET site_id = :site_id, kind = :kind, name = :name, temp_class = :temp_class,
                              profile_id = :profile_id, gln = :gln
                       FROM site s WHERE s.id = u.site_id AND %s AND u.id = :id RETURNING u.*)
            """.formatted(VISIBLE) + SHOW_WRITTEN);

    private UnitQueries() {
    }

    /** Stores {@code unit} (its references already checked); a duplicate id fails with a unique violation. */
    public static UnitRow insert(Connection c, Unit unit) throws SQLException {
        return fields(INSERT.bind("id", unit.id()), unit).first(c, UnitRow.MAPPER).orElseThrow();
    }

    /** Units the caller sees, optionally of one site. */
    public static List<UnitRow> list(Connection c, Visibility vis, String site, int limit) throws SQLException {
        return LIST.bind(vis).bind("site", site).bind("limit", limit).list(c, UnitRow.MAPPER);
    }

    /** The unit {@code id} (with its organisation) if the caller sees it. */
    public static Optional<UnitRow> get(Connection c, Visibility vis, String id) throws SQLException {
        return GET.bind(vis).bind("id", id).first(c, UnitRow.MAPPER);
    }

    /** Replaces the unit's fields; empty when the caller does not see it. */
    public static Optional<UnitRow> update(Connection c, Visibility vis, Unit unit) throws SQLException {
        return fields(UPDATE.bind(vis).bind("id", unit.id()), unit).first(c, UnitRow.MAPPER);
    }

    private static Sql.Bound fields(Sql.Bound b, Unit unit) {
        return b.bind("site_id", unit.siteId()).bind("kind", unit.kind()).bind("name", unit.name())
                .bind("temp_class", unit.tempClass()).bind("profile_id", unit.profileId())
                .bind("gln", unit.gln());
    }
}
