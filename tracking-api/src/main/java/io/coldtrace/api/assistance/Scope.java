package io.coldtrace.api.assistance;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.auth.Principal;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.db.Sql;
import io.coldtrace.core.ids.DivisionCode;
import io.vertx.ext.web.RoutingContext;

/**
 * Which applications, certificates and blacklist entries a caller reads: an authority those of the divisions its
 * region covers (whichever organisation applied: {@code region} is the prefix every such division code starts with);
 * everyone else by {@link Visibility} (its organisation's; an admin of none, all).
 */
record Scope(Visibility vis, String region) {
    static Scope of(RoutingContext ctx) {
        Principal p = Principal.of(ctx);
        return new Scope(Visibility.of(ctx), p.role() == Role.AUTHORITY && p.region() != null
                ? new DivisionCode(p.region()).prefix() : null);
    }

    /** The condition on a row's division and organisation columns, with {@code :region} and the visibility's. */
    static String where(String divisionColumn, String orgColumn) {
        return "(CAST(:region AS text) IS NOT NULL AND starts_with(%s, CAST(:region AS text)) OR CAST(:region AS text) IS NULL AND %s)"
                .formatted(divisionColumn, Visibility.owned(orgColumn));
    }

    Sql.Bound bind(Sql sql) {
        return sql.bind(vis).bind("region", region);
    }
}
