package io.coldtrace.api.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.sql.Connection;
import java.sql.SQLException;
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
    private final WorkerExecutor executor;

    public BlockingDb(Vertx vertx, DataSource dataSource, int threads) {
        this.dataSource = dataSource;
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
