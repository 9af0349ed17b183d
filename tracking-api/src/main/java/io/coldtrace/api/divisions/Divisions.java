package io.coldtrace.api.divisions;

import io.coldtrace.api.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The division table for other features (programmes name regions, authorities govern one): look-ups by code. */
public final class Divisions {
    private static final Sql FIND = Sql.of("SELECT %s FROM division d WHERE d.code = ANY(:codes)"
            .formatted(DivisionRow.COLUMNS));

    private Divisions() {
    }

    /** The divisions of {@code codes} that the table holds, by code (a code it lacks is absent). */
    public static Map<String, DivisionRow> find(Connection c, Collection<String> codes) throws SQLException {
        return FIND.bind("codes", codes.toArray(String[]::new)).list(c, DivisionRow.MAPPER).stream()
                .collect(Collectors.toMap(DivisionRow::code, Function.identity()));
    }
}
