package io.coldtrace.api.assistance;

import io.coldtrace.api.access.Jurisdiction;
import io.coldtrace.api.auth.Principal;
import io.coldtrace.core.ids.DivisionCode;
import java.sql.Connection;
import java.sql.SQLException;

/** Who acts as the authority in the workflow's steps, and under which name. */
final class Authorities {
    private Authorities() {
    }

    /** The caller acting on {@code division} as an authority: 403 naming {@code field} outside its region. */
    static void require(Principal p, String division, String field) {
        Jurisdiction.require(p, new DivisionCode(division), field);
    }

    /** The name a decision or an entry is made under: the authority's organisation's, else the caller's. */
    static String name(Connection c, Principal p) throws SQLException {
        if (p.orgId() == null) {
            return p.name();
        }
        return AssistanceSql.ORG_NAME.bind("id", p.orgId()).first(c, rs -> rs.getString("name")).orElse(p.name());
    }
}
