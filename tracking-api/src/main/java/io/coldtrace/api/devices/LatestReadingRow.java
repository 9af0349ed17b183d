package io.coldtrace.api.devices;

import io.coldtrace.api.db.ChannelValues;
import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.coldtrace.core.telemetry.Channel;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A device's latest reading with the unit it is in now (null when unbound) and its status.
 *
 * @param channels every channel of the reading, under its column name in the JSON
 */
public record LatestReadingRow(String extId, String siteHint, String unitId, Instant ts, long seq,
                               ChannelValues channels, Instant lastIngestedAt, String status) {
    /** The columns {@link #MAPPER} reads, over {@code device_latest l JOIN device d} and a binding {@code b}. */
    static final String COLUMNS = "d.ext_id, d.site_hint, b.unit_id, l.ts, l.seq, " + Channel.columns("l")
            + ", l.ingested_at AS last_ingested_at";

    static final RowMapper<LatestReadingRow> MAPPER = rs -> new LatestReadingRow(rs.getString("ext_id"),
            rs.getString("site_hint"), rs.getString("unit_id"), Rows.instant(rs, "ts"), rs.getLong("seq"),
            ChannelValues.read(rs), Rows.instant(rs, "last_ingested_at"), rs.getString("status"));

    /** The JSON of the API: the device's fields with every channel in between. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject().put("ext_id", extId).put("site_hint", siteHint).put("unit_id", unitId)
                .put("ts", Rows.iso(ts)).put("seq", seq);
        return channels.putInto(o).put("last_ingested_at", Rows.iso(lastIngestedAt)).put("status", status);
    }
}
