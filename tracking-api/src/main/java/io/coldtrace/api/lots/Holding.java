package io.coldtrace.api.lots;

import io.coldtrace.api.db.RowMapper;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A quantity of a lot at one place now: a unit (cold room, truck compartment) with its site, a site outside any unit
 * (a dock), or a farm plot. The place's name is shown, its id links.
 */
record Holding(UUID lotId, String placeKind, String placeId, String name, String siteId, String siteName,
               BigDecimal quantity) {
    /** The columns {@link #MAPPER} reads (see {@code LotQueries.HOLDINGS}). */
    static final RowMapper<Holding> MAPPER = rs -> new Holding(rs.getObject("lot_id", UUID.class),
            rs.getString("place_kind"), rs.getString("place_id"), rs.getString("name"), rs.getString("site_id"),
            rs.getString("site_name"), rs.getBigDecimal("q"));

    JsonObject toJson() {
        return new JsonObject().put("kind", placeKind).put("id", placeId).put("name", name).put("site_id", siteId)
                .put("site_name", siteName).put("quantity", number(quantity));
    }

    /** A stored quantity as a JSON number without trailing zeros ({@code 500.000} is {@code 500}). */
    static BigDecimal number(BigDecimal q) {
        return io.coldtrace.api.db.Rows.quantity(q);
    }
}
