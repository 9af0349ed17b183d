package io.coldtrace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.core.config.ConfigException;
import io.coldtrace.core.config.Env;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiConfigTest {

    @Test
    void defaultsServeOnPort8080WithMetricsDisabled() {
        ApiConfig cfg = ApiConfig.from(new Env(Map.of()));
        assertThat(cfg.httpPort()).isEqualTo(8080);
        assertThat(cfg.httpHost()).isEqualTo("0.0.0.0");
        assertThat(cfg.metricsEnabled()).isFalse();
        assertThat(cfg.workerPoolSize()).isEqualTo(8);
        assertThat(cfg.db().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/coldtrace");
    }

    @Test
    void everyKeyHasAnEnvironmentOverride() {
        ApiConfig cfg = ApiConfig.from(new Env(Map.of(
                "COLDTRACE_API_HTTP_PORT", "9090",
                "COLDTRACE_API_HTTP_HOST", "127.0.0.1",
                "COLDTRACE_METRICS_TOKEN", "0123456789abcdef-scrape",
                "COLDTRACE_API_WORKER_POOL_SIZE", "3",
                "COLDTRACE_DB_URL", "jdbc:postgresql://db:5432/x")));
        assertThat(cfg).isEqualTo(new ApiConfig(9090, "127.0.0.1", cfg.db(), "0123456789abcdef-scrape", 3));
        assertThat(cfg.db().url()).isEqualTo("jdbc:postgresql://db:5432/x");
        assertThat(cfg.metricsEnabled()).isTrue();
    }

    @Test
    void badValuesFailNamingTheKey() {
        assertThatThrownBy(() -> ApiConfig.from(new Env(Map.of("COLDTRACE_API_HTTP_PORT", "http"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("COLDTRACE_API_HTTP_PORT");
        assertThatThrownBy(() -> ApiConfig.from(new Env(Map.of("COLDTRACE_API_WORKER_POOL_SIZE", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("COLDTRACE_API_WORKER_POOL_SIZE");
        assertThatThrownBy(() -> ApiConfig.from(new Env(Map.of("COLDTRACE_METRICS_TOKEN", "short"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("COLDTRACE_METRICS_TOKEN");
    }

    @Test
    void anchorsAreHourlyUnsignedAndLoggedInTheDataDirectoryUnlessConfigured() {
        ApiConfig defaults = ApiConfig.from(new Env(Map.of()));
        assertThat(defaults.dataDir()).isEqualTo(Path.of("data"));
        assertThat(defaults.anchor()).isEqualTo(new AnchorConfig(Duration.ofHours(1), null,
                Path.of("data", "chain-anchors.jsonl")));
        assertThat(defaults.anchor().signs()).isFalse();

        String key = "k".repeat(AnchorConfig.MIN_KEY_CHARS);
        ApiConfig set = ApiConfig.from(new Env(Map.of("COLDTRACE_API_DATA_DIR", "/var/lib/coldtrace",
                "COLDTRACE_ANCHOR_INTERVAL_S", "600", "COLDTRACE_ANCHOR_KEY", key)));
        assertThat(set.anchor()).isEqualTo(new AnchorConfig(Duration.ofMinutes(10), key,
                Path.of("/var/lib/coldtrace/chain-anchors.jsonl")));
        assertThat(set.toString()).doesNotContain(key).contains("signed");
        assertThat(ApiConfig.from(new Env(Map.of("COLDTRACE_ANCHOR_LOG", "/mnt/worm/anchors.jsonl"))).anchor().log())
                .isEqualTo(Path.of("/mnt/worm/anchors.jsonl"));
        assertThatThrownBy(() -> ApiConfig.from(new Env(Map.of("COLDTRACE_ANCHOR_KEY", "short"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("COLDTRACE_ANCHOR_KEY");
        assertThatThrownBy(() -> ApiConfig.from(new Env(Map.of("COLDTRACE_ANCHOR_INTERVAL_S", "-1"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("COLDTRACE_ANCHOR_INTERVAL_S");
    }

    @Test
    void thePublicBaseUrlIsDerivedUnlessSetAndLosesItsTrailingSlash() {
        assertThat(ApiConfig.from(new Env(Map.of())).publicBaseUrl()).isEmpty();
        assertThat(ApiConfig.from(new Env(Map.of("COLDTRACE_PUBLIC_BASE_URL", "https://trace.example.com/")))
                .publicBaseUrl()).isEqualTo("https://trace.example.com");
        assertThat(ApiConfig.from(new Env(Map.of("COLDTRACE_PUBLIC_BASE_URL", "http://10.0.0.5:8080/ct//")))
                .publicBaseUrl()).isEqualTo("http://10.0.0.5:8080/ct");
        for (String bad : new String[] {"trace.example.com", "ftp://x.example.com", "https://x.example.com/?a=1",
                "https://x.example.com/#top", "https://user@x.example.com", "https:///path", "http://bad host"}) {
            assertThatThrownBy(() -> ApiConfig.from(new Env(Map.of("COLDTRACE_PUBLIC_BASE_URL", bad))))
                    .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining("COLDTRACE_PUBLIC_BASE_URL");
        }
    }

    @Test
    void withoutAReadUrlThereIsNoReplica() {
        assertThat(ApiConfig.from(new Env(Map.of("COLDTRACE_DB_READ_USER", "reader"))).readDb()).isNull();
    }

    @Test
    void theReplicaTakesThePrimarysCredentialsAndPoolSizeUnlessOverridden() {
        ApiConfig same = ApiConfig.from(new Env(Map.of(
                "COLDTRACE_DB_USER", "app", "COLDTRACE_DB_PASSWORD", "secret", "COLDTRACE_DB_POOL_SIZE", "6",
                "COLDTRACE_DB_READ_URL", "jdbc:postgresql://replica:5432/x")));
        assertThat(same.readDb().url()).isEqualTo("jdbc:postgresql://replica:5432/x");
        assertThat(same.readDb().user()).isEqualTo("app");
        assertThat(same.readDb().password()).isEqualTo("secret");
        assertThat(same.readDb().poolSize()).isEqualTo(6);

        ApiConfig own = ApiConfig.from(new Env(Map.of(
                "COLDTRACE_DB_USER", "app", "COLDTRACE_DB_PASSWORD", "secret",
                "COLDTRACE_DB_READ_URL", "jdbc:postgresql://replica:5432/x", "COLDTRACE_DB_READ_USER", "reader",
                "COLDTRACE_DB_READ_PASSWORD", "reader-secret", "COLDTRACE_DB_READ_POOL_SIZE", "9")));
        assertThat(own.readDb().user()).isEqualTo("reader");
        assertThat(own.readDb().password()).isEqualTo("reader-secret");
        assertThat(own.readDb().poolSize()).isEqualTo(9);
        assertThat(own.db().user()).as("the primary keeps its own").isEqualTo("app");
    }

    @Test
    void badReplicaValuesFailNamingTheKey() {
        assertThatThrownBy(() -> ApiConfig.from(new Env(Map.of("COLDTRACE_DB_READ_URL", "postgres://replica/x"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("COLDTRACE_DB_READ_URL");
        assertThatThrownBy(() -> ApiConfig.from(new Env(Map.of("COLDTRACE_DB_READ_URL", "jdbc:postgresql://r/x",
                "COLDTRACE_DB_READ_POOL_SIZE", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("COLDTRACE_DB_READ_POOL_SIZE");
    }

    @Test
    void toStringNamesTheReplicaButNotItsPassword() {
        ApiConfig cfg = ApiConfig.from(new Env(Map.of("COLDTRACE_DB_READ_URL", "jdbc:postgresql://replica:5432/x",
                "COLDTRACE_DB_READ_PASSWORD", "reader-secret")));
        assertThat(cfg.toString()).contains("jdbc:postgresql://replica:5432/x").doesNotContain("reader-secret");
    }

    @Test
    void toStringHidesTheMetricsToken() {
        ApiConfig cfg = ApiConfig.from(new Env(Map.of("COLDTRACE_METRICS_TOKEN", "0123456789abcdef-scrape")));
        assertThat(cfg.toString()).doesNotContain("0123456789abcdef-scrape");
    }

    @Test
    void theBuyersPageIsLimitedPerAddressBehindNoProxyUnlessConfigured() {
        TraceConfig defaults = ApiConfig.from(new Env(Map.of())).trace();
        assertThat(defaults).isEqualTo(new TraceConfig(60, 30, java.util.Set.of(), "", Duration.ofMillis(30), 3, 5));
        TraceConfig set = ApiConfig.from(new Env(Map.of("COLDTRACE_TRACE_RATE_BURST", "10",
                "COLDTRACE_TRACE_RATE_PER_MIN", "5", "COLDTRACE_TRUSTED_PROXIES", "10.0.0.2, 10.0.0.3",
                "COLDTRACE_TRACE_REGION_HEADER", "X-Client-Region", "COLDTRACE_TRACE_FLOOR_MS", "40",
                "COLDTRACE_TRACE_COPY_FACTOR", "4", "COLDTRACE_TRACE_COPY_MIN_PLACES", "8"))).trace();
        assertThat(set).isEqualTo(new TraceConfig(10, 5, java.util.Set.of("10.0.0.2", "10.0.0.3"),
                "X-Client-Region", Duration.ofMillis(40), 4, 8));
        assertThatThrownBy(() -> ApiConfig.from(new Env(Map.of("COLDTRACE_TRACE_RATE_BURST", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("COLDTRACE_TRACE_RATE_BURST");
        assertThatThrownBy(() -> ApiConfig.from(new Env(Map.of("COLDTRACE_TRACE_REGION_HEADER", "X Region"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("COLDTRACE_TRACE_REGION_HEADER");
        assertThatThrownBy(() -> ApiConfig.from(new Env(Map.of("COLDTRACE_TRACE_FLOOR_MS", "-1"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("COLDTRACE_TRACE_FLOOR_MS");
    }
}
