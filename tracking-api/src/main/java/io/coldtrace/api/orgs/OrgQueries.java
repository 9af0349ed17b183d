package io.coldtrace.api.orgs;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;
import io.coldtrace.api.http.ClientError;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** SQL of the org table; an organisation is owned by itself, so lists are limited by {@link Visibility} on its id. */
public final class OrgQueries {
    private static final Sql INSERT = Sql.of("INSERT INTO org AS o (id, name) VALUES (:id, :name) RETURNING %s"
            .formatted(OrgRow.COLUMNS));
    private static final Sql EXISTS = Sql.of("SELECT 1 FROM org WHERE id = :id");
    private static final Sql LIST = Sql.of("SELECT %s FROM org o WHERE %s ORDER BY o.id LIMIT :limit"
            .formatted(OrgRow.COLUMNS, Visibility.owned("o.id")));

    private OrgQueries() {
    }

    /** Stores {@code org}; a duplicate id fails with a unique violation. */
    public static OrgRow insert(Connection c, NewOrg org) throws SQLException {
        return INSERT.bind("id", org.id()).bind("name", org.name()).first(c, OrgRow.MAPPER).orElseThrow();
    }

    /** Fails with a 422 naming {@code field} unless organisation {@code id} exists. */
    public static void requireExists(Connection c, String id, String field) throws SQLException {
        if (EXISTS.bind("id", id).first(c, rs -> true).isEmpty()) {
            throw ClientError.invalid(field, "no organisation " + id);
        }
    }

    /** Organisations the caller sees (an admin of one organisation sees just that one). */
    public static List<OrgRow> list(Connection c, Visibility vis, int limit) throws SQLException {
        return LIST.bind(vis).bind("limit", limit).list(c, OrgRow.MAPPER);
    }
}
