package io.coldtrace.api.users;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL of the app_user table (tokens are {@code auth.TokenQueries}'); reads are limited by {@link Visibility}. */
public final class UserQueries {
    /** Admins without an organisation are seen by callers who see all only. */
    private static final String VISIBLE = Visibility.owned("u.org_id");
    private static final Sql INSERT = Sql.of("""
            INSERT INTO app_user AS u (id, org_id, name, role, region) VALUES (:id, :org_id, :name, :role, :region)
            RETURNING %s"""
            .formatted(UserRow.COLUMNS));
    private static final Sql LIST = Sql.of("SELECT %s FROM app_user u WHERE %s ORDER BY u.id LIMIT :limit"
            .formatted(UserRow.COLUMNS, VISIBLE));
    private static final Sql DISABLE = Sql.of("""
            UPDATE app_user u SET disabled_at = COALESCE(u.disabled_at, now())
            WHERE %s AND u.id = :id RETURNING %s""".formatted(VISIBLE, UserRow.COLUMNS));

    private UserQueries() {
    }

    /** Stores {@code user}; a duplicate id fails with a unique violation. */
    public static UserRow insert(Connection c, NewUser user) throws SQLException {
        return INSERT.bind("id", user.id()).bind("org_id", user.orgId()).bind("name", user.name())
                .bind("role", user.role().label()).bind("region", user.region()).first(c, UserRow.MAPPER).orElseThrow();
    }

    public static List<UserRow> list(Connection c, Visibility vis, int limit) throws SQLException {
        return LIST.bind(vis).bind("limit", limit).list(c, UserRow.MAPPER);
    }

    /** Marks the user disabled (once; the first time stays); empty when the caller does not see it. */
    public static Optional<UserRow> disable(Connection c, Visibility vis, String id) throws SQLException {
        return DISABLE.bind(vis).bind("id", id).first(c, UserRow.MAPPER);
    }
}
