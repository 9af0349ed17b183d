package io.coldtrace.api.profiles;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** SQL of the limit_profile table; every read and update is limited by the caller's {@link Visibility}. */
public final class ProfileQueries {
    private static final String VISIBLE = Visibility.owned("p.org_id");
    /** Each writable column is bound by a parameter of its own name. */
    private static final Sql INSERT = Sql.of("""
            INSERT INTO limit_profile AS p (id, org_id, %s) VALUES (:id, :org_id, %s) RETURNING %s"""
            .formatted(String.join(", ", LimitProfile.COLUMNS), joined(":%1$s"), ProfileRow.COLUMNS));
    private static final Sql LIST = Sql.of("SELECT %s FROM limit_profile p WHERE %s ORDER BY p.id LIMIT :limit"
            .formatted(ProfileRow.COLUMNS, VISIBLE));
    private static final Sql GET = Sql.of("SELECT %s FROM limit_profile p WHERE %s AND p.id = :id"
            .formatted(ProfileRow.COLUMNS, VISIBLE));
    private static final Sql UPDATE = Sql.of("UPDATE limit_profile p SET %s WHERE %s AND p.id = :id RETURNING %s"
            .formatted(joined("%1$s = :%1$s"), VISIBLE, ProfileRow.COLUMNS));

    private ProfileQueries() {
    }

    /** Stores {@code p} (its organisation already checked); a duplicate id fails with a unique violation. */
    public static ProfileRow insert(Connection c, LimitProfile p) throws SQLException {
        return fields(INSERT.bind("id", p.id()).bind("org_id", p.orgId()), p).first(c, ProfileRow.MAPPER)
                .orElseThrow();
    }

    public static List<ProfileRow> list(Connection c, Visibility vis, int limit) throws SQLException {
        return LIST.bind(vis).bind("limit", limit).list(c, ProfileRow.MAPPER);
    }

    /** The profile {@code id} if the caller sees it. */
    public static Optional<ProfileRow> get(Connection c, Visibility vis, String id) throws SQLException {
        return GET.bind(vis).bind("id", id).first(c, ProfileRow.MAPPER);
    }

    /** Replaces the profile's fields (not its id or organisation); empty when the caller does not see it. */
    public static Optional<ProfileRow> update(Connection c, Visibility vis, LimitProfile p) throws SQLException {
        return fields(UPDATE.bind(vis).bind("id", p.id()), p).first(c, ProfileRow.MAPPER);
    }

    /** Binds each writable column's parameter to its value. */
    private static Sql.Bound fields(Sql.Bound b, LimitProfile p) {
        Object[] values = p.values();
        for (int i = 0; i < values.length; i++) {
            b.bind(LimitProfile.COLUMNS.get(i), values[i]);
        }
        return b;
    }

    /** {@code format} applied to each writable column (as {@code %1$s}), joined by commas. */
    private static String joined(String format) {
        return LimitProfile.COLUMNS.stream().map(format::formatted).collect(Collectors.joining(", "));
    }
}
