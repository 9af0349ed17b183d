package io.coldtrace.api.db;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Turns result rows into JSON objects keyed by column label; times become ISO-8601 UTC instants. */
public final class Rows {
    private Rows() {
    }

    /** Runs {@code sql} with bind parameters {@code params} and returns every row. */
    public static JsonArray list(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return list(ps);
        }
    }

    /** Runs {@code sql} with bind parameters {@code params} and returns the first row, if any. */
    public static Optional<JsonObject> first(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return first(ps);
        }
    }

    /** Runs a statement without result rows; returns the count of rows it changed. */
    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    /** Prepares {@code sql} and binds {@code params} in order; an Instant binds as timestamptz. */
    public static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i] instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : params[i];
                if (p == null) {
                    ps.setNull(i + 1, Types.NULL);
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    /** Executes {@code ps} and returns every row. */
    public static JsonArray list(PreparedStatement ps) throws SQLException {
        JsonArray out = new JsonArray();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    /** Executes {@code ps} and returns the first row, if any. */
    public static Optional<JsonObject> first(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(row(rs)) : Optional.empty();
        }
    }

    /**
     * A {@code real} column as the double it was written as (3.3, not 3.299999952316284), or null when NULL.
     */
    public static Double real(ResultSet rs, String column) throws SQLException {
        float f = rs.getFloat(column);
        return rs.wasNull() ? null : Double.valueOf(Float.toString(f));
    }

    /** A double precision column, or null when NULL. */
    public static Double dbl(ResultSet rs, String column) throws SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? null : d;
    }

    /** An integer column, or null when NULL. */
    public static Integer integer(ResultSet rs, String column) throws SQLException {
        int i = rs.getInt(column);
        return rs.wasNull() ? null : i;
    }

    /** A bigint column, or null when NULL. */
    public static Long lng(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Long.class);
    }

    /** A boolean column, or null when NULL. */
    public static Boolean bool(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Boolean.class);
    }

    /** An instant as JSON shows it (ISO-8601 UTC), or null. */
    public static String iso(java.time.Instant t) {
        return t == null ? null : t.toString();
    }

    /** A timestamptz column as an instant, or null. */
    public static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static JsonObject row(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        JsonObject o = new JsonObject();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            o.put(md.getColumnLabel(i), value(rs, i, md.getColumnType(i)));
        }
        return o;
    }

    private static Object value(ResultSet rs, int i, int type) throws SQLException {
        Object v = switch (type) {
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                yield t == null ? null : t.toInstant().toString();
            }
            case Types.REAL -> rs.getFloat(i);
            case Types.DOUBLE, Types.FLOAT -> rs.getDouble(i);
            case Types.BIGINT -> rs.getLong(i);
            case Types.INTEGER, Types.SMALLINT -> rs.getInt(i);
            case Types.BOOLEAN, Types.BIT -> rs.getBoolean(i);
            default -> rs.getString(i);
        };
        return rs.wasNull() ? null : v;
    }
}
