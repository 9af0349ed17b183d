package io.coldtrace.api.db;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An INSERT of a fixed list of columns, one value per column in their order: one row as a statement
 * ({@link #row}, parameters named as the columns), many rows as one COPY ({@link #rows}). Both store the same values.
 */
public final class InsertInto {
    private final String table;
    private final String[] columns;
    private final Sql sql;

    private InsertInto(String table, String[] columns) {
        this.table = table;
        this.columns = columns.clone();
        this.sql = Sql.of("INSERT INTO " + table + " (" + String.join(", ", columns) + ")\nVALUES ("
                + Arrays.stream(columns).map(c -> ":" + c).collect(Collectors.joining(", ")) + ")");
    }

    /** The columns, in the order of the values. */
    public List<String> columns() {
        return List.of(columns);
    }

    /** {@code INSERT INTO table (columns) VALUES (:column, ...)}. */
    public static InsertInto of(String table, String... columns) {
        return new InsertInto(table, columns);
    }

    /** The statement storing one row. */
    public Sql.Bound row(Object... values) {
        if (values.length != columns.length) {
            throw new IllegalArgumentException(columns.length + " columns, " + values.length + " values: " + sql);
        }
        Sql.Bound b = sql.bound();
        for (int i = 0; i < columns.length; i++) {
            b.bind(columns[i], values[i]);
        }
        return b;
    }

    /** Rows to store with one COPY. */
    public CopyRows rows() {
        return CopyRows.of(table, columns);
    }
}
