package io.coldtrace.api.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.coldtrace.core.config.DbConfig;
import io.coldtrace.core.db.Database;

/** The connection pool of the read replica: read-only connections that give up quickly when it is down. */
public final class ReplicaPool {
    /**
     * How long a read waits for a replica connection before it falls back to the primary: short, since a read that
     * the replica cannot serve is served by the primary anyway.
     */
    static final long CONNECTION_TIMEOUT_MS = 1_000;

    private ReplicaPool() {
    }

    /**
     * A pool for {@code cfg}, set up as the primary's (it does not connect at start either, so a replica that is down
     * does not stop the API) but read-only and quicker to give up.
     */
    public static HikariDataSource open(DbConfig cfg, String name) {
        HikariConfig hc = Database.poolConfig(cfg, name);
        hc.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        // a heavy read can never write, even when the "replica" is pointed at the primary
        hc.setReadOnly(true);
        return new HikariDataSource(hc);
    }
}
