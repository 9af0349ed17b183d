package io.coldtrace.ingest.write;

import static io.coldtrace.core.testing.TimescaleStandIn.dropAfter;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.coldtrace.core.config.DbConfig;
import io.coldtrace.core.config.DbConfig.StorageChoice;
import io.coldtrace.core.db.Database;
import io.coldtrace.core.db.StorageMode;
import io.coldtrace.core.testing.TestPostgres;
import io.coldtrace.core.testing.TimescaleStandIn;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Storage maintenance applies the configured retention in either storage mode. */
class PartitionMaintenanceIT {
    private static final Duration HOURLY = Duration.ofHours(1);

    private static DbConfig fresh(StorageChoice choice) {
        TestPostgres pg = TestPostgres.get();
        return new DbConfig(pg.createDatabase("maint"), pg.user(), pg.password(), 2, choice, 400);
    }

    @Test
    void underTimescaleARetentionChangedSinceTheMigrationReplacesThePolicies() throws Exception {
        DbConfig cfg = fresh(StorageChoice.AUTO);
        try (HikariDataSource ds = Database.pool(cfg, "test")) {
            StorageMode mode = Database.migrate(ds, cfg);
            try (Connection c = ds.getConnection()) {
                if (mode != StorageMode.TIMESCALE) {
                    // plain PostgreSQL: pretend the migration made hypertables with their 400-day policies
                    TimescaleStandIn.install(c, 400);
                    try (Statement s = c.createStatement()) {
                        s.execute("UPDATE ct_meta SET value = 'timescaledb' WHERE key = 'storage_mode'");
                    }
                }
                c.setAutoCommit(false);

                new PartitionMaintenance(HOURLY, Duration.ofDays(730)).run(c);

                assertThat(dropAfter(c, "telemetry")).isEqualTo("730 days");
                assertThat(dropAfter(c, "telemetry_1m")).isEqualTo("730 days");
            }
        }
    }

    @Test
    void partitionedStorageNeedsNoPoliciesAndStillDropsExpiredPartitions() throws Exception {
        DbConfig cfg = fresh(StorageChoice.PARTITIONED);
        try (HikariDataSource ds = Database.pool(cfg, "test")) {
            Database.migrate(ds, cfg);
            try (Connection c = ds.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT ct_ensure_partitions('telemetry', 'day', now() - interval '20 days', now())");
                }
                c.setAutoCommit(false);

                // no timescaledb_information here: touching it would fail the run
                new PartitionMaintenance(HOURLY, Duration.ofDays(10)).run(c);

                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_class "
                        + "WHERE relname = 'telemetry_' || to_char((now() - interval '15 days') AT TIME ZONE 'UTC', "
                        + "'YYYYMMDD')")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isZero();
                }
            }
        }
    }
}
