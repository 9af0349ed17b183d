package io.coldtrace.api.bindings;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A device binding as the API shows it: device {@code device} measures unit {@code unitId} from..to (null = open). */
public record BindingRow(long id, String unitId, String device, Instant from, Instant to, Instant createdAt) {
    /** The columns {@link #MAPPER} reads, for a query over {@code device_binding b JOIN device d}. */
    static final String COLUMNS = """
            b.id, b.unit_id, d.ext_id AS device, lower(b.valid) AS "from", upper(b.valid) AS "to", b.created_at""";

    static final RowMapper<BindingRow> MAPPER = rs -> new BindingRow(rs.getLong("id"), rs.getString("unit_id"),
            rs.getString("device"), Rows.instant(rs, "from"), Rows.instant(rs, "to"), Rows.instant(rs, "created_at"));

    /** The JSON of the API. */
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("unit_id", unitId).put("device", device).put("from", Rows.iso(from))
                .put("to", Rows.iso(to)).put("created_at", Rows.iso(createdAt));
    }
}
