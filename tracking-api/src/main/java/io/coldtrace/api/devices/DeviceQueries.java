package io.coldtrace.api.devices;

import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * SQL of the device views. A device without a declared status counts as online while its last message is younger
 * than three reporting intervals (60 s when it never declared one).
 */
public final class DeviceQueries {
    private static final String STATUS = """
            COALESCE(d.status, CASE WHEN d.last_ingested_at > now()
                     - make_interval(secs => 3 * COALESCE(d.report_interval_s, 60)) THEN 'online' ELSE 'offline' END)""";
    private static final String SITE_FILTER = "(CAST(? AS text) IS NULL OR d.site_hint = ?)";

    private static final String LATEST = """
            SELECT d.ext_id, d.site_hint, b.unit_id, l.ts, l.seq,
                   l.t_air, l.t_return, l.t_supply, l.t_product, l.rh, l.door_open, l.setpoint, l.defrost,
                   l.compressor_on, l.battery, l.lat, l.lon, l.speed,
                   l.ingested_at AS last_ingested_at, %s AS status
            FROM device_latest l
            JOIN device d ON d.id = l.device_id
            LEFT JOIN device_binding b ON b.device_id = d.id AND b.valid @> now()
            WHERE %s
            ORDER BY d.ext_id
            LIMIT ?""".formatted(STATUS, SITE_FILTER);

    private static final String UNCLAIMED = """
            SELECT d.ext_id, d.site_hint, d.first_seen, d.last_ts, d.last_ingested_at, d.msgs, d.firmware,
                   %s AS status
            FROM device_unclaimed d
            WHERE %s
            ORDER BY d.ext_id
            LIMIT ?""".formatted(STATUS, SITE_FILTER);

    private static final String COMPLETENESS = """
            SELECT ext_id, min_seq, max_seq, msgs, missing_msgs FROM device_completeness WHERE ext_id = ?""";

    private DeviceQueries() {
    }

    /** Latest reading per device with its current unit (null when unbound); {@code site} null = every site. */
    public static JsonArray latest(Connection c, String site, int limit) throws SQLException {
        return siteList(c, LATEST, site, limit);
    }

    /** Devices that reported but sit in no unit now. */
    public static JsonArray unclaimed(Connection c, String site, int limit) throws SQLException {
        return siteList(c, UNCLAIMED, site, limit);
    }

    /** Sequence-number completeness of the device with external id {@code extId}. */
    public static Optional<JsonObject> completeness(Connection c, String extId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COMPLETENESS)) {
            ps.setString(1, extId);
            return Rows.first(ps);
        }
    }

    private static JsonArray siteList(Connection c, String sql, String site, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, site);
            ps.setString(2, site);
            ps.setInt(3, limit);
            return Rows.list(ps);
        }
    }
}
