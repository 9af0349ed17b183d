package io.coldtrace.api.plots;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL of the farm_plot table; every read and update is limited by the caller's {@link Visibility}. */
public final class PlotQueries {
    private static final String VISIBLE = Visibility.owned("f.org_id");
    private static final Sql INSERT = Sql.of("""
            INSERT INTO farm_plot AS f (id, org_id, party_id, name, lat, lon, area_ha, gln)
            VALUES (:id, :org, :party, :name, :lat, :lon, :area, :gln) RETURNING %s""".formatted(PlotRow.COLUMNS));
    private static final Sql LIST = Sql.of("""
            SELECT %s FROM farm_plot f
            WHERE %s AND (CAST(:party AS text) IS NULL OR f.party_id = CAST(:party AS text))
            ORDER BY f.id LIMIT :limit""".formatted(PlotRow.COLUMNS, VISIBLE));
    private static final Sql GET = Sql.of("SELECT %s FROM farm_plot f WHERE %s AND f.id = :id"
            .formatted(PlotRow.COLUMNS, VISIBLE));

    private static final Sql UPDATE = Sql.of("""
            UPDATE farm_plot f SET party_id = :party, name = :name, lat = :lat, lon = :lon, area_ha = :area, gln = :gln
            WHERE %s AND f.id = :id RETURNING %s""".formatted(VISIBLE, PlotRow.COLUMNS));

    private PlotQueries() {
    }

    /** Stores {@code plot} (its organisation and party already checked); a duplicate id is a unique violation. */
    public static PlotRow insert(Connection c, Plot plot) throws SQLException {
        return fields(INSERT.bind("id", plot.id()).bind("org", plot.orgId()), plot).first(c, PlotRow.MAPPER)
                .orElseThrow();
    }

    /** The plots the caller sees, of the party {@code partyId} when it is not null, by id. */
    public static List<PlotRow> list(Connection c, Visibility vis, String partyId, int limit) throws SQLException {
        return LIST.bind(vis).bind("party", partyId).bind("limit", limit).list(c, PlotRow.MAPPER);
    }

    /** Replaces the plot's fields (not its id or organisation; its party already checked); empty if not seen. */
    public static Optional<PlotRow> update(Connection c, Visibility vis, Plot plot) throws SQLException {
        return fields(UPDATE.bind(vis).bind("id", plot.id()), plot).first(c, PlotRow.MAPPER);
    }

    /** The plot {@code id} if the caller sees it. */
    public static Optional<PlotRow> get(Connection c, Visibility vis, String id) throws SQLException {
        return GET.bind(vis).bind("id", id).first(c, PlotRow.MAPPER);
    }

    private static Sql.Bound fields(Sql.Bound b, Plot p) {
        return b.bind("party", p.partyId()).bind("name", p.name()).bind("lat", p.lat()).bind("lon", p.lon())
                .bind("area", p.areaHa()).bind("gln", p.gln());
    }
}
