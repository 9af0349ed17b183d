package io.coldtrace.api.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** SQL of the readiness check: is the schema this build needs there, and which telemetry storage is in force. */
public final class ReadinessQueries {
    /** What the database says about the schema; {@code storage} is null when migrations have not run. */
    public record Schema(boolean migrated, String storage) {
    }

    private static final String SCHEMA = """
            SELECT to_regclass('ct_meta') IS NOT NULL AND to_regclass('api_token') IS NOT NULL""";
    private static final String STORAGE = "SELECT value FROM ct_meta WHERE key = 'storage_mode'";

    private ReadinessQueries() {
    }

    public static Schema schema(Connection c, int timeoutSeconds) throws SQLException {
        if (!bool(c, SCHEMA, timeoutSeconds)) {
            return new Schema(false, null);
        }
        try (PreparedStatement ps = c.prepareStatement(STORAGE)) {
            ps.setQueryTimeout(timeoutSeconds);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Schema(true, rs.getString(1)) : new Schema(false, null);
            }
        }
    }

    private static boolean bool(Connection c, String sql, int timeoutSeconds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(timeoutSeconds);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
