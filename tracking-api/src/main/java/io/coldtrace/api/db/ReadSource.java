package io.coldtrace.api.db;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where heavy reads get their connection: the read replica when one is configured and answering, else the primary.
 * A replica that cannot give a connection is skipped for {@link #RETRY_AFTER}, so while it is down each read pays its
 * connection timeout once per window instead of on every request. Blocking; call on a worker thread only.
 */
public final class ReadSource {
    /** How long a replica that failed to connect is left alone before it is tried again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(ReadSource.class);

    private final DataSource primary;
    private final DataSource replica;
    private final Clock clock;
    private final AtomicReference<Instant> skipUntil = new AtomicReference<>(Instant.MIN);
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong replicaReads = new AtomicLong();
    private final AtomicLong primaryReads = new AtomicLong();

    /** {@code replica} may be null: then every read goes to the primary. */
    public ReadSource(DataSource primary, DataSource replica, Clock clock) {
        this.primary = primary;
        this.replica = replica;
        this.clock = clock;
    }

    /** A connection on the replica when it can give one, else on the primary; the caller closes it. */
    public Connection connection() throws SQLException {
        Connection c = replicaConnection();
        return c != null ? c : primaryConnection();
    }

    /**
     * Runs read-only {@code work} on {@link #connection()}; when the replica drops the connection or cancels the read
     * (see {@link #replicaTrouble}), runs it again on the primary, so a failing replica costs time, not the answer.
     */
    public <T> T run(BlockingDb.SqlWork<T> work) throws SQLException {
        Connection onReplica = replicaConnection();
        if (onReplica != null) {
            try (Connection c = onReplica) {
                return work.run(c);
            } catch (SQLException e) {
                if (!replicaTrouble(e)) {
                    throw e;
                }
                replicaFailed(e);
            }
        }
        try (Connection c = primaryConnection()) {
            return work.run(c);
        }
    }

    private Connection primaryConnection() throws SQLException {
        Connection c = primary.getConnection();
        primaryReads.incrementAndGet();
        return c;
    }

    /** A replica connection, or null when there is no replica, it is being skipped or it cannot give one. */
    private Connection replicaConnection() {
        if (!useReplica()) {
            return null;
        }
        try {
            Connection c = replica.getConnection();
            replicaReads.incrementAndGet();
            return c;
        } catch (SQLException e) {
            replicaFailed(e);
            return null;
        }
    }

    /** True when reads try the replica now. */
    boolean useReplica() {
        return replica != null && !clock.instant().isBefore(skipUntil.get());
    }

    /** The replica failed (could not connect, or dropped a connection): reads go to the primary for a while. */
    private void replicaFailed(SQLException e) {
        failures.incrementAndGet();
        Instant until = clock.instant().plus(RETRY_AFTER);
        if (skipUntil.getAndSet(until).isBefore(clock.instant())) {
            // once per window, not once per request
            LOG.warn("read replica unavailable, reading from the primary until {}: {}", until, e.toString());
        }
    }

    /** How often the replica failed a read that then went to the primary (for metrics and tests). */
    public long replicaFailures() {
        return failures.get();
    }

    /** Publishes the counters as coldtrace_api_db_reads_total{source} and coldtrace_api_db_replica_failures_total. */
    public void register(MeterRegistry registry) {
        FunctionCounter.builder("coldtrace.api.db.reads", this, ReadSource::replicaReads).tag("source", "replica")
                .description("heavy reads served by the read replica").register(registry);
        FunctionCounter.builder("coldtrace.api.db.reads", this, ReadSource::primaryReads).tag("source", "primary")
                .description("heavy reads served by the primary").register(registry);
        FunctionCounter.builder("coldtrace.api.db.replica.failures", this, ReadSource::replicaFailures)
                .description("reads the replica could not serve (then served by the primary)").register(registry);
    }

    /** Reads (connections handed out) served by the replica. */
    public long replicaReads() {
        return replicaReads.get();
    }

    /** Reads served by the primary: no replica configured, or it failed. */
    public long primaryReads() {
        return primaryReads.get();
    }

    /**
     * True when {@code e} means the replica connection itself is unusable or the replica cancelled the read (a
     * recovery conflict): the read may be retried on the primary. A query's own error is not.
     */
    public static boolean replicaTrouble(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("40001"));
    }
}
