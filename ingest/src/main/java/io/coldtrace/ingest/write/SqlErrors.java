package io.coldtrace.ingest.write;

import java.sql.SQLException;

/** Sorts database errors: the data's fault (write alone, dead-letter) versus the database's (retry, never drop). */
final class SqlErrors {
    private SqlErrors() {
    }

    /** Class 22 (data exception) and 23 (integrity violation): retrying the same data cannot succeed. */
    static boolean isDataError(SQLException e) {
        String s = e.getSQLState();
        return s != null && (s.startsWith("22") || s.startsWith("23"));
    }

    /** Class 08 (connection) or no state at all (I/O failure, pool timeout): the database is out of reach. */
    static boolean isConnectionError(SQLException e) {
        String s = e.getSQLState();
        return s == null || s.startsWith("08") || s.startsWith("57P");
    }
}
