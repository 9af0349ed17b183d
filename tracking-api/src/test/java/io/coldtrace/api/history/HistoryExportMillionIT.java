package io.coldtrace.api.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.StreamedBody;
import io.coldtrace.api.testing.Seeds;
import io.coldtrace.api.testing.TestApi;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A million raw readings of one device exported as history CSV by a server and client sharing one JVM of 96 MB heap
 * (the small-heap failsafe execution in pom.xml): holding the answer in memory (~1M points, ~45 MB of text) cannot
 * fit, so the export has to stream. The client counts lines as they arrive and keeps only the first and last.
 */
@Tag("small-heap")
class HistoryExportMillionIT {
    private static final int ROWS = 1_000_000;
    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
    private static final int STEP_S = 30;

    @Test
    void aMillionRawReadingsStreamInASmallHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("runs in the 96 MB fork").isLessThan(128L << 20);
        try (TestApi api = TestApi.start("history_million")) {
            Seeds s = api.seeds();
            s.org("o1", "Org");
            s.site("s1", "o1", "Site s1", "other", "UTC");
            s.unit("bulk", "s1", "cold_room", "Bulk", "chilled", null);
            s.bind(s.device("dev-bulk", "s1", STEP_S), "bulk", Instant.parse("2024-01-01T00:00:00Z"), null);
            long t0 = System.nanoTime();
            // one statement, parameters bound: reading i at START + 30 s * i, value (i % 100) / 10, door every hour
            api.sql("INSERT INTO telemetry (device_id, ts, seq, t_air, door_open, defrost, ingested_at) "
                    + "SELECT d.id, ?::timestamptz + i * make_interval(secs => ?), i, (i % 100) / 10.0, "
                    + "i % 120 = 0, false, now() "
                    + "FROM device d, generate_series(0, ? - 1) i WHERE d.ext_id = ?",
                    START.toString(), STEP_S, ROWS, "dev-bulk");
            api.sql("ANALYZE telemetry");
            long seeded = System.nanoTime();

            String uri = "/api/v1/units/bulk/history?from=2024-03-01T00:00:00Z&to=2025-03-01T00:00:00Z"
                    + "&format=csv&resolution=raw";
            try (StreamedBody body = StreamedBody.get(api.running().vertx(), api.running().port(), uri,
                    api.token(Role.OPERATOR, "o1"))) {
                assertThat(body.response().statusCode()).isEqualTo(200);
                body.outcome().get(120, TimeUnit.SECONDS);
                long done = System.nanoTime();
                assertThat(body.lines()).isEqualTo(1 + ROWS);
                assertThat(body.head()).containsExactly("ts,min,max,avg,door_open,defrost",
                        "2024-03-01T00:00:00Z,0.0,0.0,0.0,true,false",
                        "2024-03-01T00:00:30Z,0.1,0.1,0.1,false,false");
                Instant lastTs = START.plusSeconds((long) STEP_S * (ROWS - 1));
                assertThat(body.last()).isEqualTo(lastTs + ",9.9,9.9,9.9,false,false");
                System.out.printf("history CSV export: %d rows, %.1f MB in %.1f s (seeding %.1f s), max heap %d MB,"
                                + " peak heap used %d MB%n", ROWS, body.bytes() / 1e6, (done - seeded) / 1e9,
                        (seeded - t0) / 1e9, Runtime.getRuntime().maxMemory() >> 20, peakHeapUsed() >> 20);
            }
        }
    }

    /** The sum of the heap pools' peak use since the JVM started. */
    private static long peakHeapUsed() {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
        return pools.stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
