package io.coldtrace.api.profiles;

import io.coldtrace.api.auth.OrgScope;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Optional;
import java.util.stream.Collectors;

/** SQL of the limit_profile table; every read and update is limited to the caller's {@link OrgScope}. */
public final class ProfileQueries {
    private static final String COLUMNS = "p.id, p.org_id, "
            + LimitProfile.COLUMNS.stream().map(col -> "p." + col).collect(Collectors.joining(", "))
            + ", p.created_at";
    private static final String SCOPE = OrgScope.filter("p.org_id");
    private static final String INSERT = "INSERT INTO limit_profile AS p (id, org_id, %s) VALUES (?, ?, %s) RETURNING %s"
            .formatted(String.join(", ", LimitProfile.COLUMNS),
                    String.join(", ", Collections.nCopies(LimitProfile.COLUMNS.size(), "?")), COLUMNS);
    private static final String LIST = "SELECT %s FROM limit_profile p WHERE %s ORDER BY p.id LIMIT ?"
            .formatted(COLUMNS, SCOPE);
    private static final String GET = "SELECT %s FROM limit_profile p WHERE %s AND p.id = ?".formatted(COLUMNS, SCOPE);
    private static final String UPDATE = "UPDATE limit_profile p SET %s WHERE %s AND p.id = ? RETURNING %s"
            .formatted(LimitProfile.COLUMNS.stream().map(col -> col + " = ?").collect(Collectors.joining(", ")),
                    SCOPE, COLUMNS);

    private ProfileQueries() {
    }

    /** Stores {@code p} (its organisation already checked); a duplicate id fails with a unique violation. */
    public static JsonObject insert(Connection c, LimitProfile p) throws SQLException {
        return Rows.first(c, INSERT, concat(new Object[] {p.id(), p.orgId()}, p.values())).orElseThrow();
    }

    public static JsonArray list(Connection c, OrgScope scope, int limit) throws SQLException {
        return Rows.list(c, LIST, scope.params(limit));
    }

    /** The profile {@code id} if the scope sees it. */
    public static Optional<JsonObject> get(Connection c, OrgScope scope, String id) throws SQLException {
        return Rows.first(c, GET, scope.params(id));
    }

    /** Replaces the profile's fields (not its id or organisation); empty when the scope does not see it. */
    public static Optional<JsonObject> update(Connection c, OrgScope scope, LimitProfile p) throws SQLException {
        return Rows.first(c, UPDATE, concat(p.values(), scope.params(p.id())));
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] out = new Object[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
