package io.coldtrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.core.testing.Await;
import io.coldtrace.core.testing.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.coldtrace.core.testing.TestBroker;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Ingest killed with SIGKILL mid-stream and started again: the persistent session and the natural key do the rest. */
class IngestKilledIT {

    @Test
    void ingestKilledAndRestartedMidStreamLosesAndDuplicatesNothing() throws Exception {
        IngestHarness h = new IngestHarness(TestBroker.url());
        try (h; TestStream stream = new TestStream(h.mqttUrl, "KIL-", 20, 200, 5)) {
            String where = "FROM telemetry t JOIN device d ON d.id = t.device_id WHERE d.ext_id LIKE 'KIL-%'";
            h.with("COLDTRACE_INGEST_HTTP_PORT", String.valueOf(Ports.free()));
            try (IngestProcess first = IngestProcess.start(h.env)) {
                // subscribed (persistent session exists) before the devices start publishing
                Await.until(Duration.ofSeconds(60), () -> ready(h) || !first.alive(), first::logTail);
                stream.paced(20).start();
                Await.until(Duration.ofSeconds(60), () -> h.count("SELECT count(*) " + where) > 3000
                        || !first.alive(), () -> first.logTail());
                assertThat(first.alive()).as("first ingest still running").isTrue();
                first.killHard();
            }
            long atKill = h.count("SELECT count(*) " + where);
            assertThat(atKill).isLessThan(stream.expectedReadings());
            stream.awaitPublished(stream.published.get() + 500);
            try (IngestProcess second = IngestProcess.start(h.env)) {
                stream.join();
                Reconcile.streamFullyStored(h, stream, Duration.ofSeconds(90));
                assertThat(second.alive()).isTrue();
            }
        }
    }

    private static boolean ready(IngestHarness h) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + h.env.get("COLDTRACE_INGEST_HTTP_PORT") + "/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
