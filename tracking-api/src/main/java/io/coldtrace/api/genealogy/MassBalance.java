package io.coldtrace.api.genealogy;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.db.Sql;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A lot's mass balance: what it was born with (produced by a pack or transform, harvested, or first received) against
 * where that went: delivered to buyers, transformed into other lots, declared lost, and on hand. Each term comes
 * from a different projection, so a row one of them lacks or has twice (a projection bug, a legacy import) shows as a
 * difference: produced from {@code lot.quantity}, delivered from the {@code deliver} hand-overs, transformed from the
 * quantities on {@code lot_link}, lost and on hand from {@code lot_movement}. A shipment is not a term: shipped goods
 * stay on hand (in the truck) until they are received or delivered. Link quantities are rounded to 0.001 per child,
 * which the tolerance absorbs.
 */
record MassBalance(UUID lotId, String code, String kind, String uom, Instant bornAt, boolean voided,
                   BigDecimal produced, BigDecimal delivered, BigDecimal transformed, BigDecimal lost,
                   BigDecimal onHand) {
    /** The default tolerance, in the lot's unit: link quantities round to 0.001 per child. */
    static final BigDecimal DEFAULT_TOLERANCE = new BigDecimal("0.01");

    private static final String TERMS = """
            SELECT l.id, l.code, l.kind, l.uom, l.born_at, l.voided_by IS NOT NULL AS voided,
                   CASE WHEN l.voided_by IS NULL THEN l.quantity ELSE 0 END AS produced,
                   coalesce(d.q, 0) AS delivered, coalesce(t.q, 0) AS transformed, coalesce(m.lost, 0) AS lost,
                   coalesce(m.on_hand, 0) AS on_hand
            FROM lot l
            LEFT JOIN LATERAL (SELECT sum(h.quantity) AS q FROM lot_handover h
                               WHERE h.lot_id = l.id AND h.kind = 'deliver') d ON true
            LEFT JOIN LATERAL (SELECT sum(k.quantity) AS q FROM lot_link k WHERE k.parent_lot_id = l.id) t ON true
            LEFT JOIN LATERAL (SELECT sum(m.delta) FILTER (WHERE m.place_kind = 'gone' AND m.reason = 'lost') AS lost,
                                      sum(m.delta) FILTER (WHERE m.place_kind <> 'gone') AS on_hand
                               FROM lot_movement m WHERE m.lot_id = l.id) m ON true
            WHERE %s""".formatted(Visibility.owned("l.org_id"));
    /** One lot's terms. */
    static final Sql OF_LOT = Sql.of(TERMS + " AND l.id = :id");
    /**
     * The lots out of balance by more than {@code :tolerance}, in id order after {@code :after} (a page's cursor):
     * read lot by lot through the projections' lot indexes, so a page stops at {@code :limit} faults.
     */
    static final Sql FAULTS = Sql.of("""
            SELECT * FROM (%s AND (CAST(:after AS uuid) IS NULL OR l.id > :after)) b
            WHERE abs(b.produced - b.delivered - b.transformed - b.lost - b.on_hand) > :tolerance
            ORDER BY b.id LIMIT :limit""".formatted(TERMS));

    static final RowMapper<MassBalance> MAPPER = rs -> new MassBalance(rs.getObject("id", UUID.class),
            rs.getString("code"), rs.getString("kind"), rs.getString("uom"), Rows.instant(rs, "born_at"),
            rs.getBoolean("voided"), rs.getBigDecimal("produced"), rs.getBigDecimal("delivered"),
            rs.getBigDecimal("transformed"), rs.getBigDecimal("lost"), rs.getBigDecimal("on_hand"));

    /** produced − (delivered + transformed + lost + on hand): positive when quantity went missing. */
    BigDecimal difference() {
        return produced.subtract(delivered).subtract(transformed).subtract(lost).subtract(onHand);
    }

    JsonObject toJson(BigDecimal tolerance) {
        BigDecimal diff = difference();
        return new JsonObject().put("lot_id", lotId.toString()).put("code", code).put("kind", kind).put("uom", uom)
                .put("born_at", Rows.iso(bornAt)).put("voided", voided).put("produced", Rows.quantity(produced))
                .put("delivered", Rows.quantity(delivered)).put("transformed", Rows.quantity(transformed))
                .put("lost", Rows.quantity(lost)).put("on_hand", Rows.quantity(onHand))
                .put("difference", Rows.quantity(diff)).put("tolerance", Rows.quantity(tolerance))
                .put("balanced", diff.abs().compareTo(tolerance) <= 0);
    }
}
