package io.coldtrace.api.devices;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * SQL of the device views. A device is seen through the unit it is in now (its site's organisation); a device in
 * no unit is nobody's yet. A device without a declared status counts as online while its last message is younger
 * than three reporting intervals (60 s when it never declared one).
 */
public final class DeviceQueries {
    private static final String STATUS = """
            COALESCE(d.status, CASE WHEN d.last_ingested_at > now()
                     - make_interval(secs => 3 * COALESCE(d.report_interval_s, 60)) THEN 'online' ELSE 'offline' END)""";
    private static final String SITE_FILTER = "(CAST(:site AS text) IS NULL OR d.site_hint = :site)";
    /** The device's current unit and that unit's site, if any. */
    private static final String CURRENT_UNIT = """
            LEFT JOIN device_binding b ON b.device_id = %s AND b.valid @> now()
            LEFT JOIN unit u ON u.id = b.unit_id
            LEFT JOIN site s ON s.id = u.site_id""";

    private static final Sql LATEST = Sql.of("""
            SELECT %s, %s AS status
            FROM device_latest l
            JOIN device d ON d.id = l.device_id
            %s
            WHERE %s AND %s
            ORDER BY d.ext_id
            LIMIT :limit""".formatted(LatestReadingRow.COLUMNS, STATUS, CURRENT_UNIT.formatted("d.id"),
            Visibility.owned("s.org_id"), SITE_FILTER));

    /**
     * Unclaimed devices belong to nobody yet, so every reader sees them to claim them; but one that reports on a site
     * of another organisation (its topic names that site) is that organisation's to claim, and stays out of sight.
     */
    private static final Sql UNCLAIMED = Sql.of("""
            SELECT %s, %s AS status
            FROM device_unclaimed d
            WHERE %s
              AND NOT EXISTS (SELECT 1 FROM site hs WHERE hs.id = d.site_hint AND NOT %s)
            ORDER BY d.ext_id
            LIMIT :limit""".formatted(UnclaimedDeviceRow.COLUMNS, STATUS, SITE_FILTER, Visibility.owned("hs.org_id")));

    private static final Sql COMPLETENESS = Sql.of("""
            SELECT %s
            FROM device_completeness c
            %s
            WHERE c.ext_id = :ext AND %s""".formatted(CompletenessRow.COLUMNS, CURRENT_UNIT.formatted("c.id"),
            Visibility.owned("s.org_id")));

    private DeviceQueries() {
    }

    /**
     * Latest reading per device with its current unit (null when unbound); {@code site} null = every site. Outside
     * an unscoped admin's view only devices now in a unit of the caller's organisation appear.
     */
    public static List<LatestReadingRow> latest(Connection c, Visibility vis, String site, int limit)
            throws SQLException {
        return LATEST.bind(vis).bind("site", site).bind("limit", limit).list(c, LatestReadingRow.MAPPER);
    }

    /**
     * Devices that reported but sit in no unit now: nobody's yet, so every reader may see them to claim them (no
     * visibility applies).
     */
    public static List<UnclaimedDeviceRow> unclaimed(Connection c, Visibility vis, String site, int limit)
            throws SQLException {
        return UNCLAIMED.bind(vis).bind("site", site).bind("limit", limit).list(c, UnclaimedDeviceRow.MAPPER);
    }

    /** Sequence-number completeness of the device with external id {@code extId}, if the caller may see it. */
    public static Optional<CompletenessRow> completeness(Connection c, Visibility vis, String extId)
            throws SQLException {
        return COMPLETENESS.bind(vis).bind("ext", extId).first(c, CompletenessRow.MAPPER);
    }
}
