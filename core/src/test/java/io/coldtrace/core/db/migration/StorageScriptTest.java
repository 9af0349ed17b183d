package io.coldtrace.core.db.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.core.db.StorageMode;
import org.junit.jupiter.api.Test;

/** The storage scripts carry the configured retention, not a fixed one. */
class StorageScriptTest {

    @Test
    void timescaleRetentionPoliciesUseTheConfiguredDays() {
        String sql = V2__Telemetry_storage.storageScript(StorageMode.TIMESCALE, 30);

        assertThat(sql).contains("SELECT add_retention_policy('telemetry', INTERVAL '30 days');",
                "SELECT add_retention_policy('telemetry_1m', INTERVAL '30 days');");
        assertThat(sql).doesNotContain("${", "400 days");
    }

    @Test
    void partitionedFirstMaintenanceUsesTheConfiguredDays() {
        String sql = V2__Telemetry_storage.storageScript(StorageMode.PARTITIONED, 3650);

        assertThat(sql).contains("SELECT ct_maintain_partitions(interval '3650 days');").doesNotContain("${");
    }

    @Test
    void aRetentionThatIsNotAPositiveNumberOfDaysIsRefused() {
        assertThatThrownBy(() -> V2__Telemetry_storage.storageScript(StorageMode.TIMESCALE, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
