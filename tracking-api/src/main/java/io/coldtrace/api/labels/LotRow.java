package io.coldtrace.api.labels;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.core.ids.TraceCode;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** A lot's identity and codes, as the label routes read it (trace code null for a harvest batch). */
record LotRow(UUID id, String orgId, String code, String kind, TraceCode traceCode, String externalCode,
              UUID voidedBy) {
    static final String COLUMNS = "l.id, l.org_id, l.code, l.kind, l.trace_code, l.external_code, l.voided_by";
    static final RowMapper<LotRow> MAPPER = rs -> new LotRow(rs.getObject("id", UUID.class), rs.getString("org_id"),
            rs.getString("code"), rs.getString("kind"),
            rs.getString("trace_code") == null ? null : new TraceCode(rs.getString("trace_code")),
            rs.getString("external_code"), rs.getObject("voided_by", UUID.class));

    boolean isLot() {
        return traceCode != null;
    }

    /** The lot's codes with its public page. */
    JsonObject toJson(String publicUrl) {
        return new JsonObject().put("id", id.toString()).put("org_id", orgId).put("code", code)
                .put("trace_code", traceCode == null ? null : traceCode.grouped()).put("external_code", externalCode)
                .put("public_url", publicUrl);
    }
}
