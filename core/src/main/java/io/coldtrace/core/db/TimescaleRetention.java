package io.coldtrace.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps TimescaleDB's retention policies at the configured number of days. The storage migration creates them once
 * (db/storage/timescale.sql); a retention configured differently on a later start would otherwise never reach them,
 * so whoever maintains storage calls {@link #apply} at start-up and then periodically. Plain PostgreSQL has no such
 * policies: there the retention is an argument of every ct_maintain_partitions call.
 */
public final class TimescaleRetention {
    /** The hypertables whose chunks expire (the hour rollup is kept for good). */
    static final List<String> TABLES = List.of("telemetry", "telemetry_1m");

    private TimescaleRetention() {
    }

    /**
     * Replaces each table's retention policy that does not drop after exactly {@code days} (or is missing) with one
     * that does, in the caller's transaction; returns the tables changed. The value is bound, never spliced.
     */
    public static List<String> apply(Connection c, int days) throws SQLException {
        if (days < 1) {
            throw new IllegalArgumentException("retention must be a positive number of days, was " + days);
        }
        List<String> changed = new ArrayList<>();
        // two ingest instances starting together would both add a policy; the second add fails without this
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('ct_retention'))")) {
            lock.execute();
        }
        for (String table : TABLES) {
            if (!current(c, table, days)) {
                exec(c, "SELECT remove_retention_policy(?::regclass, if_exists => true)", table, null);
                exec(c, "SELECT add_retention_policy(?::regclass, make_interval(days => ?))", table, days);
                changed.add(table);
            }
        }
        return changed;
    }

    /** Whether the table has a retention policy dropping after exactly {@code days}. */
    private static boolean current(Connection c, String table, int days) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT (config->>'drop_after')::interval"
                + " = make_interval(days => ?) FROM timescaledb_information.jobs WHERE proc_name = 'policy_retention'"
                + " AND hypertable_schema = current_schema() AND hypertable_name = ?")) {
            ps.setInt(1, days);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void exec(Connection c, String sql, String table, Integer days) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table);
            if (days != null) {
                ps.setInt(2, days);
            }
            ps.execute();
        }
    }
}
