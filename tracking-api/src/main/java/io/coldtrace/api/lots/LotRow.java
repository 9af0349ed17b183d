package io.coldtrace.api.lots;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.coldtrace.core.ids.TraceCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A lot (or harvest batch) as lists show it: what was born, what is on hand now (the running sum of its movements at
 * every place but "gone"), and its status: {@code active} (some quantity on hand), {@code left} (none: delivered,
 * consumed or lost) or {@code voided} (the event that bore it was voided by a correction); and its remaining shelf
 * life as the custody feature last computed it ({@code lot_shelf_life}).
 */
record LotRow(UUID id, String orgId, String code, String kind, String productId, String productNameZh,
              String productNameEn, String commodity, String variety, String uom, BigDecimal quantity,
              BigDecimal onHand, Instant bornAt, String status, String traceCode, String externalCode,
              UUID bornEventId, UUID voidedBy, String plotId, String siteId, String unitId, String growerName,
              Double remainingDays, Instant predictedExpiry, Instant shelfLifeAt) {
    static final List<String> STATUSES = List.of("active", "left", "voided");

    /** The columns {@link #MAPPER} reads, for a query over {@code lot l}, {@code product p} and the lateral {@code s}. */
    static final String COLUMNS = """
            l.id, l.org_id, l.code, l.kind, l.product_id, p.name_zh AS product_name_zh, \
            p.name_en AS product_name_en, l.commodity, l.variety, l.uom, l.quantity, s.on_hand, l.born_at, s.status, \
            l.trace_code, l.external_code, l.born_event_id, l.voided_by, l.plot_id, l.site_id, l.unit_id, \
            l.grower_name, sl.remaining_days, sl.predicted_expiry, sl.computed_at AS shelf_life_at""";
    /** What {@link #COLUMNS} need: the product and the quantity on hand with the status it gives. */
    static final String FROM = """
            lot l
            LEFT JOIN product p ON p.id = l.product_id
            CROSS JOIN LATERAL (
                SELECT COALESCE(h.q, 0) AS on_hand,
                       CASE WHEN l.voided_by IS NOT NULL THEN 'voided'
                            WHEN COALESCE(h.q, 0) > 0 THEN 'active' ELSE 'left' END AS status
                FROM (SELECT sum(m.delta) AS q FROM lot_movement m
                      WHERE m.lot_id = l.id AND m.place_kind <> 'gone') h) s
            LEFT JOIN lot_shelf_life sl ON sl.lot_id = l.id""";

    static final RowMapper<LotRow> MAPPER = rs -> new LotRow(rs.getObject("id", UUID.class), rs.getString("org_id"),
            rs.getString("code"), rs.getString("kind"), rs.getString("product_id"), rs.getString("product_name_zh"),
            rs.getString("product_name_en"), rs.getString("commodity"), rs.getString("variety"), rs.getString("uom"),
            rs.getBigDecimal("quantity"), rs.getBigDecimal("on_hand"), Rows.instant(rs, "born_at"),
            rs.getString("status"), rs.getString("trace_code"), rs.getString("external_code"),
            rs.getObject("born_event_id", UUID.class), rs.getObject("voided_by", UUID.class), rs.getString("plot_id"),
            rs.getString("site_id"), rs.getString("unit_id"), rs.getString("grower_name"),
            Rows.dbl(rs, "remaining_days"), Rows.instant(rs, "predicted_expiry"), Rows.instant(rs, "shelf_life_at"));

    /** The trace code as printed ({@code 7K3M-Q9TX-2D4F-HW8R-5}); null for a harvest batch. */
    String groupedTraceCode() {
        return traceCode == null ? null : new TraceCode(traceCode).grouped();
    }

    /** The JSON of a list row, with the places where it is now. */
    JsonObject toJson(List<Holding> places) {
        JsonArray where = new JsonArray();
        places.forEach(h -> where.add(h.toJson()));
        return new JsonObject().put("id", id.toString()).put("org_id", orgId).put("code", code).put("kind", kind)
                .put("product", productId == null ? null : new JsonObject().put("id", productId)
                        .put("name_zh", productNameZh).put("name_en", productNameEn))
                .put("commodity", commodity).put("variety", variety)
                .put("quantity", Holding.number(quantity))
                .put("on_hand", Holding.number(onHand)).put("uom", uom)
                .put("born_at", Rows.iso(bornAt)).put("status", status).put("trace_code", groupedTraceCode())
                .put("external_code", externalCode).put("places", where)
                .put("shelf_life", remainingDays == null ? null : new JsonObject()
                        .put("remaining_days", Math.round(remainingDays * 10) / 10.0)
                        .put("predicted_expiry", Rows.iso(predictedExpiry)).put("computed_at", Rows.iso(shelfLifeAt)));
    }
}
