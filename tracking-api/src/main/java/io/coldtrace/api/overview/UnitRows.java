package io.coldtrace.api.overview;

import io.coldtrace.api.db.Rows;
import io.coldtrace.core.quality.Band;
import io.vertx.core.json.JsonObject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * The SQL of "a unit with its current reading" and how a row of it becomes JSON. Shared by the overview and the live
 * stream so both judge a unit the same way: unit → current device_binding (the newest if several) → device_latest,
 * value = the profile's probe (air without a profile), offline after 3 × the device's reporting interval (60 s when
 * it never declared one).
 */
public final class UnitRows {
    /** Seconds without data after which a device counts as offline, as an SQL expression over device {@code d}. */
    static final String OFFLINE_AFTER = "3 * COALESCE(d.report_interval_s, 60)";

    /** Select list and joins; callers add WHERE and ORDER BY. */
    public static final String SELECT = """
            SELECT s.id AS site_id, s.name AS site_name, s.kind AS site_kind, s.org_id,
                   u.id, u.name, u.kind, u.temp_class, COALESCE(p.probe, 'air') AS probe,
                   p.low_crit_c, p.low_warn_c, p.high_warn_c, p.high_crit_c,
                   d.ext_id AS device, %1$s AS offline_after_s,
                   COALESCE(d.last_ingested_at, l.ingested_at) AS last_seen,
                   COALESCE(d.last_ingested_at, l.ingested_at) < now() - make_interval(secs => %1$s) AS offline,
                   l.device_id IS NOT NULL AS has_reading, l.ts, l.ingested_at, l.door_open, l.defrost,
                   CASE COALESCE(p.probe, 'air') WHEN 'air' THEN l.t_air WHEN 'return' THEN l.t_return
                        WHEN 'supply' THEN l.t_supply ELSE l.t_product END AS value,
                   (SELECT count(*) FROM alarm a WHERE a.unit_id = u.id AND a.state <> 'resolved') AS open_alarms
            FROM unit u
            JOIN site s ON s.id = u.site_id
            LEFT JOIN limit_profile p ON p.id = u.profile_id
            LEFT JOIN LATERAL (SELECT b.device_id FROM device_binding b
                               WHERE b.unit_id = u.id AND b.valid @> now()
                               ORDER BY lower(b.valid) DESC LIMIT 1) cur ON true
            LEFT JOIN device d ON d.id = cur.device_id
            LEFT JOIN device_latest l ON l.device_id = cur.device_id
            """.formatted(OFFLINE_AFTER);

    private UnitRows() {
    }

    /** The unit of the current row, as the overview lists it. */
    public static JsonObject unit(ResultSet rs) throws SQLException {
        Band band = new Band(Rows.real(rs, "low_crit_c"), Rows.real(rs, "low_warn_c"),
                Rows.real(rs, "high_warn_c"), Rows.real(rs, "high_crit_c"));
        Double value = Rows.real(rs, "value");
        boolean hasReading = rs.getBoolean("has_reading");
        boolean offline = rs.getBoolean("offline");
        return new JsonObject()
                .put("id", rs.getString("id"))
                .put("name", rs.getString("name"))
                .put("kind", rs.getString("kind"))
                .put("temp_class", rs.getString("temp_class"))
                .put("probe", rs.getString("probe"))
                .put("band", new JsonObject().put("low_crit", band.lowCrit()).put("low_warn", band.lowWarn())
                        .put("high_warn", band.highWarn()).put("high_crit", band.highCrit()))
                .put("device", rs.getString("device"))
                .put("value", value)
                .put("ts", instant(rs, "ts"))
                .put("door_open", bool(rs, "door_open"))
                .put("defrost", bool(rs, "defrost"))
                .put("last_seen", instant(rs, "last_seen"))
                .put("offline_after_s", rs.getInt("offline_after_s"))
                .put("status", UnitStatus.of(hasReading, offline, value, band))
                .put("open_alarms", rs.getLong("open_alarms"));
    }

    private static Boolean bool(ResultSet rs, String col) throws SQLException {
        boolean b = rs.getBoolean(col);
        return rs.wasNull() ? null : b;
    }

    static String instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant().toString();
    }
}
