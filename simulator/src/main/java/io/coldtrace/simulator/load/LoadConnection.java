package io.coldtrace.simulator.load;

import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.core.telemetry.TelemetryCodec;
import io.coldtrace.core.telemetry.TelemetryMessage;
import io.coldtrace.core.telemetry.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One MQTT connection of a load run and the devices it publishes for, on its own thread. A semaphore sized to the
 * in-flight window makes the thread wait for acknowledgements instead of having Paho refuse the publish.
 */
final class LoadConnection implements Runnable {
    static final int MAX_INFLIGHT = 2_000;

    private final MqttAsyncClient client;
    private final LoadConfig config;
    private final int[] deviceIndexes;
    private final String[] topics;
    private final long[] nextSeq;
    private final long[] lastTsMs;
    private final long[] readings;
    private final double messagesPerSecond;
    private long startNanos;
    private long endNanos;
    private final TelemetryCodec codec = TelemetryCodec.withDefaults();
    private final Semaphore window = new Semaphore(MAX_INFLIGHT);
    private final LoadCounters counters;
    private final IMqttActionListener onAck;

    LoadConnection(LoadConfig config, List<Integer> devices, double messagesPerSecond, LoadCounters counters,
                   String clientId) throws MqttException {
        this.config = config;
        this.deviceIndexes = devices.stream().mapToInt(Integer::intValue).toArray();
        this.topics = new String[deviceIndexes.length];
        for (int i = 0; i < deviceIndexes.length; i++) {
            topics[i] = Topics.telemetry(config.site(), config.deviceId(deviceIndexes[i]));
        }
        this.nextSeq = new long[deviceIndexes.length];
        this.lastTsMs = new long[deviceIndexes.length];
        this.readings = new long[deviceIndexes.length];
        this.messagesPerSecond = messagesPerSecond;
        this.counters = counters;
        this.client = new MqttAsyncClient(config.mqttUrl(), clientId, new MemoryPersistence());
        this.onAck = new IMqttActionListener() {
            // Runs on Paho's callback thread: count and release only.
            @Override
            public void onSuccess(IMqttToken token) {
                counters.acked.incrementAndGet();
                window.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                counters.failed.incrementAndGet();
                window.release();
            }
        };
    }

    void connect() throws MqttException {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(MAX_INFLIGHT);
        o.setAutomaticReconnect(false);
        o.setConnectionTimeout(10);
        o.setKeepAliveInterval(30);
        client.connect(o).waitForCompletion(15_000);
    }

    /** Sets the common start of the run, so all connections pace against the same clock. */
    LoadConnection startingAt(long nanos) {
        startNanos = nanos;
        endNanos = nanos + TimeUnit.SECONDS.toNanos(config.seconds());
        return this;
    }

    @Override
    public void run() {
        long sent = 0;
        int d = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= endNanos) {
                return;
            }
            if (messagesPerSecond > 0) {
                double due = (now - startNanos) / 1e9 * messagesPerSecond;
                if (sent >= due) {
                    LockSupport.parkNanos(Math.min(1_000_000L, (long) ((sent + 1 - due) / messagesPerSecond * 1e9)));
                    continue;
                }
            }
            if (!publish(d)) {
                return;
            }
            sent++;
            d = d + 1 == deviceIndexes.length ? 0 : d + 1;
        }
    }

    private boolean publish(int d) {
        long nowMs = System.currentTimeMillis();
        List<Reading> rs = new ArrayList<>(config.readingsPerMessage());
        double base = 2.0 + (deviceIndexes[d] % 20) / 10.0;
        for (int i = 0; i < config.readingsPerMessage(); i++) {
            // (device, ts) must be unique for idempotent ingestion: never reuse or go back in time.
            long ts = Math.max(nowMs, lastTsMs[d] + 1);
            lastTsMs[d] = ts;
            rs.add(Reading.at(Instant.ofEpochMilli(ts)).air(base + (ts % 7) / 10.0).product(base).door(false).build());
        }
        byte[] payload = codec.encode(new TelemetryMessage(TelemetryMessage.CURRENT_VERSION, nextSeq[d], rs));
        try {
            window.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        while (true) {
            try {
                client.publish(topics[d], payload, 1, false, null, onAck);
                break;
            } catch (MqttException e) {
                if (e.getReasonCode() == MqttException.REASON_CODE_MAX_INFLIGHT) {
                    LockSupport.parkNanos(200_000); // Paho frees its slot just after our ack callback: wait, never drop
                    continue;
                }
                window.release();
                counters.failed.incrementAndGet();
                counters.published.incrementAndGet();
                counters.log("publish failed on " + topics[d] + ": " + e);
                recordSent(d, rs.size());
                return client.isConnected();
            }
        }
        counters.published.incrementAndGet();
        counters.readings.addAndGet(rs.size());
        recordSent(d, rs.size());
        return true;
    }

    private void recordSent(int d, int n) {
        nextSeq[d]++;
        readings[d] += n;
    }

    /** Per-device counts; call after {@link #run()} returned. */
    void collect(java.util.Map<String, LoadReport.DeviceCounts> into) {
        for (int i = 0; i < deviceIndexes.length; i++) {
            if (nextSeq[i] > 0) {
                into.put(config.deviceId(deviceIndexes[i]),
                        new LoadReport.DeviceCounts(nextSeq[i], 0, nextSeq[i] - 1, readings[i]));
            }
        }
    }

    void disconnect() {
        try {
            client.disconnect(5_000).waitForCompletion(10_000);
        } catch (MqttException e) {
            counters.log("disconnect: " + e);
        }
        try {
            client.close();
        } catch (MqttException e) {
            counters.log("close: " + e);
        }
    }

    /** Shared counters of one load run; written by publisher and callback threads. */
    static final class LoadCounters {
        final AtomicLong published = new AtomicLong();
        final AtomicLong readings = new AtomicLong();
        final AtomicLong acked = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        private final java.io.PrintStream log;

        LoadCounters(java.io.PrintStream log) {
            this.log = log;
        }

        void log(String s) {
            log.println(s);
        }

        long inFlight() {
            return published.get() - acked.get() - failed.get();
        }
    }
}
