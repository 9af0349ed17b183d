package io.coldtrace.api.devices;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A device that reported but sits in no unit now. */
public record UnclaimedDeviceRow(String extId, String siteHint, Instant firstSeen, Instant lastTs,
                                 Instant lastIngestedAt, long msgs, String firmware, String status) {
    /** The columns {@link #MAPPER} reads, over {@code device_unclaimed d}, but for the status. */
    static final String COLUMNS = "d.ext_id, d.site_hint, d.first_seen, d.last_ts, d.last_ingested_at, d.msgs, "
            + "d.firmware";

    static final RowMapper<UnclaimedDeviceRow> MAPPER = rs -> new UnclaimedDeviceRow(rs.getString("ext_id"),
            rs.getString("site_hint"), Rows.instant(rs, "first_seen"), Rows.instant(rs, "last_ts"),
            Rows.instant(rs, "last_ingested_at"), rs.getLong("msgs"), rs.getString("firmware"),
            rs.getString("status"));

    /** The JSON of the API. */
    public JsonObject toJson() {
        return new JsonObject().put("ext_id", extId).put("site_hint", siteHint)
                .put("first_seen", Rows.iso(firstSeen)).put("last_ts", Rows.iso(lastTs))
                .put("last_ingested_at", Rows.iso(lastIngestedAt)).put("msgs", msgs).put("firmware", firmware)
                .put("status", status);
    }
}
