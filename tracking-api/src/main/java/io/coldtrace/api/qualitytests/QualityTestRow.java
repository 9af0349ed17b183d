package io.coldtrace.api.qualitytests;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * A quality test as stored, with what happened to it since: the correction that superseded it, the release of its
 * hold; {@code holds}: a failed test neither corrected nor released holds its lot and the lots made from it.
 */
record QualityTestRow(UUID id, String orgId, UUID lotId, String lotCode, String kind, String analyte, Double value,
                      String unit, Double limit, String result, String lab, String method, Instant sampledAt,
                      Instant testedAt, String note, UUID supersedes, String reason, String recordedBy,
                      Instant recordedAt, UUID supersededBy, String releaseReason, String releasedBy,
                      Instant releasedAt, int evidenceFiles) {
    static final RowMapper<QualityTestRow> MAPPER = rs -> new QualityTestRow(rs.getObject("id", UUID.class),
            rs.getString("org_id"), rs.getObject("lot_id", UUID.class), rs.getString("lot_code"),
            rs.getString("kind"), rs.getString("analyte"), Rows.dbl(rs, "value"), rs.getString("value_unit"),
            Rows.dbl(rs, "limit_value"), rs.getString("result"), rs.getString("lab"), rs.getString("method"),
            Rows.instant(rs, "sampled_at"), Rows.instant(rs, "tested_at"), rs.getString("note"),
            rs.getObject("supersedes", UUID.class), rs.getString("reason"), rs.getString("recorded_by"),
            Rows.instant(rs, "recorded_at"), rs.getObject("superseded_by", UUID.class),
            rs.getString("release_reason"), rs.getString("released_by"), Rows.instant(rs, "released_at"),
            rs.getInt("evidence_files"));

    boolean holds() {
        return result.equals("fail") && supersededBy == null && releasedAt == null;
    }

    JsonObject toJson() {
        JsonObject j = new JsonObject().put("id", id.toString()).put("org_id", orgId).put("lot_id", lotId.toString())
                .put("lot", lotCode).put("kind", kind).put("analyte", analyte).put("value", value).put("unit", unit)
                .put("limit", limit).put("result", result).put("lab", lab).put("method", method)
                .put("sampled_at", Rows.iso(sampledAt)).put("tested_at", Rows.iso(testedAt)).put("note", note)
                .put("supersedes", supersedes == null ? null : supersedes.toString()).put("reason", reason)
                .put("recorded_by", recordedBy).put("recorded_at", Rows.iso(recordedAt))
                .put("superseded_by", supersededBy == null ? null : supersededBy.toString())
                .put("holds", holds()).put("evidence_files", evidenceFiles);
        if (releasedAt != null) {
            j.put("release", new JsonObject().put("reason", releaseReason).put("released_by", releasedBy)
                    .put("released_at", Rows.iso(releasedAt)));
        }
        return j;
    }
}
