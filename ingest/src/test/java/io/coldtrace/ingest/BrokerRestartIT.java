package io.coldtrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.core.testing.PrivateMosquitto;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The broker restarts mid-stream: ingest reconnects to its persistent session and continues. */
class BrokerRestartIT {

    @Test
    void brokerRestartMidStreamLosesNothing() throws Exception {
        try (PrivateMosquitto broker = PrivateMosquitto.start();
             IngestHarness h = new IngestHarness(broker.url()).start();
             TestStream stream = new TestStream(broker.url(), "BRR-", 10, 200, 4)) {
            stream.paced(20).start();
            stream.awaitPublished(600);
            broker.restart();
            stream.join();
            Reconcile.streamFullyStored(h, stream, Duration.ofSeconds(90));
            assertThat(stream.connections.get()).as("the devices had to reconnect: the restart hit the stream mid-way")
                    .isGreaterThan(1);
        }
    }
}
