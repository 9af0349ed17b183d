package io.coldtrace.api.http;

import io.coldtrace.api.ApiConfig;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.work.CpuWork;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * What the kernel gives every feature: Vert.x, the settings, JDBC off the event loop ({@code db}), the bounded CPU
 * executor for heavy work ({@code cpu}), the metrics registry and the clock.
 */
public record FeatureContext(Vertx vertx, ApiConfig config, BlockingDb db, CpuWork cpu,
                             PrometheusMeterRegistry registry, Clock clock) {
}
