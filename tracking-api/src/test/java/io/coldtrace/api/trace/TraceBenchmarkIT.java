package io.coldtrace.api.trace;

import io.coldtrace.api.testing.Http;
import io.coldtrace.api.testing.TestApi;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark, not a test (run with -Dcoldtrace.bench=true): latency of the buyer's page of {@link TraceWorld}'s lot
 * (11 steps, 3 charts) without the time floor, one request at a time; prints p50 / p99. The full-scale figure is
 * deploy/bench/trace.sh's.
 */
@EnabledIfSystemProperty(named = "coldtrace.bench", matches = "true")
class TraceBenchmarkIT {
    @Test
    void hitLatency() {
        try (TestApi api = TestApi.startWith("trace_bench", c -> c.withTrace(c.trace().withRate(100_000, 100_000)
                .withFloor(Duration.ZERO)))) {
            TraceWorld world = new TraceWorld(api, "tb");
            WebClient web = WebClient.create(api.running().vertx(), new WebClientOptions()
                    .setDefaultHost("127.0.0.1").setDefaultPort(api.running().port()));
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                long t = System.nanoTime();
                Http.await(web.get("/t/" + world.traceCode).send());
                if (i >= 100) {
                    micros.add((System.nanoTime() - t) / 1000);
                }
            }
            Collections.sort(micros);
            System.out.printf("trace page: p50 %.1f ms, p99 %.1f ms (%d requests)%n", micros.get(micros.size() / 2)
                    / 1000.0, micros.get(micros.size() * 99 / 100) / 1000.0, micros.size());
            web.close();
        }
    }
}
