package io.coldtrace.api.orgs;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A stored organisation, as the API shows it. */
public record OrgRow(String id, String name, Instant createdAt) {
    /** The columns {@link #MAPPER} reads, for a query over {@code org o}. */
    static final String COLUMNS = "o.id, o.name, o.created_at";

    static final RowMapper<OrgRow> MAPPER = rs -> new OrgRow(rs.getString("id"), rs.getString("name"),
            Rows.instant(rs, "created_at"));

    /** The JSON of the API. */
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("name", name).put("created_at", Rows.iso(createdAt));
    }
}
