package io.coldtrace.api.assistance;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A blacklist entry as stored, with its lift if any; {@code status} on the day read: {@code in_force},
 * {@code not_yet_in_force}, {@code ended} (after valid_until) or {@code lifted}.
 */
record BlacklistRow(UUID id, String orgId, String partyId, String partyZh, String productId, String productZh,
                    String uscc, String divisionCode, String reason, String evidence, LocalDate validFrom,
                    LocalDate validUntil, String authority, String authorityRegion, String enteredBy,
                    Instant enteredAt, String liftReason, String liftAuthority, String liftedBy, Instant liftedAt,
                    String status) {
    static final String SELECT = """
            SELECT e.id, e.org_id, e.party_id, pa.name_zh AS party_zh, e.product_id, p.name_zh AS product_zh, e.uscc,
                   e.division_code, e.reason, e.evidence, e.valid_from, e.valid_until, e.authority, e.authority_region,
                   e.entered_by, e.entered_at, l.reason AS lift_reason, l.authority AS lift_authority, l.lifted_by,
                   l.lifted_at,
                   CASE WHEN l.entry_id IS NOT NULL THEN 'lifted'
                        WHEN CAST(:today AS date) < e.valid_from THEN 'not_yet_in_force'
                        WHEN e.valid_until < CAST(:today AS date) THEN 'ended' ELSE 'in_force' END AS status
            FROM blacklist_entry e JOIN party pa ON pa.id = e.party_id LEFT JOIN product p ON p.id = e.product_id
            LEFT JOIN blacklist_lift l ON l.entry_id = e.id
            WHERE """ + Scope.where("e.division_code", "e.org_id");

    static final RowMapper<BlacklistRow> MAPPER = rs -> new BlacklistRow(rs.getObject("id", UUID.class),
            rs.getString("org_id"), rs.getString("party_id"), rs.getString("party_zh"), rs.getString("product_id"),
            rs.getString("product_zh"), rs.getString("uscc"), rs.getString("division_code"), rs.getString("reason"),
            rs.getString("evidence"), rs.getObject("valid_from", LocalDate.class),
            rs.getObject("valid_until", LocalDate.class), rs.getString("authority"),
            rs.getString("authority_region"), rs.getString("entered_by"), Rows.instant(rs, "entered_at"),
            rs.getString("lift_reason"), rs.getString("lift_authority"), rs.getString("lifted_by"),
            Rows.instant(rs, "lifted_at"), rs.getString("status"));

    JsonObject toJson() {
        JsonObject j = new JsonObject().put("id", id.toString()).put("org_id", orgId)
                .put("party", new JsonObject().put("id", partyId).put("name_zh", partyZh).put("uscc", uscc))
                .put("product", productId == null ? null : new JsonObject().put("id", productId)
                        .put("name_zh", productZh))
                .put("division_code", divisionCode).put("reason", reason).put("evidence", evidence)
                .put("valid_from", validFrom.toString())
                .put("valid_until", validUntil == null ? null : validUntil.toString()).put("authority", authority)
                .put("authority_region", authorityRegion).put("entered_by", enteredBy)
                .put("entered_at", Rows.iso(enteredAt)).put("status", status);
        if (liftedAt != null) {
            j.put("lift", new JsonObject().put("reason", liftReason).put("authority", liftAuthority)
                    .put("lifted_by", liftedBy).put("lifted_at", Rows.iso(liftedAt)));
        }
        return j;
    }
}
