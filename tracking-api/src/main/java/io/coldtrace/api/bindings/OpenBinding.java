package io.coldtrace.api.bindings;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import java.time.Instant;

/**
 * A device's open binding (no end yet), locked for the transaction: what claim, move and unbind decide by.
 *
 * @param orgId the organisation of the unit it is in (null when the unit has no site)
 */
record OpenBinding(long id, String unitId, String orgId, Instant from) {
    /** The columns {@link #MAPPER} reads, over {@code device_binding b JOIN unit u LEFT JOIN site s}. */
    static final String COLUMNS = "b.id, b.unit_id, s.org_id, lower(b.valid) AS \"from\"";

    static final RowMapper<OpenBinding> MAPPER = rs -> new OpenBinding(rs.getLong("id"), rs.getString("unit_id"),
            rs.getString("org_id"), Rows.instant(rs, "from"));

    /** Whether the binding is in unit {@code unit}. */
    boolean isIn(String unit) {
        return unitId.equals(unit);
    }

    /** Whether a binding can end (or a new one start) at {@code at}: only after this one started. */
    boolean canEndAt(Instant at) {
        return at.isAfter(from);
    }
}
