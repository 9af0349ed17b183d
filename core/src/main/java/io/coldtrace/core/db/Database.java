package io.coldtrace.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.coldtrace.core.config.DbConfig;
import io.coldtrace.core.db.migration.R__Bundled_divisions;
import io.coldtrace.core.db.migration.V2__Telemetry_storage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Opens the connection pool and applies the versioned schema migrations; both deployables call it at start-up. */
public final class Database {
    private Database() {
    }

    /** A pool for {@code cfg}; {@code name} shows in pg_stat_activity as application_name. */
    public static HikariDataSource pool(DbConfig cfg, String name) {
        return new HikariDataSource(poolConfig(cfg, name));
    }

    /** The settings of {@link #pool}, for a caller that adjusts some before opening its own pool. */
    public static HikariConfig poolConfig(DbConfig cfg, String name) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(cfg.url());
        hc.setUsername(cfg.user());
        if (!cfg.password().isEmpty()) {
            hc.setPassword(cfg.password());
        }
        hc.setMaximumPoolSize(cfg.poolSize());
        hc.setMinimumIdle(1);
        hc.setPoolName(name);
        hc.setConnectionTimeout(5_000);
        // the writer must keep trying while the database is down, not fail the whole process at start
        hc.setInitializationFailTimeout(-1);
        hc.addDataSourceProperty("ApplicationName", name);
        hc.addDataSourceProperty("reWriteBatchedInserts", "true");
        hc.addDataSourceProperty("tcpKeepAlive", "true");
        return hc;
    }

    /** Applies pending migrations and returns the telemetry storage mode in force. */
    public static StorageMode migrate(DataSource ds, DbConfig cfg) {
        MigrateResult r = Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .javaMigrations(new V2__Telemetry_storage(cfg.storage(), cfg.retentionDays()),
                        new R__Bundled_divisions())
                .load()
                .migrate();
        if (!r.success) {
            throw new IllegalStateException("schema migration failed: " + r.warnings);
        }
        return storageMode(ds);
    }

    /** Reads the storage mode the migrations recorded. */
    public static StorageMode storageMode(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            return storageMode(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read storage mode: " + e.getMessage(), e);
        }
    }

    /** Reads the storage mode the migrations recorded, on a connection the caller holds. */
    public static StorageMode storageMode(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM ct_meta WHERE key = 'storage_mode'")) {
            if (!rs.next()) {
                throw new IllegalStateException("ct_meta has no storage_mode: migrations have not run");
            }
            return StorageMode.fromLabel(rs.getString(1));
        }
    }
}
