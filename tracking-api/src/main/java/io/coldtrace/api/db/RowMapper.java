package io.coldtrace.api.db;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Turns the current row of a result set into a record; one explicit mapper per record, next to its query. */
@FunctionalInterface
public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
}
