package io.coldtrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.core.testing.Await;
import io.coldtrace.core.testing.PrivatePostgres;
import io.coldtrace.core.testing.TestBroker;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The database stops hard in the middle of a stream and comes back: ingest holds, retries, loses nothing. */
class DatabaseOutageIT {

    @Test
    void databaseStoppedAndRestartedMidStreamLosesNothingAndCountsNothingTwice() throws Exception {
        try (PrivatePostgres pg = PrivatePostgres.start()) {
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE coldtrace");
            }
            try (IngestHarness h = new IngestHarness(TestBroker.url(), pg.jdbcUrl("coldtrace"))
                    .with("COLDTRACE_DB_USER", "postgres").with("COLDTRACE_DB_PASSWORD", "")
                    .with("COLDTRACE_INGEST_RETRY_MIN_MS", "50").with("COLDTRACE_INGEST_RETRY_MAX_MS", "500").start();
                 TestStream stream = new TestStream(h.mqttUrl, "DBO-", 20, 150, 5)) {
                stream.start();
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
            }
        }
    }
}
