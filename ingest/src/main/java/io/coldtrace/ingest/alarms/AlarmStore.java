package io.coldtrace.ingest.alarms;

import io.coldtrace.core.telemetry.ProbeRole;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Owns the SQL of alarm evaluation in the write path: bindings with profiles, evaluator state, alarm rows. */
final class AlarmStore {
    /** A device's binding to a unit that has a limit profile, for an interval. */
    record Binding(int deviceId, String unitId, Instant from, Instant to, Profile profile) {
        boolean covers(Instant ts) {
            return !ts.isBefore(from) && (to == null || ts.isBefore(to));
        }
    }

    private static final String CONFIG_VERSION = "SELECT value::bigint FROM ct_meta WHERE key = 'alarm_config_version'";

    private static final String BINDINGS = """
            SELECT b.device_id, b.unit_id, lower(b.valid), upper(b.valid), p.*
            FROM device_binding b
            JOIN unit u ON u.id = b.unit_id
            JOIN limit_profile p ON p.id = u.profile_id""";

    private static final String READ_STATES = """
            SELECT unit_id, state::text, xmin::text::bigint FROM alarm_state WHERE unit_id = ANY(?)""";

    private static final String PENDING_RESETS = """
            UPDATE alarm SET engine_reset = true
            WHERE unit_id = ANY(?) AND resolved_at IS NOT NULL AND NOT engine_reset
            RETURNING unit_id, rule, severity""";

    // optimistic: a row is only replaced if it is still the version the state was read from (-1 = no row yet)
    private static final String UPDATE_STATES = """
            UPDATE alarm_state a SET evaluated_to = x.t, state = x.s::jsonb, updated_at = now()
            FROM unnest(?::text[], ?::timestamptz[], ?::text[], ?::bigint[]) AS x(u, t, s, v)
            WHERE a.unit_id = x.u AND a.xmin::text::bigint = x.v
            RETURNING a.unit_id, a.xmin::text::bigint""";

    private static final String INSERT_STATES = """
            INSERT INTO alarm_state (unit_id, evaluated_to, state, updated_at)
            SELECT u, t, s::jsonb, now() FROM unnest(?::text[], ?::timestamptz[], ?::text[]) AS x(u, t, s)
            ON CONFLICT (unit_id) DO NOTHING
            RETURNING unit_id, xmin::text::bigint""";

    private static final String RAISE = """
            INSERT INTO alarm (unit_id, device_id, rule, severity, started_at, raised_at, limit_value, peak_value, message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (unit_id, rule, severity, started_at) DO NOTHING
            RETURNING id""";

    private static final String PEAK = """
            UPDATE alarm SET peak_value = ?
            WHERE unit_id = ? AND rule = ? AND severity = ? AND started_at = ?""";

    private static final String CLEAR = """
            UPDATE alarm SET cleared_at = ?
            WHERE unit_id = ? AND rule = ? AND severity = ? AND started_at = ? AND cleared_at IS NULL
            RETURNING id""";

    private static final String CLEAR_OFFLINE = """
            UPDATE alarm SET cleared_at = now()
            WHERE unit_id = ANY(?) AND rule = 'offline' AND cleared_at IS NULL
            RETURNING id""";

    private static final String EVENT = """
            INSERT INTO alarm_event (alarm_id, actor, action, detail) VALUES (?, 'ingest', ?, ?::jsonb)""";

    /** The counter every change of bindings, units or profiles bumps (V5_2). */
    long configVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CONFIG_VERSION); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Every binding of a device to a unit that has a limit profile. */
    List<Binding> bindings(Connection c) throws SQLException {
        List<Binding> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(BINDINGS)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp upper = rs.getTimestamp(4);
                    out.add(new Binding(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            upper == null ? null : upper.toInstant(), profile(rs)));
                }
            }
        }
        return out;
    }

    static Profile profile(ResultSet rs) throws SQLException {
        return new Profile(rs.getString("id"), probe(rs.getString("probe")),
                dbl(rs, "high_warn_c"), dbl(rs, "high_crit_c"), dbl(rs, "low_warn_c"), dbl(rs, "low_crit_c"),
                Duration.ofSeconds(rs.getInt("warn_delay_s")), Duration.ofSeconds(rs.getInt("crit_delay_s")),
                DelayMode.fromWire(rs.getString("delay_mode")),
                rs.getDouble("hysteresis_c"), Duration.ofSeconds(rs.getInt("clear_delay_s")),
                secs(rs, "door_open_max_s"), (Integer) rs.getObject("offline_factor"),
                rs.getBoolean("suppress_defrost"), rs.getBoolean("suppress_door"),
                Duration.ofSeconds(rs.getInt("suppress_cap_s")), dbl(rs, "rate_max_c_per_min"),
                dbl(rs, "battery_low_pct"), secs(rs, "escalate_after_s"));
    }

    private static ProbeRole probe(String wire) {
        ProbeRole r = ProbeRole.fromWire(wire);
        return r == null ? ProbeRole.AIR : r;
    }

    private static Double dbl(ResultSet rs, String col) throws SQLException {
        float f = rs.getFloat(col);
        return rs.wasNull() ? null : (double) f;
    }

    private static Duration secs(ResultSet rs, String col) throws SQLException {
        int s = rs.getInt(col);
        return rs.wasNull() ? null : Duration.ofSeconds(s);
    }

    /** A stored state and the version (xmin) of the row holding it. */
    record StoredState(String json, long rowVersion) {
    }

    /** The stored states of these units (units without a row are absent). */
    Map<String, StoredState> readStates(Connection c, String[] unitIds) throws SQLException {
        Map<String, StoredState> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(READ_STATES)) {
            ps.setArray(1, c.createArrayOf("text", unitIds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new StoredState(rs.getString(2), rs.getLong(3)));
                }
            }
        }
        return out;
    }

    /** Resolutions people made since the last batch, claimed once: (unit, rule, severity). */
    List<String[]> claimResets(Connection c, String[] unitIds) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(PENDING_RESETS)) {
            ps.setArray(1, c.createArrayOf("text", unitIds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        return out;
    }

    /**
     * Saves the states if their rows are still the versions they were read from ({@code rowVersions}, -1 = no row
     * yet) and returns each row's new version; a unit missing from the answer was changed by someone else meanwhile.
     */
    Map<String, Long> saveStates(Connection c, String[] unitIds, Timestamp[] evaluatedTo, String[] json,
                                 long[] rowVersions) throws SQLException {
        List<Integer> updates = new ArrayList<>();
        List<Integer> inserts = new ArrayList<>();
        for (int i = 0; i < unitIds.length; i++) {
            (rowVersions[i] < 0 ? inserts : updates).add(i);
        }
        Map<String, Long> versions = new HashMap<>();
        if (!updates.isEmpty()) {
            Long[] v = updates.stream().map(i -> rowVersions[i]).toArray(Long[]::new);
            save(c, UPDATE_STATES, pick(unitIds, updates), pick(evaluatedTo, updates), pick(json, updates), v,
                    versions);
        }
        if (!inserts.isEmpty()) {
            save(c, INSERT_STATES, pick(unitIds, inserts), pick(evaluatedTo, inserts), pick(json, inserts), null,
                    versions);
        }
        return versions;
    }

    private static void save(Connection c, String sql, String[] u, Timestamp[] t, String[] s, Long[] v,
                             Map<String, Long> versions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", u));
            ps.setArray(2, c.createArrayOf("timestamptz", t));
            ps.setArray(3, c.createArrayOf("text", s));
            if (v != null) {
                ps.setArray(4, c.createArrayOf("int8", v));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] pick(T[] all, List<Integer> idx) {
        T[] out = java.util.Arrays.copyOf(all, idx.size());
        for (int i = 0; i < idx.size(); i++) {
            out[i] = all[idx.get(i)];
        }
        return out;
    }

    /** Returns true if a new alarm row was created (false: it already existed, e.g. re-evaluation). */
    boolean raise(Connection c, String unitId, int deviceId, AlarmChange.Raised r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RAISE)) {
            ps.setString(1, unitId);
            ps.setInt(2, deviceId);
            ps.setString(3, r.rule().wire());
            ps.setString(4, r.severity().wire());
            ps.setTimestamp(5, Timestamp.from(r.startedAt()));
            ps.setTimestamp(6, Timestamp.from(r.raisedAt()));
            ps.setObject(7, r.limit());
            ps.setObject(8, r.value());
            ps.setString(9, r.message());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                event(c, rs.getLong(1), "raised", "{\"message\":" + quote(r.message()) + "}");
                return true;
            }
        }
    }

    void peak(Connection c, String unitId, AlarmChange.PeakUpdated p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PEAK)) {
            ps.setDouble(1, p.peak());
            ps.setString(2, unitId);
            ps.setString(3, p.rule().wire());
            ps.setString(4, p.severity().wire());
            ps.setTimestamp(5, Timestamp.from(p.startedAt()));
            ps.executeUpdate();
        }
    }

    void clear(Connection c, String unitId, AlarmChange.Cleared cl) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CLEAR)) {
            ps.setTimestamp(1, Timestamp.from(cl.clearedAt()));
            ps.setString(2, unitId);
            ps.setString(3, cl.rule().wire());
            ps.setString(4, cl.severity().wire());
            ps.setTimestamp(5, Timestamp.from(cl.startedAt()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    event(c, rs.getLong(1), "cleared", "{}");
                }
            }
        }
    }

    /** Data arrived for these units: their offline alarms clear. */
    void clearOffline(Connection c, String[] unitIds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CLEAR_OFFLINE)) {
            ps.setArray(1, c.createArrayOf("text", unitIds));
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            for (long id : ids) {
                event(c, id, "cleared", "{\"reason\":\"data arrived\"}");
            }
        }
    }

    private static void event(Connection c, long alarmId, String action, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(EVENT)) {
            ps.setLong(1, alarmId);
            ps.setString(2, action);
            ps.setString(3, detail);
            ps.executeUpdate();
        }
    }

    private static String quote(String s) {
        return io.coldtrace.core.json.Json.mapper().valueToTree(s).toString();
    }
}
