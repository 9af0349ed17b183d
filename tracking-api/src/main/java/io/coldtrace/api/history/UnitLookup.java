package io.coldtrace.api.history;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.db.Sql;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.core.quality.Band;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Loads a unit with its site, organisation and limit profile, scoped to the caller's organisation. */
public final class UnitLookup {
    private static final Sql FIND = Sql.of("""
            SELECT u.id, u.name, u.kind, u.temp_class, u.site_id, s.name AS site_name, s.org_id,
                   o.name AS org_name, s.timezone, p.id AS profile_id, p.name AS profile_name,
                   COALESCE(p.probe, 'air') AS probe, p.low_crit_c, p.low_warn_c, p.high_warn_c, p.high_crit_c
            FROM unit u
            LEFT JOIN site s ON s.id = u.site_id
            LEFT JOIN org o ON o.id = s.org_id
            LEFT JOIN limit_profile p ON p.id = u.profile_id
            WHERE u.id = :id AND %s""".formatted(Visibility.owned("s.org_id")));

    private UnitLookup() {
    }

    /**
     * The unit {@code id} if the caller's visibility admits it; otherwise a 404 (a unit of another organisation is
     * answered exactly like one that does not exist, so ids cannot be probed).
     */
    public static UnitInfo visible(Connection c, String id, Visibility vis) throws SQLException {
        return FIND.bind("id", id).bind(vis).first(c, UnitLookup::unit)
                .orElseThrow(() -> ClientError.notFound("no unit " + id));
    }

    private static UnitInfo unit(ResultSet rs) throws SQLException {
        String tz = rs.getString("timezone");
        return new UnitInfo(rs.getString("id"), rs.getString("name"), rs.getString("kind"),
                rs.getString("temp_class"), rs.getString("site_id"), rs.getString("site_name"),
                rs.getString("org_id"), rs.getString("org_name"), tz == null ? ZoneOffset.UTC : ZoneId.of(tz),
                rs.getString("profile_id"), rs.getString("profile_name"), rs.getString("probe"),
                new Band(Rows.real(rs, "low_crit_c"), Rows.real(rs, "low_warn_c"),
                        Rows.real(rs, "high_warn_c"), Rows.real(rs, "high_crit_c")));
    }
}
