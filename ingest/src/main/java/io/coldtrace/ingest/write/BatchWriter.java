package io.coldtrace.ingest.write;

import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.ingest.metrics.IngestMetrics;
import io.coldtrace.ingest.mqtt.Inbound;
import io.coldtrace.ingest.mqtt.Inbox;
import io.coldtrace.ingest.mqtt.MqttSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write loop: takes batches from the inbox (flushing on size or time), decodes them, writes each batch in one
 * transaction and only then acknowledges its messages. A database that is down or slow makes it retry the same
 * batch with backoff, so nothing new is acknowledged and the broker holds the rest; a batch whose data the
 * database refuses is written message by message and the refused ones are dead-lettered. Runs on one thread.
 */
public final class BatchWriter implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    /** Tunables of the loop. */
    public record Settings(int batchSize, Duration flushInterval, Duration retryMin, Duration retryMax) {
    }

    private final DataSource ds;
    private final TelemetryStore store;
    private final Decoder decoder;
    private final Inbox inbox;
    private final MqttSource source;
    private final IngestMetrics metrics;
    private final Settings settings;
    private final TelemetryStore.HookFactory hooks;
    private final Map<String, Integer> deviceIds = new HashMap<>();
    private final Map<String, String> deviceSites = new HashMap<>();
    private final Map<String, Long> maxSeq = new HashMap<>();

    private volatile boolean running = true;
    private volatile boolean databaseUp;
    private volatile Thread thread;
    private Connection conn;
    private final List<PeriodicTask> tasks;
    private final long[] nextRun;

    public BatchWriter(DataSource ds, TelemetryStore store, Decoder decoder, Inbox inbox, MqttSource source,
                       IngestMetrics metrics, Settings settings, TelemetryStore.HookFactory hooks,
                       List<PeriodicTask> tasks) {
        this.hooks = hooks;
        this.tasks = List.copyOf(tasks);
        this.nextRun = new long[this.tasks.size()];
        this.ds = ds;
        this.store = store;
        this.decoder = decoder;
        this.inbox = inbox;
        this.source = source;
        this.metrics = metrics;
        this.settings = settings;
    }

    /** Asks the loop to finish; a batch not yet committed is left unacknowledged for the broker to redeliver. */
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        List<Inbound> batch = new ArrayList<>(settings.batchSize());
        try {
            while (running) {
                batch.clear();
                int n;
                try {
                    n = inbox.take(batch, settings.batchSize(), 200, settings.flushInterval().toMillis());
                } catch (InterruptedException e) {
                    break;
                }
                runDueTasks();
                if (n > 0) {
                    process(batch);
                }
                if (source.paused() && inbox.size() == 0 && databaseUp) {
                    source.resumeIfPaused();
                }
            }
        } finally {
            closeConnection();
            LOG.info("writer stopped");
        }
    }

    private void process(List<Inbound> batch) {
        long epoch = source.currentEpoch();
        // messages from a connection that is gone cannot be acknowledged; the broker redelivers them
        batch.removeIf(m -> m.qos() > 0 && m.epoch() != epoch);
        if (batch.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        List<Decoded> items = new ArrayList<>(batch.size());
        for (Inbound in : batch) {
            items.add(decoder.decode(in, now));
        }
        long t0 = System.nanoTime();
        Integer inserted = writeWithRetry(items);
        if (inserted == null) {
            return; // stopping
        }
        long commitMs = System.currentTimeMillis();
        for (Inbound in : batch) {
            source.ack(in);
        }
        account(items, inserted, commitMs);
        metrics.batchFlushed(batch.size(), System.nanoTime() - t0);
    }

    private void account(List<Decoded> items, int inserted, long commitMs) {
        int readings = 0;
        for (Decoded d : items) {
            if (d instanceof Decoded.Telemetry t) {
                readings += t.readings().size();
                for (Reading r : t.readings()) {
                    metrics.lagMillis(commitMs - r.ts().toEpochMilli());
                }
                t.rejected().forEach(dl -> metrics.deadLetter(dl.reason()));
                Long prev = maxSeq.get(t.deviceExt());
                if (prev == null || t.seq() > prev) {
                    if (prev != null && t.seq() > prev + 1) {
                        metrics.sequenceGaps(t.seq() - prev - 1);
                    }
                    maxSeq.put(t.deviceExt(), t.seq());
                }
            } else if (d instanceof Decoded.Rejected r) {
                metrics.deadLetter(r.deadLetter().reason());
                LOG.info("dead letter from {}: {} ({})", r.in().topic(), r.deadLetter().reason(),
                        r.deadLetter().detail());
            }
        }
        metrics.readingsWritten(inserted);
        metrics.readingsDuplicate(readings - inserted);
    }

    /** Returns the inserted count once committed, or null if the writer was stopped first. */
    private Integer writeWithRetry(List<Decoded> items) {
        long backoff = settings.retryMin().toMillis();
        boolean warned = false;
        while (running) {
            try {
                Connection c = connection();
                Map<String, Integer> ids = deviceIdsFor(c, items);
                int inserted = store.write(c, items, ids, hooks);
                databaseUp = true;
                if (warned) {
                    LOG.info("database reachable again: batch committed");
                }
                return inserted;
            } catch (RuntimeException e) {
                // a bug of ours on some message: find it by writing one at a time rather than stall everything
                LOG.error("writing a batch failed unexpectedly; writing its messages one by one", e);
                closeConnection();
                return writeOneByOne(items);
            } catch (SQLException e) {
                if (SqlErrors.isDataError(e)) {
                    databaseUp = true;
                    return writeOneByOne(items);
                }
                databaseUp = !SqlErrors.isConnectionError(e);
                metrics.dbRetry();
                closeConnection();
                if (!warned) {
                    LOG.warn("database write failed ({}: {}); holding {} messages unacknowledged and retrying with "
                            + "backoff", e.getSQLState(), e.getMessage(), items.size());
                    warned = true;
                }
                if (!sleep(backoff + ThreadLocalRandom.current().nextLong(backoff / 4 + 1))) {
                    return null;
                }
                backoff = Math.min(backoff * 2, settings.retryMax().toMillis());
            }
        }
        return null;
    }

    /** A batch the database refused for its data: write each message alone, dead-letter the ones refused. */
    private Integer writeOneByOne(List<Decoded> items) {
        int inserted = 0;
        for (Decoded d : items) {
            while (running) {
                try {
                    Connection c = connection();
                    inserted += store.write(c, List.of(d), deviceIdsFor(c, List.of(d)), hooks);
                    break;
                } catch (SQLException | RuntimeException failure) {
                    SQLException e = failure instanceof SQLException se ? se
                            : new SQLException("ingest failed on this message: " + failure, "22000", failure);
                    if (!SqlErrors.isDataError(e)) {
                        metrics.dbRetry();
                        closeConnection();
                        if (!sleep(settings.retryMin().toMillis())) {
                            return null;
                        }
                        continue;
                    }
                    try {
                        Connection c = connection();
                        store.commitDeadLetters(c, List.of(new DeadLetter(d.in().receivedAt(), d.in().topic(), null,
                                null, null, "db_rejected", null, e.getSQLState() + ": " + e.getMessage(),
                                d.in().payload())));
                        metrics.deadLetter("db_rejected");
                        LOG.warn("database refused a message from {}: {}; dead-lettered", d.in().topic(), e.getMessage());
                        break;
                    } catch (SQLException again) {
                        closeConnection();
                        if (!sleep(settings.retryMin().toMillis())) {
                            return null;
                        }
                    }
                }
            }
        }
        return running ? inserted : null;
    }

    private Map<String, Integer> deviceIdsFor(Connection c, List<Decoded> items) throws SQLException {
        Map<String, String> missing = new HashMap<>();
        for (Decoded d : items) {
            String ext = null;
            String site = null;
            if (d instanceof Decoded.Telemetry t) {
                ext = t.deviceExt();
                site = t.site();
            } else if (d instanceof Decoded.Status s) {
                ext = s.deviceExt();
                site = s.site();
            }
            if (ext != null && (!deviceIds.containsKey(ext) || !site.equals(deviceSites.get(ext)))) {
                missing.put(ext, site);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, Integer> got = store.ensureDevices(c, missing);
            deviceIds.putAll(got);
            deviceSites.putAll(missing);
        }
        return deviceIds;
    }

    private void runDueTasks() {
        long now = System.currentTimeMillis();
        for (int i = 0; i < tasks.size(); i++) {
            if (now < nextRun[i]) {
                continue;
            }
            PeriodicTask t = tasks.get(i);
            nextRun[i] = now + t.interval().toMillis();
            try {
                t.run(connection());
            } catch (SQLException e) {
                nextRun[i] = now + Math.min(t.interval().toMillis(), settings.retryMax().toMillis());
                closeConnection();
                LOG.warn("{} failed ({}); will retry", t.name(), e.getMessage());
            }
        }
    }

    private Connection connection() throws SQLException {
        if (conn == null) {
            Connection c = ds.getConnection();
            try {
                store.prepare(c);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            conn = c;
        }
        return conn;
    }

    private void closeConnection() {
        if (conn != null) {
            try {
                conn.close();
            } catch (SQLException ignored) {
                // already broken
            }
            conn = null;
        }
    }

    private boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
