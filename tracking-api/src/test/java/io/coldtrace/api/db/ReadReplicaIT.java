package io.coldtrace.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.Http;
import io.coldtrace.api.testing.Seeds;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.testing.Ports;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Heavy reads (history JSON and CSV, daily record) with a read replica configured: one pointing at the test database
 * itself serves them; one pointing at a port where nothing listens falls back to the primary and every request still
 * succeeds. The metrics say which database served each read.
 */
class ReadReplicaIT {
    private static final String HISTORY = "/api/v1/units/room/history?from=2025-03-01T00:00:00Z"
            + "&to=2025-03-01T02:00:00Z";

    @Test
    void aReplicaOnTheSameDatabaseServesTheHeavyReads() {
        try (TestApi api = TestApi.start("replica_same", UnaryOperator.identity(), (routes, db) -> { })) {
            readEverything(api);
            assertThat(metric(api, "coldtrace_api_db_reads_total{source=\"replica\"")).isEqualTo(3);
            assertThat(metric(api, "coldtrace_api_db_reads_total{source=\"primary\"")).isZero();
            assertThat(metric(api, "coldtrace_api_db_replica_failures_total")).isZero();
        }
    }

    @Test
    void aReplicaThatIsDownFallsBackToThePrimary() {
        int dead = Ports.free();
        try (TestApi api = TestApi.start("replica_dead",
                url -> url.replaceFirst("//[^/]+/", "//127.0.0.1:" + dead + "/"), (routes, db) -> { })) {
            assertThat(api.running().readDataSource().getJdbcUrl()).contains(":" + dead + "/");
            readEverything(api);
            assertThat(metric(api, "coldtrace_api_db_reads_total{source=\"primary\"")).isEqualTo(3);
            assertThat(metric(api, "coldtrace_api_db_reads_total{source=\"replica\"")).isZero();
            assertThat(metric(api, "coldtrace_api_db_replica_failures_total")).as("tried once, then skipped")
                    .isEqualTo(1);
        }
    }

    @Test
    void withoutAReplicaTheHeavyReadsUseThePrimary() {
        try (TestApi api = TestApi.start("replica_none")) {
            assertThat(api.running().readDataSource()).isNull();
            readEverything(api);
            assertThat(metric(api, "coldtrace_api_db_reads_total{source=\"primary\"")).isEqualTo(3);
        }
    }

    /** A unit with two hours of readings, read as history JSON, history CSV and daily record; all must be 200. */
    private static void readEverything(TestApi api) {
        Seeds s = api.seeds();
        s.org("o1", "Org");
        s.site("s1", "o1", "Site s1", "other", "UTC");
        s.unit("room", "s1", "cold_room", "Room", "chilled", null);
        Seeds.Device dev = s.device("dev", "s1", 60);
        s.bind(dev, "room", Instant.parse("2025-02-28T00:00:00Z"), null);
        s.readings(dev, Seeds.every(Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-03-01T02:00:00Z"),
                Duration.ofMinutes(1)).map(ts -> Seeds.coldRoom(ts, 4.0)).toList());
        String token = api.token(Role.QA, "o1");
        assertThat(Http.json(ok(api.http().get(HISTORY, token))).getJsonArray("points")).hasSize(120);
        assertThat(ok(api.http().get(HISTORY + "&format=csv", token)).bodyAsString().lines()).hasSize(121);
        assertThat(ok(api.http().get("/api/v1/units/room/record?date=2025-03-01", token)).bodyAsString())
                .contains("[readings]");
    }

    private static HttpResponse<Buffer> ok(HttpResponse<Buffer> r) {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r;
    }

    private static double metric(TestApi api, String prefix) {
        String text = api.http().get("/metrics", TestApi.METRICS_TOKEN).bodyAsString();
        return text.lines().filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + prefix + " in\n" + text));
    }
}
