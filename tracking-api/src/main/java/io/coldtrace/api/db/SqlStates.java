package io.coldtrace.api.db;

import io.coldtrace.api.http.ClientError;
import java.sql.SQLException;

/** PostgreSQL error codes the API turns into client errors (a race lost to a concurrent writer, not a bug). */
public final class SqlStates {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String EXCLUSION_VIOLATION = "23P01";

    private SqlStates() {
    }

    /** An insert of a row with a caller-chosen id. */
    @FunctionalInterface
    public interface Insert<T> {
        T run() throws SQLException;
    }

    /** Runs {@code insert}; a duplicate key becomes a 409 naming {@code id} ("site s1 exists already"). */
    public static <T> T newId(Insert<T> insert, String what, String id) throws SQLException {
        try {
            return insert.run();
        } catch (SQLException e) {
            if (uniqueViolation(e)) {
                throw ClientError.conflict("id", what + " " + id + " exists already");
            }
            throw e;
        }
    }

    public static boolean uniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    public static boolean exclusionViolation(SQLException e) {
        return EXCLUSION_VIOLATION.equals(e.getSQLState());
    }
}
