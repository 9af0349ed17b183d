package io.coldtrace.api.trace;

import io.coldtrace.api.db.BlockingDb;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts scans without slowing the page: a hit only queues its scan; every {@link #FLUSH_MS} one JDBC job writes
 * what queued in a single INSERT (through {@link BlockingDb}). Nothing is dropped quietly: a full queue (the database
 * too slow for {@link #MAX_QUEUED} scans) and a failed write are logged with the number of scans lost and counted in
 * {@code coldtrace_trace_scans_lost_total}.
 */
final class ScanLog {
    static final long FLUSH_MS = 500;
    static final int MAX_QUEUED = 50_000;
    /** Most scans one INSERT writes. */
    static final int BATCH = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(ScanLog.class);

    record Scan(String orgId, UUID lotId, Instant at, String place, String clientClass, String format) {
    }

    private final Vertx vertx;
    private final BlockingDb db;
    private final ConcurrentLinkedQueue<Scan> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final Counter lost;
    private final Counter written;

    ScanLog(Vertx vertx, BlockingDb db, MeterRegistry registry) {
        this.vertx = vertx;
        this.db = db;
        this.lost = Counter.builder("coldtrace_trace_scans_lost").description("scans of the buyer's page not recorded")
                .register(registry);
        this.written = Counter.builder("coldtrace_trace_scans_recorded")
                .description("scans of the buyer's page recorded").register(registry);
    }

    void add(Scan scan) {
        if (started.compareAndSet(false, true)) {
            vertx.setPeriodic(FLUSH_MS, id -> flush());
        }
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            lost.increment();
            LOG.warn("scan of lot {} not recorded: {} scans wait for the database already", scan.lotId(), MAX_QUEUED);
            return;
        }
        queue.add(scan);
    }

    /** Writes what has queued, one batch at a time (one write in flight). */
    void flush() {
        if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
            return;
        }
        List<Scan> batch = new ArrayList<>();
        for (Scan s; batch.size() < BATCH && (s = queue.poll()) != null; ) {
            batch.add(s);
        }
        queued.addAndGet(-batch.size());
        db.query(c -> TraceSql.INSERT_SCANS
                .bind("orgs", batch.stream().map(Scan::orgId).toArray(String[]::new))
                .bind("lots", batch.stream().map(Scan::lotId).toArray(UUID[]::new))
                .bind("ats", batch.stream().map(s -> s.at().toString()).toArray(String[]::new))
                .bind("places", batch.stream().map(Scan::place).toArray(String[]::new))
                .bind("classes", batch.stream().map(Scan::clientClass).toArray(String[]::new))
                .bind("formats", batch.stream().map(Scan::format).toArray(String[]::new)).update(c))
                .onComplete(r -> {
                    writing.set(false);
                    if (r.succeeded()) {
                        written.increment(r.result());
                    } else {
                        lost.increment(batch.size());
                        LOG.error("{} scans of the buyer's page not recorded: {}", batch.size(), r.cause().toString());
                    }
                    if (!queue.isEmpty()) {
                        flush();
                    }
                });
    }
}
