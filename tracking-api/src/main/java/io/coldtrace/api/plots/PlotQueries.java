package io.coldtrace.api.plots;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL of the farm_plot table; every read is limited by the caller's {@link Visibility}. */
public final class PlotQueries {
    private static final String VISIBLE = Visibility.owned("f.org_id");
    private static final Sql INSERT = Sql.of("""
            INSERT INTO farm_plot AS f (id, org_id, party_id, name, lat, lon, area_ha, gln)
            VALUES (:id, :org, :party, :name, :lat, :lon, :area, :gln) RETURNING %s""".formatted(PlotRow.COLUMNS));
    private static final Sql LIST = Sql.of("SELECT %s FROM farm_plot f WHERE %s ORDER BY f.id LIMIT :limit"
            .formatted(PlotRow.COLUMNS, VISIBLE));
    private static final Sql GET = Sql.of("SELECT %s FROM farm_plot f WHERE %s AND f.id = :id"
            .formatted(PlotRow.COLUMNS, VISIBLE));

    private PlotQueries() {
    }

    /** Stores {@code plot} (its organisation and party already checked); a duplicate id is a unique violation. */
    public static PlotRow insert(Connection c, Plot plot) throws SQLException {
        return INSERT.bind("id", plot.id()).bind("org", plot.orgId()).bind("party", plot.partyId())
                .bind("name", plot.name()).bind("lat", plot.lat()).bind("lon", plot.lon())
                .bind("area", plot.areaHa()).bind("gln", plot.gln()).first(c, PlotRow.MAPPER).orElseThrow();
    }

    public static List<PlotRow> list(Connection c, Visibility vis, int limit) throws SQLException {
        return LIST.bind(vis).bind("limit", limit).list(c, PlotRow.MAPPER);
    }

    /** The plot {@code id} if the caller sees it. */
    public static Optional<PlotRow> get(Connection c, Visibility vis, String id) throws SQLException {
        return GET.bind(vis).bind("id", id).first(c, PlotRow.MAPPER);
    }
}
