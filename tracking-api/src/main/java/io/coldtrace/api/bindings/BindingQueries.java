package io.coldtrace.api.bindings;

import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * SQL of device_binding. A binding is open while its range has no upper bound; the table's exclusion constraint
 * keeps the bindings of one device from overlapping, whatever races the API loses.
 */
public final class BindingQueries {
    private static final String COLUMNS = """
            b.id, b.unit_id, d.ext_id AS device, lower(b.valid) AS "from", upper(b.valid) AS "to", b.created_at""";
    private static final String LOCK_DEVICE = "SELECT id FROM device WHERE ext_id = ? FOR UPDATE";
    private static final String OPEN_OF_DEVICE = """
            SELECT b.id, b.unit_id, s.org_id, lower(b.valid) AS "from"
            FROM device_binding b JOIN unit u ON u.id = b.unit_id LEFT JOIN site s ON s.id = u.site_id
            WHERE b.device_id = ? AND upper_inf(b.valid)
            FOR UPDATE OF b""";
    private static final String OPEN_ON_UNIT = """
            SELECT b.id, lower(b.valid) AS "from" FROM device_binding b JOIN device d ON d.id = b.device_id
            WHERE b.unit_id = ? AND d.ext_id = ? AND upper_inf(b.valid)
            FOR UPDATE OF b""";
    private static final String CLOSE = "UPDATE device_binding SET valid = tstzrange(lower(valid), ?) WHERE id = ?";
    private static final String INSERT = """
            INSERT INTO device_binding (device_id, unit_id, valid) VALUES (?, ?, tstzrange(?, NULL)) RETURNING id""";
    private static final String GET = "SELECT %s FROM device_binding b JOIN device d ON d.id = b.device_id WHERE b.id = ?"
            .formatted(COLUMNS);
    private static final String HISTORY = """
            SELECT %s FROM device_binding b JOIN device d ON d.id = b.device_id
            WHERE b.unit_id = ? ORDER BY lower(b.valid) DESC, b.id DESC LIMIT ?""".formatted(COLUMNS);
    private static final String NOW = "SELECT now()";

    private BindingQueries() {
    }

    /** The database id of device {@code ext}, locked until the transaction ends (bindings of one device queue). */
    public static Optional<Integer> lockDevice(Connection c, String ext) throws SQLException {
        return Rows.first(c, LOCK_DEVICE, ext).map(r -> r.getInteger("id"));
    }

    /** The device's open binding (id, unit_id, org_id of the unit, from), locked. */
    public static Optional<JsonObject> openOfDevice(Connection c, int deviceId) throws SQLException {
        return Rows.first(c, OPEN_OF_DEVICE, deviceId);
    }

    /** The open binding of device {@code ext} in unit {@code unitId} (id, from), locked. */
    public static Optional<JsonObject> openOnUnit(Connection c, String unitId, String ext) throws SQLException {
        return Rows.first(c, OPEN_ON_UNIT, unitId, ext);
    }

    /** Ends binding {@code id} at {@code at} (which must lie after its start). */
    public static void close(Connection c, long id, Instant at) throws SQLException {
        Rows.update(c, CLOSE, at, id);
    }

    /** Opens a binding of the device in the unit from {@code from}; an overlap fails with an exclusion violation. */
    public static JsonObject open(Connection c, int deviceId, String unitId, Instant from) throws SQLException {
        long id = Rows.first(c, INSERT, deviceId, unitId, from).orElseThrow().getLong("id");
        return Rows.first(c, GET, id).orElseThrow();
    }

    public static JsonObject get(Connection c, long id) throws SQLException {
        return Rows.first(c, GET, id).orElseThrow();
    }

    /** Every binding of the unit, the newest first. */
    public static JsonArray history(Connection c, String unitId, int limit) throws SQLException {
        return Rows.list(c, HISTORY, unitId, limit);
    }

    /** The transaction's time, so that "now" is one instant throughout a request. */
    public static Instant now(Connection c) throws SQLException {
        return OffsetDateTime.parse(Rows.first(c, NOW).orElseThrow().getString("now")).toInstant();
    }
}
