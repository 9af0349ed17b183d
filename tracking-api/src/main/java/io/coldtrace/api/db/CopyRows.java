package io.coldtrace.api.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of one table kept until {@link #write} stores them with one {@link CopyStream}: thousands of rows in one
 * round trip, without a bound parameter per value, stored as the same INSERT with parameters would store them.
 */
public final class CopyRows {
    private final String table;
    private final List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();

    private CopyRows(String table, List<String> columns) {
        this.table = table;
        this.columns = columns;
    }

    /** Rows for {@code columns} of {@code table}. */
    public static CopyRows of(String table, String... columns) {
        return new CopyRows(table, List.of(columns));
    }

    /** Adds a row: one value per column, in their order, of the types {@link CopyStream#add} takes. */
    public CopyRows add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(columns.size() + " columns, " + values.length + " values: " + table);
        }
        rows.add(values);
        return this;
    }

    /** Stores the rows added since the last write, in their order, and forgets them. */
    public void write(Connection c) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (CopyStream copy = stream(c)) {
            for (Object[] row : rows) {
                copy.add(row);
            }
            copy.end();
        }
        rows.clear();
    }

    /** A stream of rows for the same columns, sent as they are added. */
    public CopyStream stream(Connection c) {
        return new CopyStream(c, table, columns);
    }
}
