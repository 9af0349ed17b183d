package io.coldtrace.api.units;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A stored unit with the organisation of its site, as the API shows it. */
public record UnitRow(String id, String siteId, String orgId, String kind, String name, String tempClass,
                      String profileId, String gln, Instant createdAt) {
    /** The columns {@link #MAPPER} reads, for a query over {@code unit u} joined with its {@code site s}. */
    static final String COLUMNS = "u.id, u.site_id, s.org_id, u.kind, u.name, u.temp_class, u.profile_id, u.gln, "
            + "u.created_at";

    static final RowMapper<UnitRow> MAPPER = rs -> new UnitRow(rs.getString("id"), rs.getString("site_id"),
            rs.getString("org_id"), rs.getString("kind"), rs.getString("name"), rs.getString("temp_class"),
            rs.getString("profile_id"), rs.getString("gln"), Rows.instant(rs, "created_at"));

    /** The JSON of the API. */
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("site_id", siteId).put("org_id", orgId).put("kind", kind)
                .put("name", name).put("temp_class", tempClass).put("profile_id", profileId).put("gln", gln)
                .put("created_at", Rows.iso(createdAt));
    }
}
