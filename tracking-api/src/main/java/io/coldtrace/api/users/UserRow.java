package io.coldtrace.api.users;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A stored user, as the API shows it ({@code orgId} null for an admin of no organisation; {@code region} an
 * authority's division, null for every other role).
 */
public record UserRow(String id, String orgId, String name, Role role, String region, Instant createdAt,
                      Instant disabledAt) {
    /** The columns {@link #MAPPER} reads, for a query over {@code app_user u}. */
    static final String COLUMNS = "u.id, u.org_id, u.name, u.role, u.region, u.created_at, u.disabled_at";

    static final RowMapper<UserRow> MAPPER = rs -> new UserRow(rs.getString("id"), rs.getString("org_id"),
            rs.getString("name"), Role.parse(rs.getString("role")), rs.getString("region"),
            Rows.instant(rs, "created_at"), Rows.instant(rs, "disabled_at"));

    /** The JSON of the API. */
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("org_id", orgId).put("name", name).put("role", role.label())
                .put("region", region).put("created_at", Rows.iso(createdAt)).put("disabled_at", Rows.iso(disabledAt));
    }
}
