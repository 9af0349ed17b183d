package io.coldtrace.api.sites;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A stored site, as the API shows it. */
public record SiteRow(String id, String orgId, String name, String kind, String timezone, Double lat, Double lon,
                      String address, String divisionCode, String gln, Instant createdAt) {
    /** The columns {@link #MAPPER} reads, for a query over {@code site s}. */
    static final String COLUMNS = "s.id, s.org_id, s.name, s.kind, s.timezone, s.lat, s.lon, s.address, "
            + "s.division_code, s.gln, s.created_at";

    static final RowMapper<SiteRow> MAPPER = rs -> new SiteRow(rs.getString("id"), rs.getString("org_id"),
            rs.getString("name"), rs.getString("kind"), rs.getString("timezone"), Rows.dbl(rs, "lat"),
            Rows.dbl(rs, "lon"), rs.getString("address"), rs.getString("division_code"),
            rs.getString("gln"), Rows.instant(rs, "created_at"));

    /** The JSON of the API. */
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("org_id", orgId).put("name", name).put("kind", kind)
                .put("timezone", timezone).put("lat", lat).put("lon", lon).put("address", address)
                .put("division_code", divisionCode).put("gln", gln)
                .put("created_at", Rows.iso(createdAt));
    }
}
