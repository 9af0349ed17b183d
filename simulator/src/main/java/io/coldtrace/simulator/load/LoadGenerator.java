package io.coldtrace.simulator.load;

import io.coldtrace.simulator.load.LoadConnection.LoadCounters;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Publishes benchmark telemetry: QoS 1 messages of several readings from several connections, paced to a target rate,
 * then waits until the broker acknowledged every message. Usage:
 * {@code LoadReport r = new LoadGenerator(LoadConfig.defaults(url), System.err).run();}
 */
public final class LoadGenerator {
    /** How long to wait for the last acknowledgements before counting the rest as failed. */
    private static final long DRAIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final LoadConfig config;
    private final PrintStream progress;

    /** @param progress where the once-a-second progress line goes (e.g. System.err) */
    public LoadGenerator(LoadConfig config, PrintStream progress) {
        this.config = config;
        this.progress = progress;
    }

    /**
     * Runs the load and returns when every message is acknowledged (or the drain timeout passed).
     *
     * @throws MqttException when a connection cannot be established
     */
    public LoadReport run() throws MqttException, InterruptedException {
        LoadCounters counters = new LoadCounters(progress);
        int connections = Math.min(config.connections(), config.devices());
        double msgsPerSecondPerConnection = config.targetReadingsPerSecond() == 0 ? 0
                : (double) config.targetReadingsPerSecond() / config.readingsPerMessage() / connections;
        List<List<Integer>> devicesOf = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            devicesOf.add(new ArrayList<>());
        }
        for (int d = 0; d < config.devices(); d++) {
            devicesOf.get(d % connections).add(d); // a device always uses one connection: its order is kept
        }
        String runId = Long.toHexString(System.nanoTime());
        List<LoadConnection> conns = new ArrayList<>();
        try {
            for (int c = 0; c < connections; c++) {
                LoadConnection lc = new LoadConnection(config, devicesOf.get(c), msgsPerSecondPerConnection, counters, "coldtrace-load-" + runId + "-" + c);
                conns.add(lc);
                lc.connect();
            }
            return publishAll(conns, counters, System.nanoTime());
        } finally {
            conns.forEach(LoadConnection::disconnect);
        }
    }

    private LoadReport publishAll(List<LoadConnection> conns, LoadCounters counters, long start)
            throws InterruptedException {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load-progress");
            t.setDaemon(true);
            return t;
        });
        Progress p = new Progress(counters, progress);
        ticker.scheduleAtFixedRate(p::print, 1, 1, TimeUnit.SECONDS);
        List<Thread> threads = new ArrayList<>();
        try {
            for (int i = 0; i < conns.size(); i++) {
                Thread t = new Thread(conns.get(i).startingAt(start), "load-publisher-" + i);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            long deadline = System.nanoTime() + DRAIN_TIMEOUT_NANOS;
            while (counters.inFlight() > 0 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
            }
            long unacknowledged = counters.inFlight();
            if (unacknowledged > 0) {
                progress.println("load: " + unacknowledged + " messages not acknowledged within the drain timeout");
            }
            // Rates count until the last acknowledgement: a message is only sent once the broker has it.
            double elapsed = (System.nanoTime() - start) / 1e9;
            return report(conns, counters, unacknowledged, elapsed);
        } finally {
            ticker.shutdownNow();
        }
    }

    private LoadReport report(List<LoadConnection> conns, LoadCounters counters, long unacknowledged, double elapsed) {
        Map<String, LoadReport.DeviceCounts> perDevice = new HashMap<>();
        conns.forEach(c -> c.collect(perDevice));
        long messages = perDevice.values().stream().mapToLong(LoadReport.DeviceCounts::messages).sum();
        long readings = perDevice.values().stream().mapToLong(LoadReport.DeviceCounts::readings).sum();
        return new LoadReport(perDevice, messages, readings, counters.failed.get() + unacknowledged, elapsed,
                readings / elapsed, messages / elapsed);
    }

    /** Once-a-second line: achieved rates since the last line and the number of unacknowledged messages. */
    private static final class Progress {
        private final LoadCounters counters;
        private final PrintStream out;
        private long lastReadings;
        private long lastMessages;
        private long lastNanos = System.nanoTime();

        Progress(LoadCounters counters, PrintStream out) {
            this.counters = counters;
            this.out = out;
        }

        void print() {
            long now = System.nanoTime();
            long r = counters.readings.get();
            long m = counters.published.get();
            double s = (now - lastNanos) / 1e9;
            out.printf("load: %.0f readings/s, %.0f msgs/s, in flight %d, acked %d, failed %d%n",
                    (r - lastReadings) / s, (m - lastMessages) / s, counters.inFlight(), counters.acked.get(),
                    counters.failed.get());
            lastReadings = r;
            lastMessages = m;
            lastNanos = now;
        }
    }
}
