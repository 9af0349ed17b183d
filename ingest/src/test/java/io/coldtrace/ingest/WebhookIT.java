package io.coldtrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.core.testing.Await;
import io.coldtrace.core.testing.TestBroker;
import io.coldtrace.ingest.notify.WebhookSender;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Alarm events reach webhooks signed, are retried with backoff, and die after too many failures. */
class WebhookIT {
    static IngestHarness h;
    static HttpServer receiver;
    static final List<String[]> received = new CopyOnWriteArrayList<>();
    static final AtomicInteger failures = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/ok", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[] {ex.getRequestHeaders().getFirst("X-ColdTrace-Signature"), body});
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.createContext("/broken", ex -> {
            failures.incrementAndGet();
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        receiver.start();
        h = new IngestHarness(TestBroker.url()).with("COLDTRACE_WEBHOOK_POLL_MS", "100")
                .with("COLDTRACE_WEBHOOK_MAX_ATTEMPTS", "2").start();
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
        receiver.stop(0);
    }

    @Test
    void raisedAlarmIsPostedSignedAndABrokenReceiverIsRetriedThenDeadLettered() throws Exception {
        AlarmSeed.unitWithDevice(h, "W1", "WH-1", AlarmSeed.Chilled.DEFAULT.withWarnDelay(0));
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        AlarmSeed.webhook(h, base + "/ok", "a-secret-of-16-chars");
        AlarmSeed.webhook(h, base + "/broken", "another-secret-16ch");
        try (TestDevice d = new TestDevice(h.mqttUrl, "site-a", "WH-1")) {
            d.send(0, List.of(Reading.at(Instant.now().minus(5, ChronoUnit.MINUTES)).air(9.0).build()));
        }
        Await.until(Duration.ofSeconds(20), () -> !received.isEmpty(), () -> "nothing delivered");
        String[] first = received.get(0);
        assertThat(first[0]).isEqualTo("sha256=" + WebhookSender.sign("a-secret-of-16-chars", first[1]));
        assertThat(first[1]).contains("\"action\" : \"raised\"", "\"rule\" : \"high\"", "\"unit_id\" : \"W1\"");
        Await.until(Duration.ofSeconds(20), () -> h.count("SELECT count(*) FROM webhook_delivery d JOIN webhook w "
                        + "ON w.id = d.webhook_id WHERE w.url LIKE '%/broken' AND d.dead_at IS NOT NULL") == 1,
                () -> failures.get() + " failed attempts");
        assertThat(failures.get()).isEqualTo(2);
        assertThat(h.count("SELECT attempts FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id "
                + "WHERE w.url LIKE '%/broken'")).isEqualTo(2);
        assertThat(h.count("SELECT count(*) FROM webhook_delivery WHERE delivered_at IS NOT NULL")).isEqualTo(1);
    }
}
