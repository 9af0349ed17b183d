package io.coldtrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.core.testing.Await;
import io.coldtrace.core.testing.PrivateMosquitto;
import io.coldtrace.core.testing.PrivatePostgres;
import io.coldtrace.core.testing.TestBroker;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The database stops hard in the middle of a stream and comes back: ingest holds, retries, loses nothing. */
class DatabaseOutageIT {

    @Test
    void databaseStoppedAndRestartedMidStreamLosesNothingAndCountsNothingTwice() throws Exception {
        runOutage(TestBroker.url(), 500, 20_000, false);
    }

    @Test
    void aBacklogPastItsBoundDisconnectsFromTheBrokerAndResumesWithoutLoss() throws Exception {
        // a broker with no in-flight window (as Mosquitto 2.0.11 sometimes behaves under load) and a small bound:
        // memory stays bounded, and every reconnect cycle makes progress
        try (PrivateMosquitto unbounded = PrivateMosquitto.start(List.of("max_inflight_messages 0"))) {
            runOutage(unbounded.url(), 20, 300, true);
        }
    }

    private static void runOutage(String brokerUrl, int batch, int maxBacklog, boolean expectPause) throws Exception {
        try (PrivatePostgres pg = PrivatePostgres.start()) {
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE coldtrace");
            }
            try (IngestHarness h = new IngestHarness(brokerUrl, pg.jdbcUrl("coldtrace"))
                    .with("COLDTRACE_DB_USER", "postgres").with("COLDTRACE_DB_PASSWORD", "")
                    .with("COLDTRACE_INGEST_RETRY_MIN_MS", "50").with("COLDTRACE_INGEST_RETRY_MAX_MS", "500")
                    .with("COLDTRACE_INGEST_BATCH_SIZE", String.valueOf(batch))
                    .with("COLDTRACE_INGEST_MAX_BACKLOG", String.valueOf(maxBacklog)).start();
                 TestStream stream = new TestStream(h.mqttUrl, "DBO-", 20, 150, 5)) {
                stream.paced(20).start();
                stream.awaitPublished(800);
                pg.stopHard();
                long publishedAtStop = stream.published.get();
                // keep publishing while the database is down: the broker and ingest must hold it
                stream.awaitPublished(publishedAtStop + 400);
                Await.until(Duration.ofSeconds(20),
                        () -> h.ingest.registry().get("coldtrace.ingest.db.retries").counter().count() > 0,
                        () -> "no database retry yet");
                pg.startAgain();
                stream.join();
                Reconcile.streamFullyStored(h, stream, Duration.ofSeconds(90));
                assertThat(h.ingest.registry().get("coldtrace.ingest.db.retries").counter().count()).isPositive();
                double pauses = h.ingest.registry().get("coldtrace.ingest.source.pauses").counter().count();
                if (expectPause) {
                    assertThat(pauses).as("source paused for overflow").isPositive();
                } else {
                    assertThat(pauses).isZero();
                }
            }
        }
    }
}
