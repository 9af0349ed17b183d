package io.coldtrace.core.db;

import static io.coldtrace.core.testing.TimescaleStandIn.dropAfter;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.coldtrace.core.config.DbConfig;
import io.coldtrace.core.config.DbConfig.StorageChoice;
import io.coldtrace.core.testing.TestPostgres;
import io.coldtrace.core.testing.TimescaleStandIn;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Retention policies follow the configured days: on TimescaleDB where the test server has it, else a stand-in. */
class TimescaleRetentionIT {

    @Test
    void policiesAreReplacedOnlyWhenTheConfiguredDaysDiffer() throws Exception {
        TestPostgres pg = TestPostgres.get();
        DbConfig cfg = new DbConfig(pg.createDatabase("retention"), pg.user(), pg.password(), 2,
                StorageChoice.AUTO, 400);
        try (HikariDataSource ds = Database.pool(cfg, "test")) {
            StorageMode mode = Database.migrate(ds, cfg);
            try (Connection c = ds.getConnection()) {
                if (mode != StorageMode.TIMESCALE) {
                    TimescaleStandIn.install(c, 400);
                }
                assertThat(dropAfter(c, "telemetry")).isEqualTo("400 days");
                assertThat(dropAfter(c, "telemetry_1m")).isEqualTo("400 days");

                assertThat(TimescaleRetention.apply(c, 400)).isEmpty();
                assertThat(TimescaleRetention.apply(c, 30)).containsExactly("telemetry", "telemetry_1m");
                assertThat(dropAfter(c, "telemetry")).isEqualTo("30 days");
                assertThat(dropAfter(c, "telemetry_1m")).isEqualTo("30 days");
                assertThat(TimescaleRetention.apply(c, 30)).isEmpty();

                try (Statement s = c.createStatement()) {
                    s.execute("SELECT remove_retention_policy('telemetry_1m')");
                }
                assertThat(dropAfter(c, "telemetry_1m")).isNull();
                assertThat(TimescaleRetention.apply(c, 30)).containsExactly("telemetry_1m");
                assertThat(dropAfter(c, "telemetry_1m")).isEqualTo("30 days");
            }
        }
    }
}
