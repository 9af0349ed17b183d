package io.coldtrace.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboxTest {
    private static Inbound msg(int id, int bytes) {
        return new Inbound(1, id, 1, "t", new byte[bytes], Instant.EPOCH);
    }

    @Test
    void offerReportsOverflowByCountAndByBytesButKeepsTheMessage() {
        Inbox byCount = new Inbox(2, 1_000_000);
        assertThat(byCount.offer(msg(1, 10))).isTrue();
        assertThat(byCount.offer(msg(2, 10))).isTrue();
        assertThat(byCount.offer(msg(3, 10))).isFalse();
        assertThat(byCount.size()).isEqualTo(3);

        Inbox byBytes = new Inbox(100, 100);
        assertThat(byBytes.offer(msg(1, 60))).isTrue();
        assertThat(byBytes.offer(msg(2, 60))).isFalse();
        assertThat(byBytes.bytes()).isEqualTo(120);
    }

    @Test
    void takeCollectsUpToTheBatchSizeInArrivalOrderAndReleasesTheirBytes() throws Exception {
        Inbox inbox = new Inbox(100, 1_000_000);
        for (int i = 0; i < 7; i++) {
            inbox.offer(msg(i, 100));
        }
        List<Inbound> batch = new ArrayList<>();
        assertThat(inbox.take(batch, 5, 10, 10)).isEqualTo(5);
        assertThat(batch).extracting(Inbound::mqttId).containsExactly(0, 1, 2, 3, 4);
        assertThat(inbox.size()).isEqualTo(2);
        assertThat(inbox.bytes()).isEqualTo(200);
        batch.clear();
        assertThat(inbox.take(batch, 5, 10, 10)).isEqualTo(2);
        assertThat(inbox.bytes()).isZero();
    }

    @Test
    void takeReturnsNothingWhenIdle() throws Exception {
        List<Inbound> batch = new ArrayList<>();
        assertThat(new Inbox(10, 1000).take(batch, 5, 1, 1)).isZero();
        assertThat(batch).isEmpty();
    }
}
