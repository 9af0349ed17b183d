package io.coldtrace.api.plots;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A stored farm plot, as the API shows it. */
public record PlotRow(String id, String orgId, String partyId, String name, double lat, double lon, double areaHa,
                      String gln, Instant createdAt) {
    /** The columns {@link #MAPPER} reads, for a query over {@code farm_plot f}. */
    static final String COLUMNS = "f.id, f.org_id, f.party_id, f.name, f.lat, f.lon, f.area_ha, f.gln, f.created_at";

    static final RowMapper<PlotRow> MAPPER = rs -> new PlotRow(rs.getString("id"), rs.getString("org_id"),
            rs.getString("party_id"), rs.getString("name"), rs.getDouble("lat"), rs.getDouble("lon"),
            rs.getDouble("area_ha"), rs.getString("gln"), Rows.instant(rs, "created_at"));

    /** The JSON of the API. */
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("org_id", orgId).put("party_id", partyId).put("name", name)
                .put("lat", lat).put("lon", lon).put("area_ha", areaHa).put("gln", gln)
                .put("created_at", Rows.iso(createdAt));
    }
}
