package io.coldtrace.core.db.migration;

import io.coldtrace.core.config.DbConfig.StorageChoice;
import io.coldtrace.core.db.StorageMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Creates the telemetry tables as TimescaleDB hypertables when the extension is available (or demanded), else as
 * range-partitioned tables, and records the mode in ct_meta. TimescaleDB-only SQL lives in db/storage/timescale.sql.
 */
public class V2__Telemetry_storage extends BaseJavaMigration {
    private static final String RETENTION = "${retention_days}";
    private final StorageChoice choice;
    private final int retentionDays;

    public V2__Telemetry_storage(StorageChoice choice, int retentionDays) {
        this.choice = choice;
        this.retentionDays = retentionDays;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        StorageMode mode = decide(c);
        String tables = resource("db/storage/tables.sql");
        if (mode == StorageMode.TIMESCALE) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
            }
            tables = tables.replace("${telemetry_partition}", "")
                    .replace("${telemetry_1m_partition}", "")
                    .replace("${telemetry_1h_partition}", "");
            exec(c, tables);
            exec(c, storageScript(StorageMode.TIMESCALE, retentionDays));
        } else {
            tables = tables.replace("${telemetry_partition}", "PARTITION BY RANGE (ts)")
                    .replace("${telemetry_1m_partition}", "PARTITION BY RANGE (bucket)")
                    .replace("${telemetry_1h_partition}", "PARTITION BY RANGE (bucket)");
            exec(c, tables);
            exec(c, storageScript(StorageMode.PARTITIONED, retentionDays));
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ct_meta (key, value) VALUES ('storage_mode', ?)")) {
            ps.setString(1, mode.label());
            ps.executeUpdate();
        }
    }

    private StorageMode decide(Connection c) throws SQLException {
        boolean available;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'")) {
            available = rs.next();
        }
        return switch (choice) {
            case PARTITIONED -> StorageMode.PARTITIONED;
            case TIMESCALE -> {
                if (!available) {
                    throw new IllegalStateException("COLDTRACE_DB_STORAGE=timescale but the timescaledb extension is "
                            + "not available on this server; install it or use COLDTRACE_DB_STORAGE=auto");
                }
                yield StorageMode.TIMESCALE;
            }
            case AUTO -> available ? StorageMode.TIMESCALE : StorageMode.PARTITIONED;
        };
    }

    /**
     * The mode's storage script with the retention filled in. The script runs as one statement string, so the value
     * is spliced: it is an int checked here to be a positive number of days, never text from outside.
     */
    static String storageScript(StorageMode mode, int retentionDays) {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retention must be a positive number of days, was " + retentionDays);
        }
        String script = resource(mode == StorageMode.TIMESCALE ? "db/storage/timescale.sql"
                : "db/storage/partitioned.sql");
        return script.replace(RETENTION, Integer.toString(retentionDays));
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String resource(String path) {
        try (InputStream in = V2__Telemetry_storage.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
