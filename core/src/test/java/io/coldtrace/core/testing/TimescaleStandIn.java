package io.coldtrace.core.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * TimescaleDB cannot run everywhere the tests do: this stands in for the part retention needs, on plain PostgreSQL.
 * The jobs view becomes a table and the two policy functions keep the documented signatures and refuse a second
 * policy on a table, as TimescaleDB does.
 */
public final class TimescaleStandIn {
    private TimescaleStandIn() {
    }

    /** Installs the stand-in with the retention policies timescale.sql would have made for {@code days}. */
    public static void install(Connection c, int days) throws SQLException {
        exec(c, "CREATE SCHEMA timescaledb_information");
        exec(c, "CREATE TABLE timescaledb_information.jobs (proc_name name, hypertable_schema name, "
                + "hypertable_name name, config jsonb)");
        exec(c, """
                CREATE FUNCTION add_retention_policy(relation regclass, drop_after interval) RETURNS integer
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM timescaledb_information.jobs WHERE proc_name = 'policy_retention'
                               AND hypertable_name = relation::text) THEN
                        RAISE EXCEPTION 'retention policy already exists for hypertable "%"', relation;
                    END IF;
                    INSERT INTO timescaledb_information.jobs VALUES ('policy_retention', current_schema(),
                        relation::text, jsonb_build_object('drop_after', drop_after::text, 'hypertable_id', 1));
                    RETURN 1000;
                END $$""");
        exec(c, """
                CREATE FUNCTION remove_retention_policy(relation regclass, if_exists boolean DEFAULT false)
                RETURNS void LANGUAGE sql AS $$
                    DELETE FROM timescaledb_information.jobs WHERE proc_name = 'policy_retention'
                        AND hypertable_name = relation::text $$""");
        for (String table : new String[] {"telemetry", "telemetry_1m"}) {
            exec(c, "SELECT add_retention_policy('" + table + "', make_interval(days => " + days + "))");
        }
    }

    /** The table's retention policy as an interval's text ("30 days"), or null when it has none. */
    public static String dropAfter(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT (config->>'drop_after')::interval"
                + "::text FROM timescaledb_information.jobs WHERE proc_name = 'policy_retention' "
                + "AND hypertable_name = '" + table + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
