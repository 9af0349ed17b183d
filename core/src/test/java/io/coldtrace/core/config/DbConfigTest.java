package io.coldtrace.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DbConfigTest {

    @Test
    void retentionDefaultsTo400DaysAndFollowsTheEnvironment() {
        assertThat(DbConfig.from(new Env(Map.of())).retentionDays()).isEqualTo(400);
        assertThat(DbConfig.from(new Env(Map.of("COLDTRACE_RETENTION_DAYS", "730"))).retentionDays()).isEqualTo(730);
    }

    @Test
    void retentionMustBeAPositiveWholeNumberOfDays() {
        for (String bad : new String[] {"0", "-5", "30 days", "1; DROP TABLE telemetry", "36501"}) {
            assertThatThrownBy(() -> DbConfig.from(new Env(Map.of("COLDTRACE_RETENTION_DAYS", bad))))
                    .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining("COLDTRACE_RETENTION_DAYS");
        }
        assertThatThrownBy(() -> new DbConfig("jdbc:postgresql://h/db", "u", "", 1, DbConfig.StorageChoice.AUTO, 0))
                .isInstanceOf(ConfigException.class);
    }
}
