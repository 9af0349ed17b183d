package io.coldtrace.api.divisions;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A GB/T 2260 division of the table, with its county flags as they stand now. */
public record DivisionRow(String code, String name, String level, String parentCode, boolean povertyAlleviated,
                          boolean keyAssistance, Instant updatedAt) {
    /** The columns {@link #MAPPER} reads, for a query over {@code division d}. */
    static final String COLUMNS = "d.code, d.name, d.level, d.parent_code, d.poverty_alleviated, d.key_assistance, "
            + "d.updated_at";

    static final RowMapper<DivisionRow> MAPPER = rs -> new DivisionRow(rs.getString("code"), rs.getString("name"),
            rs.getString("level"), rs.getString("parent_code"), rs.getBoolean("poverty_alleviated"),
            rs.getBoolean("key_assistance"), Rows.instant(rs, "updated_at"));

    public JsonObject toJson() {
        return new JsonObject().put("code", code).put("name", name).put("level", level).put("parent_code", parentCode)
                .put("poverty_alleviated", povertyAlleviated).put("key_assistance", keyAssistance)
                .put("updated_at", Rows.iso(updatedAt));
    }
}
