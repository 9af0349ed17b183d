package io.coldtrace.api.divisions;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One change of a division by an import: who imported (the token's name, the command's {@code --by}, or the bundled
 * seed), when, and the name and flags before (null when the import added the division) and after.
 */
public record DivisionChangeRow(long id, String code, long importId, String source, String changedBy,
                                Instant changedAt, String nameOld, String nameNew, Boolean povertyAlleviatedOld,
                                boolean povertyAlleviatedNew, Boolean keyAssistanceOld, boolean keyAssistanceNew) {
    /** The columns {@link #MAPPER} reads, over {@code division_change c JOIN division_import i}. */
    static final String COLUMNS = "c.id, c.code, c.import_id, i.source, i.imported_by, c.changed_at, c.name_old, "
            + "c.name_new, c.poverty_alleviated_old, c.poverty_alleviated_new, c.key_assistance_old, "
            + "c.key_assistance_new";

    static final RowMapper<DivisionChangeRow> MAPPER = rs -> new DivisionChangeRow(rs.getLong("id"),
            rs.getString("code"), rs.getLong("import_id"), rs.getString("source"), rs.getString("imported_by"),
            Rows.instant(rs, "changed_at"), rs.getString("name_old"), rs.getString("name_new"),
            Rows.bool(rs, "poverty_alleviated_old"), rs.getBoolean("poverty_alleviated_new"),
            Rows.bool(rs, "key_assistance_old"), rs.getBoolean("key_assistance_new"));

    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("code", code).put("import_id", importId).put("source", source)
                .put("changed_by", changedBy).put("changed_at", Rows.iso(changedAt)).put("name_old", nameOld)
                .put("name_new", nameNew).put("poverty_alleviated_old", povertyAlleviatedOld)
                .put("poverty_alleviated_new", povertyAlleviatedNew).put("key_assistance_old", keyAssistanceOld)
                .put("key_assistance_new", keyAssistanceNew);
    }
}
