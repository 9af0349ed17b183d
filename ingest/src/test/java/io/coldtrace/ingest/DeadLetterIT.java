package io.coldtrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.core.testing.Await;
import io.coldtrace.core.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every class of bad input becomes a dead letter with its reason, while good data keeps flowing. */
class DeadLetterIT {
    static IngestHarness h;
    static TestDevice dev;

    @BeforeAll
    static void start() throws Exception {
        h = new IngestHarness(TestBroker.url()).with("COLDTRACE_INGEST_MAX_PAYLOAD_BYTES", "4096").start();
        dev = new TestDevice(h.mqttUrl, "site-dl", "DL-1");
    }

    @AfterAll
    static void stop() throws Exception {
        dev.close();
        h.close();
    }

    private static String reading(long tsMs, String extra) {
        return "{\"ts\":" + tsMs + ",\"temp\":{\"air\":2.5}" + extra + "}";
    }

    @Test
    void eachBadInputClassIsDeadLetteredWithItsReasonAndTheGoodMessageAfterItIsStored() throws Exception {
        long now = Instant.now().toEpochMilli();
        String big = "x".repeat(5000);
        List<String[]> cases = List.of(
                new String[] {"malformed_json", "{\"v\":1,\"seq\":1,\"readings\":[{\"ts\":" + now},
                new String[] {"wrong_type", "{\"v\":1,\"seq\":\"two\",\"readings\":[" + reading(now, "") + "]}"},
                new String[] {"missing_field", "{\"v\":1,\"readings\":[" + reading(now, "") + "]}"},
                new String[] {"unknown_version", "{\"v\":9,\"seq\":3,\"readings\":[" + reading(now, "") + "]}"},
                new String[] {"too_large", "{\"v\":1,\"seq\":4,\"pad\":\"" + big + "\",\"readings\":[]}"},
                new String[] {"not_finite", "{\"v\":1,\"seq\":5,\"readings\":[{\"ts\":" + now
                        + ",\"temp\":{\"air\":NaN}}]}"},
                new String[] {"not_finite", "{\"v\":1,\"seq\":6,\"readings\":[{\"ts\":" + (now + 1)
                        + ",\"rh\":Infinity}]}"},
                new String[] {"out_of_range", "{\"v\":1,\"seq\":7,\"readings\":[{\"ts\":" + now
                        + ",\"temp\":{\"air\":-100}}]}"},
                new String[] {"future_timestamp", "{\"v\":1,\"seq\":8,\"readings\":[" + reading(now + 3_600_000, "") + "]}"},
                new String[] {"wrong_type", "{\"v\":1,\"seq\":9,\"readings\":[" + reading(now + 2, ",\"door\":\"open\"") + "]}"},
                new String[] {"unknown_probe", "{\"v\":1,\"seq\":10,\"readings\":[{\"ts\":" + (now + 3)
                        + ",\"temp\":{\"coil\":1.0}}]}"});
        for (String[] c : cases) {
            dev.raw(c[1]);
        }
        dev.raw("coldtrace/v1/site dl!/DL-1/telemetry", "{}".getBytes(StandardCharsets.UTF_8));
        dev.send(11, List.of(TestDevice.room(Instant.now().minusSeconds(5), 3.0)));

        Await.until(Duration.ofSeconds(20), () -> h.count("SELECT count(*) FROM dead_letter") == cases.size() + 1
                        && h.count("SELECT readings FROM device WHERE ext_id = 'DL-1'") == 1,
                () -> h.count("SELECT count(*) FROM dead_letter") + " dead letters");
        for (String reason : cases.stream().map(c -> c[0]).distinct().toList()) {
            long expected = cases.stream().filter(c -> c[0].equals(reason)).count();
            assertThat(h.count("SELECT count(*) FROM dead_letter WHERE reason = '" + reason + "'"))
                    .as("dead letters with reason %s", reason).isEqualTo(expected);
        }
        assertThat(h.count("SELECT count(*) FROM dead_letter WHERE reason = 'bad_topic'")).isEqualTo(1);
        // the raw payload is kept as evidence, byte for byte
        String kept = h.one("SELECT convert_from(payload, 'UTF8') FROM dead_letter WHERE reason = 'unknown_version'",
                rs -> rs.getString(1));
        assertThat(kept).isEqualTo(cases.get(3)[1]);
        String field = h.one("SELECT field FROM dead_letter WHERE reason = 'out_of_range'", rs -> rs.getString(1));
        assertThat(field).isEqualTo("readings[0].temp.air");
    }

    @Test
    void aMessageWithSomeBadReadingsKeepsTheGoodOnes() throws Exception {
        long now = Instant.now().toEpochMilli() - 60_000;
        dev.raw("{\"v\":1,\"seq\":100,\"readings\":[" + reading(now, "") + ","
                + "{\"ts\":" + (now + 1000) + ",\"temp\":{\"air\":-100}}," + reading(now + 2000, "") + ","
                + reading(now + 2000, ",\"rh\":50") + "]}");
        Await.until(Duration.ofSeconds(20), () -> h.count("SELECT count(*) FROM dead_letter WHERE seq = 100") == 2,
                () -> h.count("SELECT count(*) FROM dead_letter WHERE seq = 100") + " dead letters for seq 100");
        assertThat(h.count("SELECT count(*) FROM telemetry t JOIN device d ON d.id = t.device_id "
                + "WHERE d.ext_id = 'DL-1' AND t.seq = 100")).isEqualTo(2);
        assertThat(h.count("SELECT count(*) FROM dead_letter WHERE seq = 100 AND reason = 'out_of_range' "
                + "AND reading_idx = 1")).isEqualTo(1);
        assertThat(h.count("SELECT count(*) FROM dead_letter WHERE seq = 100 AND reason = 'duplicate_timestamp' "
                + "AND reading_idx = 3")).isEqualTo(1);
    }
}
