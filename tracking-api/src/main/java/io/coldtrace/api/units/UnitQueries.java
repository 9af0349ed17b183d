package io.coldtrace.api.units;

import io.coldtrace.api.auth.OrgScope;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** SQL of the unit table; a unit belongs to its site's organisation, and reads are limited to the caller's scope. */
public final class UnitQueries {
    private static final String COLUMNS = "u.id, u.site_id, s.org_id, u.kind, u.name, u.temp_class, u.profile_id, "
            + "u.created_at";
    private static final String FROM = "unit u JOIN site s ON s.id = u.site_id";
    private static final String SCOPE = OrgScope.filter("s.org_id");
    private static final String INSERT = """
            INSERT INTO unit (id, site_id, kind, name, temp_class, profile_id) VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String LIST = """
            SELECT %s FROM %s WHERE %s AND (CAST(? AS text) IS NULL OR u.site_id = ?)
            ORDER BY u.id LIMIT ?""".formatted(COLUMNS, FROM, SCOPE);
    private static final String GET = "SELECT %s FROM %s WHERE %s AND u.id = ?".formatted(COLUMNS, FROM, SCOPE);
    private static final String UPDATE = """
            UPDATE unit u SET site_id = ?, kind = ?, name = ?, temp_class = ?, profile_id = ?
            FROM site s WHERE s.id = u.site_id AND %s AND u.id = ?""".formatted(SCOPE);

    private UnitQueries() {
    }

    /** Stores {@code unit} (its references already checked); a duplicate id fails with a unique violation. */
    public static void insert(Connection c, Unit unit) throws SQLException {
        Rows.update(c, INSERT, unit.id(), unit.siteId(), unit.kind(), unit.name(), unit.tempClass(),
                unit.profileId());
    }

    /** Units the scope sees, optionally of one site. */
    public static JsonArray list(Connection c, OrgScope scope, String site, int limit) throws SQLException {
        return Rows.list(c, LIST, scope.params(site, site, limit));
    }

    /** The unit {@code id} (with its organisation) if the scope sees it. */
    public static Optional<JsonObject> get(Connection c, OrgScope scope, String id) throws SQLException {
        return Rows.first(c, GET, scope.params(id));
    }

    /** Replaces the unit's fields; false when the scope does not see it. */
    public static boolean update(Connection c, OrgScope scope, Unit unit) throws SQLException {
        Object[] scoped = scope.params(unit.id());
        return Rows.update(c, UPDATE, unit.siteId(), unit.kind(), unit.name(), unit.tempClass(), unit.profileId(),
                scoped[0], scoped[1], scoped[2]) > 0;
    }
}
