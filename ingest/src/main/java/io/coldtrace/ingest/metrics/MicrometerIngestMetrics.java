package io.coldtrace.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Micrometer meters behind {@link IngestMetrics}; names are coldtrace.ingest.* (Prometheus: coldtrace_ingest_*). */
public final class MicrometerIngestMetrics implements IngestMetrics {
    private final MeterRegistry registry;
    private final Counter received;
    private final Counter written;
    private final Counter duplicate;
    private final Counter retries;
    private final Counter gaps;
    private final Counter pauses;
    private final DistributionSummary batchSize;
    private final Timer flush;
    private final Timer lag;
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();

    public MicrometerIngestMetrics(MeterRegistry registry, Supplier<Number> backlog) {
        this.registry = registry;
        received = Counter.builder("coldtrace.ingest.messages.received")
                .description("MQTT messages taken off the broker").register(registry);
        written = Counter.builder("coldtrace.ingest.readings.written")
                .description("Readings committed to the database").register(registry);
        duplicate = Counter.builder("coldtrace.ingest.readings.duplicate")
                .description("Readings already stored (redelivery), not written again").register(registry);
        retries = Counter.builder("coldtrace.ingest.db.retries")
                .description("Batch writes retried after a database error").register(registry);
        gaps = Counter.builder("coldtrace.ingest.sequence.gaps")
                .description("Messages missing in devices' sequence numbers when seen").register(registry);
        pauses = Counter.builder("coldtrace.ingest.source.pauses")
                .description("Disconnects because the in-memory backlog passed its bound").register(registry);
        batchSize = DistributionSummary.builder("coldtrace.ingest.batch.size")
                .description("Messages per committed batch").register(registry);
        flush = Timer.builder("coldtrace.ingest.flush")
                .description("Time to write and commit one batch").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        lag = Timer.builder("coldtrace.ingest.lag")
                .description("Commit time minus device time, per reading").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
        registry.gauge("coldtrace.ingest.backlog.messages", java.util.List.of(), backlog, s -> s.get().doubleValue());
    }

    @Override public void messageReceived() { received.increment(); }
    @Override public void readingsWritten(int n) { written.increment(n); }
    @Override public void readingsDuplicate(int n) { duplicate.increment(n); }
    @Override public void dbRetry() { retries.increment(); }
    @Override public void sequenceGaps(long missing) { gaps.increment(missing); }
    @Override public void sourcePaused() { pauses.increment(); }

    @Override
    public void deadLetter(String reason) {
        deadLetters.computeIfAbsent(reason, r -> Counter.builder("coldtrace.ingest.dead.letters")
                .description("Messages or readings dead-lettered, by reason").tag("reason", r)
                .register(registry)).increment();
    }

    @Override
    public void batchFlushed(int messages, long nanos) {
        batchSize.record(messages);
        flush.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void lagMillis(long millis) {
        lag.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }
}
