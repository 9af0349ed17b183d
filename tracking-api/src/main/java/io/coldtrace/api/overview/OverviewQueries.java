package io.coldtrace.api.overview;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL of the overview: every unit the caller may see with its current reading, grouped by site. */
public final class OverviewQueries {
    private static final Sql UNITS = Sql.of(UnitRow.SELECT + "WHERE " + Visibility.owned("s.org_id")
            + "\nORDER BY s.name, s.id, u.name, u.id");

    private OverviewQueries() {
    }

    /** The sites the caller sees that have units, each with its units; sites and units by name. */
    public static List<SiteUnits> sites(Connection c, Visibility vis) throws SQLException {
        List<SiteUnits> sites = new ArrayList<>();
        SiteUnits site = null;
        for (UnitRow unit : UNITS.bind(vis).list(c, UnitRow.MAPPER)) {
            if (site == null || !site.id().equals(unit.siteId())) {
                site = new SiteUnits(unit.siteId(), unit.siteName(), unit.siteKind(), new ArrayList<>());
                sites.add(site);
            }
            site.units().add(unit);
        }
        return sites;
    }
}
