package io.coldtrace.api.certifications;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored certification, as the API shows it, with its {@code status} on the day it was read: {@code valid},
 * {@code expired} (after valid_to) or {@code not_yet_valid} (before valid_from); the certification it
 * {@code supersedes} and the one it is {@code supersededBy} (each null when there is none).
 */
public record CertificationRow(String id, String orgId, String partyId, String productId, String kind, String number,
                               String issuer, LocalDate validFrom, LocalDate validTo, String status,
                               String supersedes, String supersededBy, Instant createdAt) {
    /** The status of {@code certification x} on the day bound as {@code :today}. */
    static final String STATUS = """
            CASE WHEN CAST(:today AS date) > x.valid_to THEN 'expired' \
                 WHEN CAST(:today AS date) < x.valid_from THEN 'not_yet_valid' ELSE 'valid' END""";

    /**
     * The columns {@link #MAPPER} reads, for a query over {@code certification x} with the day of the reading bound
     * as {@code :today}.
     */
    static final String COLUMNS = """
            x.id, x.org_id, x.party_id, x.product_id, x.kind, x.number, x.issuer, x.valid_from, x.valid_to, \
            %s AS status, x.supersedes, \
            (SELECT s.id FROM certification s WHERE s.supersedes = x.id) AS superseded_by, x.created_at"""
            .formatted(STATUS);

    static final RowMapper<CertificationRow> MAPPER = rs -> new CertificationRow(rs.getString("id"),
            rs.getString("org_id"), rs.getString("party_id"), rs.getString("product_id"), rs.getString("kind"),
            rs.getString("number"), rs.getString("issuer"), rs.getObject("valid_from", LocalDate.class),
            rs.getObject("valid_to", LocalDate.class), rs.getString("status"), rs.getString("supersedes"),
            rs.getString("superseded_by"), Rows.instant(rs, "created_at"));

    /** The JSON of the API. */
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("org_id", orgId).put("party_id", partyId)
                .put("product_id", productId).put("kind", kind).put("number", number).put("issuer", issuer)
                .put("valid_from", validFrom.toString()).put("valid_to", validTo.toString()).put("status", status)
                .put("supersedes", supersedes).put("superseded_by", supersededBy)
                .put("created_at", Rows.iso(createdAt));
    }
}
