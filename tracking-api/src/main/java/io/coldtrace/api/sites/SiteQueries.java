package io.coldtrace.api.sites;

import io.coldtrace.api.auth.OrgScope;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** SQL of the site table; every read and update is limited to the caller's {@link OrgScope}. */
public final class SiteQueries {
    private static final String COLUMNS = "s.id, s.org_id, s.name, s.kind, s.timezone, s.lat, s.lon, s.address, "
            + "s.created_at";
    private static final String SCOPE = OrgScope.filter("s.org_id");
    private static final String INSERT = """
            INSERT INTO site AS s (id, org_id, name, kind, timezone, lat, lon, address)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING %s""".formatted(COLUMNS);
    private static final String LIST = "SELECT %s FROM site s WHERE %s ORDER BY s.id LIMIT ?"
            .formatted(COLUMNS, SCOPE);
    private static final String GET = "SELECT %s FROM site s WHERE %s AND s.id = ?".formatted(COLUMNS, SCOPE);
    private static final String UPDATE = """
            UPDATE site s SET name = ?, kind = ?, timezone = ?, lat = ?, lon = ?, address = ?
            WHERE %s AND s.id = ? RETURNING %s""".formatted(SCOPE, COLUMNS);

    private SiteQueries() {
    }

    /** Stores {@code site} (its organisation already checked); a duplicate id fails with a unique violation. */
    public static JsonObject insert(Connection c, Site site) throws SQLException {
        return Rows.first(c, INSERT, site.id(), site.orgId(), site.name(), site.kind(), site.timezone(), site.lat(),
                site.lon(), site.address()).orElseThrow();
    }

    public static JsonArray list(Connection c, OrgScope scope, int limit) throws SQLException {
        return Rows.list(c, LIST, scope.params(limit));
    }

    /** The site {@code id} if the scope sees it. */
    public static Optional<JsonObject> get(Connection c, OrgScope scope, String id) throws SQLException {
        return Rows.first(c, GET, scope.params(id));
    }

    /** Updates the site's fields (not its id or organisation); empty when the scope does not see it. */
    public static Optional<JsonObject> update(Connection c, OrgScope scope, Site site) throws SQLException {
        return Rows.first(c, UPDATE, site.name(), site.kind(), site.timezone(), site.lat(), site.lon(),
                site.address(), scope.all(), scope.orgId(), site.id());
    }
}
