package io.coldtrace.api.work;

import io.coldtrace.api.http.ClientError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place CPU-heavy work runs (PDF rendering, exports, later the route solver): a small named executor of its
 * own, never the JDBC workers and never an event loop, so a slow export cannot starve page reads. It is bounded:
 * at most {@code threads} jobs run and {@code queued} wait; beyond that a request is refused at once with a 503 that
 * says to retry, rather than piling up memory.
 */
public final class CpuWork implements AutoCloseable {
    /** Name of the executor, as it shows in thread dumps and Vert.x metrics. */
    public static final String EXECUTOR_NAME = "coldtrace-api-cpu";

    private final WorkerExecutor executor;
    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();

    public CpuWork(Vertx vertx, int threads, int queued) {
        if (threads < 1 || queued < 0) {
            throw new IllegalArgumentException("threads >= 1 and queued >= 0, were " + threads + ", " + queued);
        }
        this.executor = vertx.createSharedWorkerExecutor(EXECUTOR_NAME, threads, 10, TimeUnit.MINUTES);
        this.limit = threads + queued;
    }

    /** Half the machine's cores (at least one), with four jobs waiting per thread. */
    public static CpuWork forMachine(Vertx vertx) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        return new CpuWork(vertx, threads, 4 * threads);
    }

    /** Runs {@code job} on the CPU executor; fails with 503 when {@code threads + queued} jobs are already taken. */
    public <T> Future<T> submit(Callable<T> job) {
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            return Future.failedFuture(ClientError.busy("the server is busy rendering other reports; retry in a "
                    + "few seconds"));
        }
        return executor.executeBlocking(job, false).andThen(done -> inFlight.decrementAndGet());
    }

    /** Jobs running or waiting now. */
    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public void close() {
        executor.close();
    }
}
