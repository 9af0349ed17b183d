package io.coldtrace.api.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.Seeds;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.telemetry.Reading;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark, not a test (run with -Dcoldtrace.bench=true): latency of a 7-day history (minute rollups, 10,080
 * points) of one unit among 20 devices with 8 days of 1-minute data each, stored as ingest stores it. Target:
 * p99 ≤ 100 ms. Prints percentiles.
 */
@EnabledIfSystemProperty(named = "coldtrace.bench", matches = "true")
class HistoryBenchmarkIT {
    private static final int WARMUP = 30;
    private static final int RUNS = 300;

    @Test
    void sevenDayHistoryLatency() {
        try (TestApi api = TestApi.start("history_bench")) {
            Seeds s = api.seeds();
            s.org("o1", "Org");
            s.site("s1", "o1", "Site s1", "other", "UTC");
            s.profile("p1", "o1", "Profile p1", "air", null, 0.0, 8.0, 10.0);
            List<Reading> days = Seeds.every(Instant.parse("2025-02-22T00:00:00Z"),
                    Instant.parse("2025-03-02T00:00:00Z"), Duration.ofMinutes(1))
                    .map(ts -> Reading.at(ts).air(4.5).build()).toList();
            for (int d = 0; d < 20; d++) {
                s.unit("u" + d, "s1", "cold_room", "Unit u" + d, "chilled", "p1");
                Seeds.Device device = s.device("dev-" + d, "s1", 60);
                s.bind(device, "u" + d, Instant.parse("2025-02-01T00:00:00Z"), null);
                s.readings(device, days);
            }
            api.sql("ANALYZE");
            String token = api.token(Role.OPERATOR, "o1");
            for (String format : new String[] {"json", "csv"}) {
                String uri = "/api/v1/units/u7/history?from=2025-02-23T00:00:00Z&to=2025-03-02T00:00:00Z&format="
                        + format;
                long[] ms = new long[RUNS];
                for (int i = 0; i < WARMUP + RUNS; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<Buffer> r = api.http().get(uri, token);
                    long micros = (System.nanoTime() - t0) / 1000;
                    assertThat(r.statusCode()).isEqualTo(200);
                    if (i >= WARMUP) {
                        ms[i - WARMUP] = micros;
                    }
                }
                Arrays.sort(ms);
                System.out.printf("history 7 d (%s, 10080 points): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        format, ms[RUNS / 2] / 1000d, ms[RUNS * 9 / 10] / 1000d, ms[RUNS * 99 / 100] / 1000d,
                        ms[RUNS - 1] / 1000d);
            }
        }
    }
}
