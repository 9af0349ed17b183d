package io.coldtrace.api.bindings;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * SQL of device_binding. A binding is open while its range has no upper bound; the table's exclusion constraint
 * keeps the bindings of one device from overlapping, whatever races the API loses. A binding is seen through its
 * unit's site's organisation: the routes check the unit with {@link #unitVisible} first.
 */
public final class BindingQueries {
    private static final Sql UNIT_VISIBLE = Sql.of("""
            SELECT u.id FROM unit u JOIN site s ON s.id = u.site_id WHERE %s AND u.id = :unit"""
            .formatted(Visibility.owned("s.org_id")));
    private static final Sql LOCK_DEVICE = Sql.of("SELECT id FROM device WHERE ext_id = :ext FOR UPDATE");
    private static final String OPEN_FROM = """
            FROM device_binding b JOIN unit u ON u.id = b.unit_id LEFT JOIN site s ON s.id = u.site_id""";
    private static final Sql OPEN_OF_DEVICE = Sql.of("""
            SELECT %s %s
            WHERE b.device_id = :device AND upper_inf(b.valid)
            FOR UPDATE OF b""".formatted(OpenBinding.COLUMNS, OPEN_FROM));
    private static final Sql OPEN_ON_UNIT = Sql.of("""
            SELECT %s %s JOIN device d ON d.id = b.device_id
            WHERE b.unit_id = :unit AND d.ext_id = :ext AND upper_inf(b.valid)
            FOR UPDATE OF b""".formatted(OpenBinding.COLUMNS, OPEN_FROM));
    private static final Sql CLOSE = Sql.of("""
            UPDATE device_binding SET valid = tstzrange(lower(valid), :at) WHERE id = :id""");
    private static final Sql INSERT = Sql.of("""
            INSERT INTO device_binding (device_id, unit_id, valid) VALUES (:device, :unit, tstzrange(:from, NULL))
            RETURNING id""");
    private static final String BINDINGS = "device_binding b JOIN device d ON d.id = b.device_id";
    private static final Sql GET = Sql.of("SELECT %s FROM %s WHERE b.id = :id".formatted(BindingRow.COLUMNS, BINDINGS));
    private static final Sql HISTORY = Sql.of("""
            SELECT %s FROM %s
            WHERE b.unit_id = :unit ORDER BY lower(b.valid) DESC, b.id DESC LIMIT :limit"""
            .formatted(BindingRow.COLUMNS, BINDINGS));
    private static final Sql NOW = Sql.of("SELECT now()");

    private BindingQueries() {
    }

    /** Whether the caller sees unit {@code unitId}. */
    public static boolean unitVisible(Connection c, Visibility vis, String unitId) throws SQLException {
        return UNIT_VISIBLE.bind(vis).bind("unit", unitId).first(c, rs -> rs.getString("id")).isPresent();
    }

    /** The database id of device {@code ext}, locked until the transaction ends (bindings of one device queue). */
    public static Optional<Integer> lockDevice(Connection c, String ext) throws SQLException {
        return LOCK_DEVICE.bind("ext", ext).first(c, rs -> rs.getInt("id"));
    }

    /** The device's open binding, locked. */
    static Optional<OpenBinding> openOfDevice(Connection c, int deviceId) throws SQLException {
        return OPEN_OF_DEVICE.bind("device", deviceId).first(c, OpenBinding.MAPPER);
    }

    /** The open binding of device {@code ext} in unit {@code unitId}, locked. */
    static Optional<OpenBinding> openOnUnit(Connection c, String unitId, String ext) throws SQLException {
        return OPEN_ON_UNIT.bind("unit", unitId).bind("ext", ext).first(c, OpenBinding.MAPPER);
    }

    /** Ends binding {@code id} at {@code at} (which must lie after its start). */
    public static void close(Connection c, long id, Instant at) throws SQLException {
        CLOSE.bind("at", at).bind("id", id).update(c);
    }

    /** Opens a binding of the device in the unit from {@code from}; an overlap fails with an exclusion violation. */
    public static BindingRow open(Connection c, int deviceId, String unitId, Instant from) throws SQLException {
        long id = INSERT.bind("device", deviceId).bind("unit", unitId).bind("from", from)
                .first(c, rs -> rs.getLong("id")).orElseThrow();
        return get(c, id);
    }

    public static BindingRow get(Connection c, long id) throws SQLException {
        return GET.bind("id", id).first(c, BindingRow.MAPPER).orElseThrow();
    }

    /** Every binding of the unit, the newest first. */
    public static List<BindingRow> history(Connection c, String unitId, int limit) throws SQLException {
        return HISTORY.bind("unit", unitId).bind("limit", limit).list(c, BindingRow.MAPPER);
    }

    /** The transaction's time, so that "now" is one instant throughout a request. */
    public static Instant now(Connection c) throws SQLException {
        return NOW.bound().first(c, rs -> Rows.instant(rs, "now")).orElseThrow();
    }
}
