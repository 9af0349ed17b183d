package io.coldtrace.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.coldtrace.core.config.DbConfig;
import io.coldtrace.core.config.DbConfig.StorageChoice;
import io.coldtrace.core.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class MigrationsIT {

    private static DbConfig fresh(StorageChoice choice) {
        TestPostgres pg = TestPostgres.get();
        return new DbConfig(pg.createDatabase("migr"), pg.user(), pg.password(), 2, choice);
    }

    @Test
    void autoModeOnPlainPostgresCreatesDailyPartitionsAndReportsItsMode() throws Exception {
        DbConfig cfg = fresh(StorageChoice.AUTO);
        try (HikariDataSource ds = Database.pool(cfg, "test")) {
            StorageMode mode = Database.migrate(ds, cfg);
            boolean timescale = has(ds, "SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'");
            assertThat(mode).isEqualTo(timescale ? StorageMode.TIMESCALE : StorageMode.PARTITIONED);
            if (!timescale) {
                assertThat(has(ds, "SELECT 1 FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid "
                        + "WHERE c.relname = 'telemetry'")).isTrue();
                assertThat(has(ds, "SELECT 1 FROM pg_class WHERE relname = 'telemetry_'"
                        + " || to_char(now() AT TIME ZONE 'UTC', 'YYYYMMDD')")).isTrue();
            }
        }
    }

    @Test
    void migratingTwiceIsANoOpAndKeepsTheMode() {
        DbConfig cfg = fresh(StorageChoice.PARTITIONED);
        try (HikariDataSource ds = Database.pool(cfg, "test")) {
            assertThat(Database.migrate(ds, cfg)).isEqualTo(StorageMode.PARTITIONED);
            assertThat(Database.migrate(ds, cfg)).isEqualTo(StorageMode.PARTITIONED);
        }
    }

    @Test
    void aCopyOfTheTestTemplateIsFullyMigratedAndIsolatedFromOtherCopies() throws Exception {
        TestPostgres pg = TestPostgres.get();
        DbConfig a = new DbConfig(pg.createMigratedDatabase("copy_a"), pg.user(), pg.password(), 2, StorageChoice.AUTO);
        DbConfig b = new DbConfig(pg.createMigratedDatabase("copy_b"), pg.user(), pg.password(), 2, StorageChoice.AUTO);
        try (HikariDataSource da = Database.pool(a, "test"); HikariDataSource db = Database.pool(b, "test")) {
            // versioned migrations, and the repeatable seed of the bundled divisions (R__Bundled_divisions)
            String history = "SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL";
            long applied = count(da, history);
            assertThat(applied).isEqualTo(count(da, "SELECT count(DISTINCT version) FROM flyway_schema_history"))
                    .isGreaterThan(1);
            Database.migrate(da, a);
            assertThat(count(da, history)).as("Flyway found nothing left to apply").isEqualTo(applied);
            assertThat(count(da, "SELECT count(*) FROM flyway_schema_history WHERE version IS NULL"))
                    .as("the bundled divisions seeded once, not again while the file is unchanged").isOne();
            assertThat(count(da, "SELECT count(*) FROM division")).isEqualTo(count(da,
                    "SELECT count(*) FROM division_change c JOIN division_import i ON i.id = c.import_id"
                            + " WHERE i.source = 'seed'")).isGreaterThan(100);
            try (Connection c = da.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO org (id, name) VALUES ('only-in-a', 'A')");
            }
            String mine = "SELECT count(*) FROM org WHERE id = 'only-in-a'";
            assertThat(count(da, mine)).isOne();
            assertThat(count(db, mine)).as("the other copy does not see it").isZero();
        }
    }

    @Test
    void partitionMaintenanceDropsPartitionsPastRetentionAndCreatesUpcomingOnes() throws Exception {
        DbConfig cfg = fresh(StorageChoice.PARTITIONED);
        try (HikariDataSource ds = Database.pool(cfg, "test")) {
            Database.migrate(ds, cfg);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("SELECT ct_ensure_partitions('telemetry', 'day', now() - interval '20 days', now())");
                s.execute("SELECT ct_maintain_partitions(interval '10 days')");
            }
            assertThat(has(ds, "SELECT 1 FROM pg_class WHERE relname = 'telemetry_'"
                    + " || to_char((now() - interval '15 days') AT TIME ZONE 'UTC', 'YYYYMMDD')")).isFalse();
            assertThat(has(ds, "SELECT 1 FROM pg_class WHERE relname = 'telemetry_'"
                    + " || to_char((now() - interval '5 days') AT TIME ZONE 'UTC', 'YYYYMMDD')")).isTrue();
            assertThat(has(ds, "SELECT 1 FROM pg_class WHERE relname = 'telemetry_'"
                    + " || to_char((now() + interval '7 days') AT TIME ZONE 'UTC', 'YYYYMMDD')")).isTrue();
        }
    }

    @Test
    void demandingTimescaleWhereItIsMissingFailsWithAMessageSayingWhatToDo() throws Exception {
        DbConfig cfg = fresh(StorageChoice.TIMESCALE);
        try (HikariDataSource ds = Database.pool(cfg, "test")) {
            if (has(ds, "SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'")) {
                assertThat(Database.migrate(ds, cfg)).isEqualTo(StorageMode.TIMESCALE);
            } else {
                assertThatThrownBy(() -> Database.migrate(ds, cfg))
                        .hasStackTraceContaining("COLDTRACE_DB_STORAGE=auto");
            }
        }
    }

    private static long count(HikariDataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean has(HikariDataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }
}
