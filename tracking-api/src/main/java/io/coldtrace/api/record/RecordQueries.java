package io.coldtrace.api.record;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** SQL the daily record needs beyond the history queries. */
final class RecordQueries {
    private static final String REPORT_INTERVAL = """
            SELECT max(d.report_interval_s)
            FROM device_binding b JOIN device d ON d.id = b.device_id
            WHERE b.unit_id = ? AND b.valid && tstzrange(?, ?)""";

    private RecordQueries() {
    }

    /** The longest reporting interval (s) of the devices bound to the unit during from..to; null if none known. */
    static Integer reportIntervalSeconds(Connection c, String unitId, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(REPORT_INTERVAL)) {
            ps.setString(1, unitId);
            ps.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            ps.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int s = rs.getInt(1);
                return rs.wasNull() ? null : s;
            }
        }
    }
}
