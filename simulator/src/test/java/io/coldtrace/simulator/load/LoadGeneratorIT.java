package io.coldtrace.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.core.telemetry.DecodedTelemetry;
import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.core.telemetry.TelemetryCodec;
import io.coldtrace.core.telemetry.Topics;
import io.coldtrace.core.testing.Await;
import io.coldtrace.core.testing.TestBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

class LoadGeneratorIT {
    private record Received(String topic, byte[] payload) {
    }

    @Test
    void everyPublishedMessageReachesASubscriberWithGaplessSeqsAndIncreasingTimestamps() throws Exception {
        String url = TestBroker.url();
        ConcurrentLinkedQueue<Received> got = new ConcurrentLinkedQueue<>();
        MqttAsyncClient sub = new MqttAsyncClient(url, "load-it-sub", new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMaxInflight(1000);
        sub.connect(o).waitForCompletion(10_000);
        // Only hand the message over here: the callback thread must not parse or block.
        IMqttMessageListener listener = (topic, m) -> got.add(new Received(topic, m.getPayload()));
        sub.subscribe(Topics.ROOT + "/LOADIT/+/telemetry", 1, listener).waitForCompletion(10_000);

        LoadConfig cfg = new LoadConfig(url, 12, 20_000, 10, 2, 3, "LOADIT", "IT-");
        LoadReport report = new LoadGenerator(cfg, System.err).run();

        assertThat(report.failedPublishes()).isZero();
        assertThat(report.perDevice()).hasSize(12);
        assertThat(report.messagesSent()).isPositive();
        Await.until(Duration.ofSeconds(60), () -> got.size() >= report.messagesSent(),
                () -> got.size() + " of " + report.messagesSent() + " messages received");
        sub.disconnect().waitForCompletion(10_000);
        sub.close();

        TelemetryCodec codec = TelemetryCodec.withDefaults();
        Map<String, List<DecodedTelemetry>> byDevice = new HashMap<>();
        for (Received r : got) {
            DecodedTelemetry t = codec.decodeTelemetry(r.payload(), Instant.now());
            assertThat(t.rejected()).isEmpty();
            byDevice.computeIfAbsent(Topics.parse(r.topic()).deviceId(), k -> new ArrayList<>()).add(t);
        }
        assertThat(got).hasSize((int) report.messagesSent());
        assertThat(byDevice.keySet()).isEqualTo(report.perDevice().keySet());
        byDevice.forEach((device, msgs) -> {
            LoadReport.DeviceCounts c = report.perDevice().get(device);
            assertThat(msgs).extracting(DecodedTelemetry::seq) // one connection per device keeps its order
                    .containsExactlyElementsOf(range(c.firstSeq(), c.lastSeq()));
            List<Reading> rs = msgs.stream().flatMap(m -> m.readings().stream()).toList();
            assertThat(rs).hasSize((int) c.readings());
            for (int i = 1; i < rs.size(); i++) {
                assertThat(rs.get(i).ts()).as(device + " reading " + i).isAfter(rs.get(i - 1).ts());
            }
        });
        assertThat(report.readingsSent()).isEqualTo(report.messagesSent() * 10);
    }

    private static List<Long> range(long first, long last) {
        List<Long> out = new ArrayList<>();
        for (long s = first; s <= last; s++) {
            out.add(s);
        }
        return out;
    }
}
