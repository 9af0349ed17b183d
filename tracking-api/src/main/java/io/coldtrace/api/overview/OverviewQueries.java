package io.coldtrace.api.overview;

import io.coldtrace.api.auth.OrgScope;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** SQL of the overview: every unit the caller may see with its current reading, grouped by site. */
public final class OverviewQueries {
    private static final String UNITS = UnitRows.SELECT + "WHERE " + OrgScope.filter("s.org_id")
            + "\nORDER BY s.name, s.id, u.name, u.id";

    private OverviewQueries() {
    }

    /** {"sites": [{id, name, kind, units: [...]}]}, sites and units by name. */
    public static JsonObject sites(Connection c, OrgScope filter) throws SQLException {
        JsonArray sites = new JsonArray();
        try (PreparedStatement ps = c.prepareStatement(UNITS)) {
            ps.setBoolean(1, filter.all());
            ps.setString(2, filter.orgId());
            try (ResultSet rs = ps.executeQuery()) {
                JsonObject site = null;
                while (rs.next()) {
                    String siteId = rs.getString("site_id");
                    if (site == null || !site.getString("id").equals(siteId)) {
                        site = new JsonObject().put("id", siteId).put("name", rs.getString("site_name"))
                                .put("kind", rs.getString("site_kind")).put("units", new JsonArray());
                        sites.add(site);
                    }
                    site.getJsonArray("units").add(UnitRows.unit(rs));
                }
            }
        }
        return new JsonObject().put("sites", sites);
    }
}
