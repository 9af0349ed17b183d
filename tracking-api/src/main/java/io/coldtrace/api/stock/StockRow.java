package io.coldtrace.api.stock;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A lot on hand at a place of a site, with its remaining shelf life as last computed (null when none yet). */
record StockRow(String siteId, String siteName, UUID lotId, String code, String lotKind, String productId,
                String nameZh, String nameEn, String commodity, String uom, String placeKind, String placeId,
                String placeName, BigDecimal quantity, Instant arrivedAt, Instant lastMove, Double remainingDays,
                Instant predictedExpiry, Instant shelfLifeAt) {
    static final RowMapper<StockRow> MAPPER = rs -> new StockRow(rs.getString("site_id"), rs.getString("site_name"),
            rs.getObject("lot_id", UUID.class), rs.getString("code"), rs.getString("lot_kind"),
            rs.getString("product_id"), rs.getString("name_zh"), rs.getString("name_en"), rs.getString("commodity"),
            rs.getString("uom"), rs.getString("place_kind"), rs.getString("place_id"), rs.getString("place_name"),
            rs.getBigDecimal("q"), Rows.instant(rs, "arrived_at"), Rows.instant(rs, "last_move"),
            Rows.dbl(rs, "remaining_days"), Rows.instant(rs, "predicted_expiry"), Rows.instant(rs, "shelf_life_at"));

    /** The group whose outbound rate the lot sells at: its product and unit at its site. */
    String group() {
        return siteId + "|" + productId + "|" + uom;
    }
}
