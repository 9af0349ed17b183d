package io.coldtrace.api.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs work with PostgreSQL planning each prepared statement once ({@code plan_cache_mode = force_generic_plan})
 * and restores the default after. For the many-CTE statements of custody and the buyer's page, planning with the
 * actual values cost more than running them (1.1 to 1.6 ms of ~3 ms a leg on the 100,000-lot bench) and chose the
 * same index scans: their parameters are one lot, one unit and one time range, never a selectivity worth replanning
 * for. pgjdbc prepares a statement on the server from its fifth use on a connection, so pooled connections soon
 * plan nothing.
 */
public final class GenericPlans {
    private GenericPlans() {
    }

    public static <T> T within(Connection c, BlockingDb.SqlWork<T> work) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET plan_cache_mode = force_generic_plan");
        }
        try {
            return work.run(c);
        } finally {
            try (Statement st = c.createStatement()) {
                st.execute("RESET plan_cache_mode");
            }
        }
    }
}
