package io.coldtrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.core.config.ConfigException;
import io.coldtrace.core.config.Env;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    @Test
    void defaultsWorkAgainstLocalServices() {
        IngestConfig c = IngestConfig.from(new Env(Map.of()));
        assertThat(c.db().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/coldtrace");
        assertThat(c.mqtt().url()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(c.mqtt().clientId()).isEqualTo("coldtrace-ingest-1");
        assertThat(c.batchSize()).isEqualTo(1000);
        assertThat(c.flushInterval()).isEqualTo(Duration.ofMillis(20));
        assertThat(c.maxPayloadBytes()).isEqualTo(1 << 20);
        assertThat(c.maxFutureSkew()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.httpPort()).isEqualTo(8081);
    }

    @Test
    void everyKeyHasAnEnvironmentOverride() {
        IngestConfig c = IngestConfig.from(new Env(Map.of(
                "COLDTRACE_INGEST_BATCH_SIZE", "200", "COLDTRACE_INGEST_FLUSH_MS", "5",
                "COLDTRACE_MQTT_CLIENT_ID", "ingest-b", "COLDTRACE_MQTT_SHARE_GROUP", "ingest",
                "COLDTRACE_INGEST_MAX_BACKLOG_MB", "8", "COLDTRACE_RETENTION_DAYS", "30")));
        assertThat(c.batchSize()).isEqualTo(200);
        assertThat(c.flushInterval()).isEqualTo(Duration.ofMillis(5));
        assertThat(c.mqtt().clientId()).isEqualTo("ingest-b");
        assertThat(c.mqtt().shareGroup()).isEqualTo("ingest");
        assertThat(c.maxBacklogBytes()).isEqualTo(8L << 20);
        assertThat(c.retention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> IngestConfig.from(new Env(Map.of("COLDTRACE_INGEST_BATCH_SIZE", "lots"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("COLDTRACE_INGEST_BATCH_SIZE");
        assertThatThrownBy(() -> IngestConfig.from(new Env(Map.of("COLDTRACE_INGEST_BATCH_SIZE", "1500"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("COLDTRACE_INGEST_BATCH_SIZE");
        assertThatThrownBy(() -> IngestConfig.from(new Env(Map.of("COLDTRACE_MQTT_URL", "http://x"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("COLDTRACE_MQTT_URL");
        assertThatThrownBy(() -> IngestConfig.from(new Env(Map.of("COLDTRACE_DB_STORAGE", "mongo"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("COLDTRACE_DB_STORAGE");
        assertThatThrownBy(() -> IngestConfig.from(new Env(Map.of("COLDTRACE_INGEST_RETRY_MIN_MS", "5000",
                "COLDTRACE_INGEST_RETRY_MAX_MS", "100")))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("RETRY");
    }
}
