package io.coldtrace.api.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The one place the API runs JDBC: on a named worker executor, never on an event loop; callers get a Future back.
 */
public final class BlockingDb implements AutoCloseable {
    /** Name of the worker pool, as it shows in thread dumps and Vert.x metrics. */
    public static final String EXECUTOR_NAME = "coldtrace-api-jdbc";

    /** Work done with one borrowed connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Work that needs the data source itself (e.g. migrations). */
    @FunctionalInterface
    public interface DataSourceWork<T> {
        T run(DataSource ds) throws Exception;
    }

    private final DataSource dataSource;
    private final ReadSource reads;
    private final WorkerExecutor executor;

    /** Every read and write on {@code dataSource}. */
    public BlockingDb(Vertx vertx, DataSource dataSource, int threads) {
        this(vertx, dataSource, new ReadSource(dataSource, null, Clock.systemUTC()), threads);
    }

    /** Writes and light reads on {@code dataSource}, heavy reads ({@link #read}) from {@code reads}. */
    public BlockingDb(Vertx vertx, DataSource dataSource, ReadSource reads, int threads) {
        this.dataSource = dataSource;
        this.reads = reads;
        this.executor = vertx.createSharedWorkerExecutor(EXECUTOR_NAME, threads, 60, TimeUnit.SECONDS);
    }

    /** Runs {@code work} with a connection from the pool; unordered, so requests do not queue behind each other. */
    public <T> Future<T> query(SqlWork<T> work) {
        return executor.executeBlocking(() -> {
            try (Connection c = dataSource.getConnection()) {
                return work.run(c);
            }
        }, false);
    }

    /**
     * Runs read-only {@code work} on the read replica when one is configured and answering, else on the primary (see
     * {@link ReadSource}): for heavy reads that may lag the primary by the replication delay (histories, exports).
     */
    public <T> Future<T> read(SqlWork<T> work) {
        return executor.executeBlocking(() -> reads.run(work), false);
    }

    /** Where {@link #read} gets its connections, for work that holds one across several steps (a cursor). */
    public ReadSource reads() {
        return reads;
    }

    /** Runs {@code work} on the JDBC workers; for a step of work that manages its own connection. */
    public <T> Future<T> blocking(Callable<T> work) {
        return executor.executeBlocking(work, false);
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws (a client error
     * thrown half way therefore stores nothing).
     */
    public <T> Future<T> transaction(SqlWork<T> work) {
        return query(c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** Runs {@code work} against the data source, off the event loop. */
    public <T> Future<T> withDataSource(DataSourceWork<T> work) {
        return executor.executeBlocking(() -> work.run(dataSource), false);
    }

    @Override
    public void close() {
        executor.close();
    }
}
