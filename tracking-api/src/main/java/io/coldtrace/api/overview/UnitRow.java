package io.coldtrace.api.overview;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.http.BandJson;
import io.coldtrace.core.quality.Band;
import io.coldtrace.core.telemetry.Channel;
import io.coldtrace.core.telemetry.ProbeRole;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A unit with its current reading: its site, the probe and band its profile judges it by, its device and that
 * device's latest value. Shared by the overview and the live stream so both judge a unit the same way: unit →
 * current device_binding (the newest if several) → device_latest, value = the profile's probe (air without a
 * profile), offline after 3 × the device's reporting interval (60 s when it never declared one).
 *
 * @param value        the judged probe's value (null: no reading, or the probe sent nothing)
 * @param hasReading   whether the device has a latest reading at all
 * @param offline      whether the device has been silent longer than {@code offlineAfterS}
 */
public record UnitRow(String siteId, String siteName, String siteKind, String orgId, String id, String name,
                      String kind, String tempClass, String probe, Band band, String device, int offlineAfterS,
                      Instant lastSeen, boolean offline, boolean hasReading, Instant ts, Instant ingestedAt,
                      Boolean doorOpen, Boolean defrost, Double value, long openAlarms) {
    /** Seconds without data after which a device counts as offline, as an SQL expression over device {@code d}. */
    static final String OFFLINE_AFTER = "3 * COALESCE(d.report_interval_s, 60)";
    /** The probe a unit is judged by: its profile's, air without one. */
    private static final String PROBE = "COALESCE(p.probe, '" + ProbeRole.AIR.wire() + "')";

    /** Select list and joins that {@link #MAPPER} reads; callers add WHERE and ORDER BY (no parameters here). */
    public static final String SELECT = """
            SELECT s.id AS site_id, s.name AS site_name, s.kind AS site_kind, s.org_id,
                   u.id, u.name, u.kind, u.temp_class, %2$s AS probe,
                   p.low_crit_c, p.low_warn_c, p.high_warn_c, p.high_crit_c,
                   d.ext_id AS device, %1$s AS offline_after_s,
                   COALESCE(d.last_ingested_at, l.ingested_at) AS last_seen,
                   COALESCE(d.last_ingested_at, l.ingested_at) < now() - make_interval(secs => %1$s) AS offline,
                   l.device_id IS NOT NULL AS has_reading, l.ts, l.ingested_at, l.door_open, l.defrost,
                   %3$s AS value,
                   (SELECT count(*) FROM alarm a WHERE a.unit_id = u.id AND a.state <> 'resolved') AS open_alarms
            FROM unit u
            JOIN site s ON s.id = u.site_id
            LEFT JOIN limit_profile p ON p.id = u.profile_id
            LEFT JOIN LATERAL (SELECT b.device_id FROM device_binding b
                               WHERE b.unit_id = u.id AND b.valid @> now()
                               ORDER BY lower(b.valid) DESC LIMIT 1) cur ON true
            LEFT JOIN device d ON d.id = cur.device_id
            LEFT JOIN device_latest l ON l.device_id = cur.device_id
            """.formatted(OFFLINE_AFTER, PROBE, Channel.probeColumnSql(PROBE, "l"));

    public static final RowMapper<UnitRow> MAPPER = rs -> new UnitRow(rs.getString("site_id"),
            rs.getString("site_name"), rs.getString("site_kind"), rs.getString("org_id"), rs.getString("id"),
            rs.getString("name"), rs.getString("kind"), rs.getString("temp_class"), rs.getString("probe"),
            new Band(Rows.real(rs, "low_crit_c"), Rows.real(rs, "low_warn_c"), Rows.real(rs, "high_warn_c"),
                    Rows.real(rs, "high_crit_c")),
            rs.getString("device"), rs.getInt("offline_after_s"), Rows.instant(rs, "last_seen"),
            rs.getBoolean("offline"), rs.getBoolean("has_reading"), Rows.instant(rs, "ts"),
            Rows.instant(rs, "ingested_at"), Rows.bool(rs, "door_open"), Rows.bool(rs, "defrost"),
            Rows.real(rs, "value"), rs.getLong("open_alarms"));

    /** ok, warning, critical, offline or no_data ({@link UnitStatus}). */
    public String status() {
        return UnitStatus.of(hasReading, offline, value, band);
    }

    /** The unit as the overview lists it. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("id", id)
                .put("name", name)
                .put("kind", kind)
                .put("temp_class", tempClass)
                .put("probe", probe)
                .put("band", BandJson.of(band))
                .put("device", device)
                .put("value", value)
                .put("ts", Rows.iso(ts))
                .put("door_open", doorOpen)
                .put("defrost", defrost)
                .put("last_seen", Rows.iso(lastSeen))
                .put("offline_after_s", offlineAfterS)
                .put("status", status())
                .put("open_alarms", openAlarms);
    }
}
