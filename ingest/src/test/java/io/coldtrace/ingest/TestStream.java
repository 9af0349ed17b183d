package io.coldtrace.ingest;

import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.core.telemetry.TelemetryCodec;
import io.coldtrace.core.telemetry.TelemetryMessage;
import io.coldtrace.core.telemetry.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A fleet of devices publishing a known stream (devices × messages × readings, QoS 1) in a background thread, the
 * way real loggers do: a publish that fails is retried until the broker acknowledges it. Afterwards the database
 * must hold exactly {@link #expectedReadings()} readings, {@link #messages} per device.
 */
final class TestStream implements AutoCloseable {
    final int devices;
    final int messages;
    final int readingsPerMessage;
    final String prefix;
    final AtomicLong published = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong connections = new AtomicLong();
    private final String url;
    private final Instant t0 = Instant.now().minusSeconds(3600);
    private final TelemetryCodec codec = TelemetryCodec.withDefaults();
    private Thread thread;
    private volatile Throwable failure;
    private long roundPauseMs;
    private MqttClient client;

    TestStream(String url, String prefix, int devices, int messages, int readingsPerMessage) {
        this.url = url;
        this.prefix = prefix;
        this.devices = devices;
        this.messages = messages;
        this.readingsPerMessage = readingsPerMessage;
    }

    long expectedReadings() {
        return (long) devices * messages * readingsPerMessage;
    }

    /** Pauses between rounds (one message per device), so a fault can land in the middle of the stream. */
    TestStream paced(long pauseMs) {
        this.roundPauseMs = pauseMs;
        return this;
    }

    TestStream start() {
        thread = new Thread(this::run, "test-stream-" + prefix);
        thread.start();
        return this;
    }

    private void run() {
        try {
            for (int seq = 0; seq < messages; seq++) {
                for (int d = 0; d < devices; d++) {
                    publishUntilAcked(Topics.telemetry("site-s", prefix + d), codec.encode(message(seq)));
                    published.incrementAndGet();
                }
                if (roundPauseMs > 0) {
                    Thread.sleep(roundPauseMs);
                }
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    private TelemetryMessage message(int seq) {
        List<Reading> rs = new ArrayList<>(readingsPerMessage);
        for (int i = 0; i < readingsPerMessage; i++) {
            Instant ts = t0.plusMillis((long) seq * readingsPerMessage * 100 + i * 100L);
            rs.add(Reading.at(ts).air(2.0 + (seq % 10) * 0.1).rh(90.0).door(false).build());
        }
        return new TelemetryMessage(1, seq, rs);
    }

    private void publishUntilAcked(String topic, byte[] payload) throws InterruptedException {
        while (true) {
            try {
                if (client == null || !client.isConnected()) {
                    connect();
                }
                client.publish(topic, payload, 1, false);
                return;
            } catch (MqttException e) {
                retries.incrementAndGet();
                closeClient();
                Thread.sleep(100);
            }
        }
    }

    private void connect() throws MqttException {
        closeClient();
        MqttClient c = new MqttClient(url, "stream-" + prefix + "-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setConnectionTimeout(5);
        c.setTimeToWait(5000);
        c.connect(o);
        connections.incrementAndGet();
        client = c;
    }

    private void closeClient() {
        if (client != null) {
            try {
                if (client.isConnected()) {
                    client.disconnectForcibly(0, 500);
                }
                client.close(true);
            } catch (MqttException ignored) {
                // a broken connection is what we are replacing
            }
            client = null;
        }
    }

    /** Waits until {@code n} messages (or the whole stream, if shorter) were acknowledged by the broker. */
    void awaitPublished(long n) throws InterruptedException {
        n = Math.min(n, (long) devices * messages);
        while (published.get() < n) {
            if (failure != null || !thread.isAlive() && published.get() < n) {
                throw new AssertionError("stream stopped at " + published.get(), failure);
            }
            Thread.sleep(20);
        }
    }

    void join() throws InterruptedException {
        thread.join();
        if (failure != null) {
            throw new AssertionError("stream failed", failure);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (thread != null) {
            thread.join(60_000);
        }
        closeClient();
    }
}
