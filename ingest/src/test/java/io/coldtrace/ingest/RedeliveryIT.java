package io.coldtrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.core.testing.Await;
import io.coldtrace.core.testing.TestBroker;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** At-least-once delivery plus the natural key: a message delivered twice is stored once, rollups count it once. */
class RedeliveryIT {

    @Test
    void theSameMessageTwiceWritesNothingTwiceAndRollupsStayExact() throws Exception {
        try (IngestHarness h = new IngestHarness(TestBroker.url()).start();
             TestDevice d = new TestDevice(h.mqttUrl, "site-r", "RD-1")) {
            Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(5, ChronoUnit.MINUTES);
            List<Reading> readings = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                readings.add(TestDevice.room(t0.plusSeconds(i * 10), 1.0 + i));
            }
            d.send(0, readings);
            d.send(0, readings);
            d.send(1, List.of(TestDevice.room(t0.plusSeconds(70), 9.0)));
            d.send(0, readings);
            Await.until(Duration.ofSeconds(20), () -> h.count("SELECT msgs FROM device WHERE ext_id = 'RD-1'") == 2
                            && h.ingest.registry().get("coldtrace.ingest.readings.duplicate").counter().count() == 12,
                    () -> "msgs=" + h.count("SELECT msgs FROM device WHERE ext_id = 'RD-1'"));
            assertThat(h.count("SELECT count(*) FROM telemetry")).isEqualTo(7);
            assertThat(h.count("SELECT sum(n) FROM telemetry_1m")).isEqualTo(7);
            assertThat(h.count("SELECT n FROM telemetry_1m WHERE bucket = '" + t0 + "'")).isEqualTo(6);
            assertThat(h.count("SELECT sum(n) FROM telemetry_1h")).isEqualTo(7);
            assertThat(h.count("SELECT readings FROM device WHERE ext_id = 'RD-1'")).isEqualTo(7);
            assertThat(h.count("SELECT missing_msgs FROM device_completeness WHERE ext_id = 'RD-1'")).isZero();
            assertThat(h.ingest.registry().get("coldtrace.ingest.readings.written").counter().count()).isEqualTo(7);
        }
    }
}
