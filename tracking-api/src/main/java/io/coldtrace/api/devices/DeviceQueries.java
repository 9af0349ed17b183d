package io.coldtrace.api.devices;

import io.coldtrace.api.auth.OrgScope;
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
            LEFT JOIN unit u ON u.id = b.unit_id
            LEFT JOIN site s ON s.id = u.site_id
            WHERE %s AND %s
            ORDER BY d.ext_id
            LIMIT ?""".formatted(STATUS, OrgScope.filter("s.org_id"), SITE_FILTER);

    private static final String UNCLAIMED = """
            SELECT d.ext_id, d.site_hint, d.first_seen, d.last_ts, d.last_ingested_at, d.msgs, d.firmware,
                   %s AS status
            FROM device_unclaimed d
            WHERE %s
            ORDER BY d.ext_id
            LIMIT ?""".formatted(STATUS, SITE_FILTER);

    private static final String COMPLETENESS = """
            SELECT c.ext_id, c.min_seq, c.max_seq, c.msgs, c.missing_msgs
            FROM device_completeness c
            LEFT JOIN device_binding b ON b.device_id = c.id AND b.valid @> now()
            LEFT JOIN unit u ON u.id = b.unit_id
            LEFT JOIN site s ON s.id = u.site_id
            WHERE c.ext_id = ? AND %s""".formatted(OrgScope.filter("s.org_id"));

    private DeviceQueries() {
    }

    /**
     * Latest reading per device with its current unit (null when unbound); {@code site} null = every site. Outside
     * an unscoped admin's view only devices now in a unit of the caller's organisation appear.
     */
    public static JsonArray latest(Connection c, OrgScope scope, String site, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LATEST)) {
            ps.setBoolean(1, scope.all());
            ps.setString(2, scope.orgId());
            ps.setString(3, site);
            ps.setString(4, site);
            ps.setInt(5, limit);
            return Rows.list(ps);
        }
    }

    /** Devices that reported but sit in no unit now: nobody's yet, so every reader may see them to claim them. */
    public static JsonArray unclaimed(Connection c, String site, int limit) throws SQLException {
        return siteList(c, UNCLAIMED, site, limit);
    }

    /** Sequence-number completeness of the device with external id {@code extId}, if the caller may see it. */
    public static Optional<JsonObject> completeness(Connection c, OrgScope scope, String extId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COMPLETENESS)) {
            ps.setString(1, extId);
            ps.setBoolean(2, scope.all());
            ps.setString(3, scope.orgId());
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
