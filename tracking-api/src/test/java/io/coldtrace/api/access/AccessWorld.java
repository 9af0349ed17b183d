package io.coldtrace.api.access;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.TestApi;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixtures of one organisation for the access table: a site, a limit profile, a unit, a device bound to it, an
 * unclaimed device, an alarm that has cleared, a webhook and a user; fresh ids on every call, so a route that changes
 * or deletes what it is given always finds it as new.
 */
final class AccessWorld implements AutoCloseable {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final TestApi api;
    private final Connection c;

    /** Fixtures written on one connection of the API's database (the table makes a few hundred of them). */
    AccessWorld(TestApi api) {
        this.api = api;
        try {
            this.c = DriverManager.getConnection(api.db().url(), api.db().user(), api.db().password());
        } catch (SQLException e) {
            throw new AssertionError("cannot reach the test database: " + e.getMessage(), e);
        }
    }

    /** Creates the organisation itself (once) and returns an operator token of it, for {@code {token}}. */
    String org(String org) {
        sql("INSERT INTO org (id, name) VALUES (?, ?)", org, org + " Ltd");
        return api.token(Role.OPERATOR, org);
    }

    /** New fixtures of {@code org}; the map holds each placeholder's value (see RouteTable.Example). */
    Map<String, String> fixtures(String org, String token) {
        String n = org + "-" + SEQ.incrementAndGet();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("org", org);
        f.put("site", n + "-s");
        f.put("profile", n + "-p");
        f.put("unit", n + "-u");
        f.put("device", n + "-d");
        f.put("free-device", n + "-f");
        f.put("user", n + "-user");
        f.put("new", n + "-new");
        sql("INSERT INTO site (id, org_id, name) VALUES (?, ?, ?)", f.get("site"), org, n + " store");
        sql("INSERT INTO limit_profile (id, org_id, name, high_warn_c) VALUES (?, ?, 'chilled', 5)",
                f.get("profile"), org);
        sql("INSERT INTO unit (id, site_id, kind, name, profile_id) VALUES (?, ?, 'cold_room', ?, ?)",
                f.get("unit"), f.get("site"), n + " room", f.get("profile"));
        sql("INSERT INTO device (ext_id) VALUES (?), (?)", f.get("device"), f.get("free-device"));
        sql("INSERT INTO device_binding (device_id, unit_id, valid) SELECT id, ?, tstzrange(now() - interval '1 day',"
                + " NULL) FROM device WHERE ext_id = ?", f.get("unit"), f.get("device"));
        f.put("alarm", Long.toString(number("""
                INSERT INTO alarm (unit_id, rule, severity, started_at, raised_at, cleared_at, message)
                VALUES (?, 'high', 'warning', now() - interval '2 hours', now() - interval '2 hours',
                        now() - interval '1 hour', 'air 9.1 °C above 8.0 °C') RETURNING id""", f.get("unit"))));
        f.put("webhook", Long.toString(number("INSERT INTO webhook (org_id, url, secret) VALUES (?, "
                + "'http://127.0.0.1:9/hook', '0123456789abcdef') RETURNING id", org)));
        sql("INSERT INTO app_user (id, org_id, name, role) VALUES (?, ?, 'Zhang San', 'operator')",
                f.get("user"), org);
        f.put("token", token);
        return f;
    }

    private void sql(String sql, Object... params) {
        try (PreparedStatement ps = prepare(sql, params)) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError("fixture SQL failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    private long number(String sql, Object... params) {
        try (PreparedStatement ps = prepare(sql, params)) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("fixture SQL failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }

    /** The fixtures' ids that belong to the organisation (and so must never show in another's lists). */
    static List<String> owned(Map<String, String> f) {
        return List.of(f.get("site"), f.get("profile"), f.get("unit"), f.get("device"), f.get("user"));
    }
}
