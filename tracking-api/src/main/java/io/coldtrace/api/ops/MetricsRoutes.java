package io.coldtrace.api.ops;

import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.RouteTable;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** GET /metrics: Prometheus text, for scrapers holding COLDTRACE_METRICS_TOKEN. */
public final class MetricsRoutes {
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsRoutes(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    public void register(RouteTable routes) {
        routes.get("/metrics", Access.metrics(), ctx -> ctx.response()
                .putHeader("content-type", CONTENT_TYPE)
                .end(registry.scrape()));
    }
}
