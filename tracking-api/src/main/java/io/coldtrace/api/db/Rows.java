package io.coldtrace.api.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** Reads typed column values for row mappers (NULL as null), and writes instants as JSON shows them. */
public final class Rows {
    private Rows() {
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

    /** A stored quantity as a JSON number without trailing zeros ({@code 500.000} is {@code 500}), or null. */
    public static java.math.BigDecimal quantity(java.math.BigDecimal q) {
        if (q == null) {
            return null;
        }
        java.math.BigDecimal s = q.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
