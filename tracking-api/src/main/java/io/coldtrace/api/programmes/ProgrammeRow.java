package io.coldtrace.api.programmes;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One version of a programme as stored, with its regions (named from the division table). */
public record ProgrammeRow(String id, String orgId, int version, String name, BigDecimal targetPct,
                           LocalDate periodStart, LocalDate periodEnd, String recordedBy, Instant recordedAt,
                           Instant createdAt, List<Region> regions) {
    /** A paired-assistance region of the version. */
    public record Region(String code, String name, String level) {
        JsonObject toJson() {
            return new JsonObject().put("code", code).put("name", name).put("level", level);
        }
    }

    /** The columns {@link #MAPPER} reads, over {@code programme p JOIN programme_version v}. */
    static final String COLUMNS = "v.programme_id, p.org_id, v.version, v.name, v.target_pct, v.period_start, "
            + "v.period_end, v.recorded_by, v.recorded_at, p.created_at";

    /** Without its regions ({@link #withRegions} adds them). */
    static final RowMapper<ProgrammeRow> MAPPER = rs -> new ProgrammeRow(rs.getString("programme_id"),
            rs.getString("org_id"), rs.getInt("version"), rs.getString("name"), rs.getBigDecimal("target_pct"),
            rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
            rs.getString("recorded_by"), Rows.instant(rs, "recorded_at"), Rows.instant(rs, "created_at"), List.of());

    ProgrammeRow withRegions(List<Region> r) {
        return new ProgrammeRow(id, orgId, version, name, targetPct, periodStart, periodEnd, recordedBy, recordedAt,
                createdAt, List.copyOf(r));
    }

    public JsonObject toJson() {
        JsonArray r = new JsonArray();
        regions.forEach(x -> r.add(x.toJson()));
        return new JsonObject().put("id", id).put("org_id", orgId).put("version", version).put("name", name)
                .put("regions", r).put("target_pct", targetPct.stripTrailingZeros().doubleValue())
                .put("period_start", periodStart.toString()).put("period_end", periodEnd.toString())
                .put("recorded_by", recordedBy).put("recorded_at", Rows.iso(recordedAt))
                .put("created_at", Rows.iso(createdAt));
    }
}
