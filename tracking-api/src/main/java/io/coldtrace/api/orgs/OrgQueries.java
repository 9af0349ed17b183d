package io.coldtrace.api.orgs;

import io.coldtrace.api.auth.OrgScope;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.http.ClientError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;

/** SQL of the org table. */
public final class OrgQueries {
    private static final String COLUMNS = "id, name, created_at";
    private static final String INSERT = "INSERT INTO org (id, name) VALUES (?, ?) RETURNING " + COLUMNS;
    private static final String EXISTS = "SELECT id FROM org WHERE id = ?";
    private static final String LIST = "SELECT %s FROM org WHERE %s ORDER BY id LIMIT ?"
            .formatted(COLUMNS, OrgScope.filter("id"));

    private OrgQueries() {
    }

    /** Stores {@code org}; a duplicate id fails with a unique violation. */
    public static JsonObject insert(Connection c, NewOrg org) throws SQLException {
        return Rows.first(c, INSERT, org.id(), org.name()).orElseThrow();
    }

    /** Fails with a 422 naming {@code field} unless organisation {@code id} exists. */
    public static void requireExists(Connection c, String id, String field) throws SQLException {
        if (Rows.first(c, EXISTS, id).isEmpty()) {
            throw ClientError.invalid(field, "no organisation " + id);
        }
    }

    /** Organisations the scope sees (an admin of one organisation sees just that one). */
    public static JsonArray list(Connection c, OrgScope scope, int limit) throws SQLException {
        return Rows.list(c, LIST, scope.params(limit));
    }
}
