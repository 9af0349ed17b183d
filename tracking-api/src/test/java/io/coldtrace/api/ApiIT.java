package io.coldtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.Http;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.db.StorageMode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The started API over HTTP: probes, metrics, routing errors. */
class ApiIT {
    private static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.start("api");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void healthSaysUpWithoutCredentials() {
        HttpResponse<Buffer> r = api.http().get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.getHeader("content-type")).startsWith("application/json");
        assertThat(Http.json(r)).isEqualTo(new JsonObject().put("status", "up"));
    }

    @Test
    void readyReportsDatabaseMigrationsAndTheStorageModeInForce() {
        HttpResponse<Buffer> r = api.http().get("/ready");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Http.json(r)).isEqualTo(new JsonObject().put("status", "ready").put("database", "up")
                .put("migrations", "applied").put("storage", api.running().storage().label()));
        assertThat(Http.json(r).getString("storage"))
                .isIn(StorageMode.PARTITIONED.label(), StorageMode.TIMESCALE.label());
    }

    @Test
    void metricsWithoutATokenIs401Json() {
        HttpResponse<Buffer> r = api.http().get("/metrics");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(Http.json(r).getString("error")).isEqualTo("unauthorized");
    }

    @Test
    void metricsWithTheWrongTokenIs401() {
        assertThat(api.http().get("/metrics", "not-the-metrics-token").statusCode()).isEqualTo(401);
    }

    @Test
    void metricsWithAnApiTokenInsteadOfTheMetricsTokenIs401() {
        assertThat(api.http().get("/metrics", api.token(Role.ADMIN)).statusCode()).isEqualTo(401);
    }

    @Test
    void metricsWithTheMetricsTokenServesPrometheusTextIncludingVertxHttpMetrics() {
        api.http().get("/health");
        HttpResponse<Buffer> r = api.http().get("/metrics", TestApi.METRICS_TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.getHeader("content-type")).startsWith("text/plain");
        assertThat(r.bodyAsString()).contains("vertx_http_server_requests_total");
    }

    @Test
    void unknownRouteIs404Json() {
        HttpResponse<Buffer> r = api.http().get("/no/such/thing");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(Http.json(r).getString("error")).isEqualTo("not_found");
    }

    @Test
    void wrongMethodIs405Json() {
        HttpResponse<Buffer> r = api.http().send(HttpMethod.POST, "/health", null);
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(Http.json(r).getString("error")).isEqualTo("method_not_allowed");
    }
}
