package io.coldtrace.api.users;

import io.coldtrace.api.auth.OrgScope;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** SQL of the app_user table (tokens are {@code auth.TokenQueries}'). */
public final class UserQueries {
    private static final String COLUMNS = "u.id, u.org_id, u.name, u.role, u.created_at, u.disabled_at";
    /** Admins without an organisation are seen by unscoped admins only. */
    private static final String SCOPE = OrgScope.filter("u.org_id");
    private static final String INSERT = """
            INSERT INTO app_user AS u (id, org_id, name, role) VALUES (?, ?, ?, ?) RETURNING %s""".formatted(COLUMNS);
    private static final String LIST = "SELECT %s FROM app_user u WHERE %s ORDER BY u.id LIMIT ?"
            .formatted(COLUMNS, SCOPE);
    private static final String DISABLE = """
            UPDATE app_user u SET disabled_at = COALESCE(u.disabled_at, now())
            WHERE %s AND u.id = ? RETURNING %s""".formatted(SCOPE, COLUMNS);

    private UserQueries() {
    }

    /** Stores {@code user}; a duplicate id fails with a unique violation. */
    public static JsonObject insert(Connection c, NewUser user) throws SQLException {
        return Rows.first(c, INSERT, user.id(), user.orgId(), user.name(), user.role().label()).orElseThrow();
    }

    public static JsonArray list(Connection c, OrgScope scope, int limit) throws SQLException {
        return Rows.list(c, LIST, scope.params(limit));
    }

    /** Marks the user disabled (once; the first time stays); empty when the scope does not see it. */
    public static Optional<JsonObject> disable(Connection c, OrgScope scope, String id) throws SQLException {
        return Rows.first(c, DISABLE, scope.params(id));
    }
}
