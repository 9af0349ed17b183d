package io.coldtrace.api.custody;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A leg of custody: an interval in which a lot (or an ancestor of it, {@code depth} steps up) held quantity at one
 * place. Places are units (cold rooms, truck compartments), sites outside any unit, and farm plots.
 */
public record Leg(UUID lotId, String lotCode, int depth, String placeKind, String placeId, String placeName,
                  String unitKind, String siteId, String siteName, Instant from, Instant to, boolean open,
                  BigDecimal quantity, String probe) {
    static final RowMapper<Leg> MAPPER = rs -> new Leg(rs.getObject("lot_id", UUID.class), rs.getString("code"),
            rs.getInt("depth"), rs.getString("place_kind"), rs.getString("place_id"), rs.getString("place_name"),
            rs.getString("unit_kind"), rs.getString("site_id"), rs.getString("site_name"), Rows.instant(rs, "f"),
            Rows.instant(rs, "t"), rs.getBoolean("open"), rs.getBigDecimal("qty_max"), rs.getString("probe"));

    public double minutes() {
        return Duration.between(from, to).toMillis() / 60_000.0;
    }

    public boolean inUnit() {
        return placeKind.equals("unit");
    }
}
