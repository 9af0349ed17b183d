package io.coldtrace.api.labels;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Sql;
import io.coldtrace.core.ids.TraceCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the lot a printed code names, for the public routes: a trace code in any form {@link TraceCode#parse}
 * accepts, else an external code (a national platform's, matched exactly). Reads no organisation's data beyond the
 * lot's identity: the caller decides what of the lot is public.
 */
public final class LotCodes {
    /** A lot found by one of its codes: its id, its organisation and its trace code. */
    public record TracedLot(UUID lotId, String orgId, TraceCode traceCode) {
        static final String COLUMNS = "l.id, l.org_id, l.trace_code";
        static final RowMapper<TracedLot> MAPPER = rs -> new TracedLot(rs.getObject("id", UUID.class),
                rs.getString("org_id"), new TraceCode(rs.getString("trace_code")));
    }

    private static final Sql BY_TRACE_CODE = Sql.of("SELECT " + TracedLot.COLUMNS
            + " FROM lot l WHERE l.trace_code = :code");
    private static final Sql BY_EXTERNAL_CODE = Sql.of("SELECT " + TracedLot.COLUMNS
            + " FROM lot l WHERE l.external_code = :code AND l.kind = 'lot'");
    /** Longest text looked up: an external code has at most 128 characters, a grouped trace code 21. */
    static final int MAX_CODE = 128;

    private LotCodes() {
    }

    /** The lot whose trace code or, failing that, external code is {@code code}. */
    public static Optional<TracedLot> resolve(Connection c, String code) throws SQLException {
        if (code == null || code.isBlank() || code.length() > MAX_CODE) {
            return Optional.empty();
        }
        Optional<TracedLot> traced = byTraceCode(c, parse(code));
        return traced.isPresent() ? traced : BY_EXTERNAL_CODE.bind("code", code).first(c, TracedLot.MAPPER);
    }

    /**
     * The lot of trace code {@code code}; null (a code that did not parse) runs the same query for nothing, so a
     * malformed code costs what an unknown one does.
     */
    static Optional<TracedLot> byTraceCode(Connection c, TraceCode code) throws SQLException {
        return BY_TRACE_CODE.bind("code", code == null ? "" : code.value()).first(c, TracedLot.MAPPER);
    }

    /** {@code text} as a trace code, or null when it is not one. */
    static TraceCode parse(String text) {
        try {
            return text == null || text.length() > MAX_CODE ? null : TraceCode.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
