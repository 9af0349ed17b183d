package io.coldtrace.api.assistance;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An application for an assistance product as stored, with its decision (the certificate when certified), its
 * revocation and the blacklist entry suspending it, if any; {@code status} on the day read: {@code pending},
 * {@code refused}, or for a certificate {@code valid}, {@code not_yet_valid}, {@code expired}, {@code revoked},
 * {@code suspended}.
 */
record ApplicationRow(UUID id, String orgId, String productId, String productZh, String productEn, String partyId,
                      String partyZh, String partyEn, String divisionCode, String province, String city,
                      String county, String note, String appliedBy, Instant appliedAt, String outcome, String reason,
                      String certificateNumber, LocalDate validFrom, LocalDate validTo, String issuer,
                      String issuerRegion, String decidedBy, Instant decidedAt, String revokedReason,
                      Instant revokedAt, UUID suspendedBy, String status) {
    static final RowMapper<ApplicationRow> MAPPER = rs -> new ApplicationRow(rs.getObject("id", UUID.class),
            rs.getString("org_id"), rs.getString("product_id"), rs.getString("product_zh"),
            rs.getString("product_en"), rs.getString("party_id"), rs.getString("party_zh"), rs.getString("party_en"),
            rs.getString("division_code"), rs.getString("province"), rs.getString("city"), rs.getString("county"),
            rs.getString("note"), rs.getString("applied_by"), Rows.instant(rs, "applied_at"), rs.getString("outcome"),
            rs.getString("reason"), rs.getString("certificate_number"), rs.getObject("valid_from", LocalDate.class),
            rs.getObject("valid_to", LocalDate.class), rs.getString("issuer"), rs.getString("issuer_region"),
            rs.getString("decided_by"), Rows.instant(rs, "decided_at"), rs.getString("revoked_reason"),
            Rows.instant(rs, "revoked_at"), rs.getObject("suspended_by", UUID.class), rs.getString("status"));

    boolean certified() {
        return "certified".equals(outcome);
    }

    JsonObject toJson() {
        JsonObject j = new JsonObject().put("id", id.toString()).put("org_id", orgId)
                .put("product", new JsonObject().put("id", productId).put("name_zh", productZh)
                        .put("name_en", productEn))
                .put("party", new JsonObject().put("id", partyId).put("name_zh", partyZh).put("name_en", partyEn))
                .put("division_code", divisionCode).put("province", province).put("city", city).put("county", county)
                .put("note", note).put("applied_by", appliedBy).put("applied_at", Rows.iso(appliedAt))
                .put("status", status).put("suspended_by", suspendedBy == null ? null : suspendedBy.toString());
        if (outcome != null) {
            j.put("decision", new JsonObject().put("outcome", outcome).put("reason", reason).put("issuer", issuer)
                    .put("issuer_region", issuerRegion).put("decided_by", decidedBy)
                    .put("decided_at", Rows.iso(decidedAt)));
        }
        if (certified()) {
            j.put("certificate", new JsonObject().put("number", certificateNumber).put("issuer", issuer)
                    .put("valid_from", validFrom.toString()).put("valid_to", validTo.toString()));
        }
        if (revokedAt != null) {
            j.put("revoked", new JsonObject().put("reason", revokedReason).put("at", Rows.iso(revokedAt)));
        }
        return j;
    }
}
