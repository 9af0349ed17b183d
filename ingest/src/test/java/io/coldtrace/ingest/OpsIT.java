package io.coldtrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.core.testing.Await;
import io.coldtrace.core.testing.PrivateMosquitto;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Ingest's probes and metrics: /ready follows the broker, /metrics needs its token. */
class OpsIT {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(IngestHarness h, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.ingest.opsPort() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readyReportsStorageModeAndTurnsUnreadyWhileTheBrokerIsGone() throws Exception {
        try (PrivateMosquitto broker = PrivateMosquitto.start(); IngestHarness h = new IngestHarness(broker.url()).start()) {
            assertThat(get(h, "/health", null).body()).contains("\"up\"");
            Await.until(Duration.ofSeconds(10), () -> status(h, "/ready") == 200, () -> "ready");
            assertThat(get(h, "/ready", null).body()).contains("\"migrations\":\"applied\"")
                    .containsPattern("\"storage\":\"(postgresql-partitioned|timescaledb)\"");
            broker.stop();
            Await.until(Duration.ofSeconds(20), () -> status(h, "/ready") == 503, () -> "still ready");
            assertThat(get(h, "/ready", null).body()).contains("\"broker\":\"disconnected\"");
            broker.restart();
            Await.until(Duration.ofSeconds(30), () -> status(h, "/ready") == 200, () -> "not ready again");
        }
    }

    @Test
    void metricsNeedTheTokenAndExportTheIngestMeters() throws Exception {
        try (PrivateMosquitto broker = PrivateMosquitto.start(); IngestHarness h = new IngestHarness(broker.url()).start()) {
            assertThat(get(h, "/metrics", null).statusCode()).isEqualTo(401);
            assertThat(get(h, "/metrics", "wrong").statusCode()).isEqualTo(401);
            HttpResponse<String> ok = get(h, "/metrics", "test-metrics-token");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("coldtrace_ingest_messages_received_total", "coldtrace_ingest_lag_seconds_bucket",
                    "coldtrace_ingest_backlog_messages", "jvm_memory_used_bytes");
            // Vert.x's own meters land in the same registry: the two refused requests above were counted
            assertThat(ok.body()).contains("vertx_http_server_requests_total");
            assertThat(get(h, "/nothing", null).statusCode()).isEqualTo(404);
        }
    }

    private int status(IngestHarness h, String path) {
        try {
            return get(h, path, null).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
