package io.coldtrace.api.live;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.RouteTable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/stream}: Server-Sent Events of the caller's organisation, {@code event: unit} when a unit's
 * latest reading changes and {@code event: alarm} for each alarm event, from the one shared {@link LiveFeed}.
 * Browsers' EventSource sends the session cookie, so pages need no header.
 */
public final class StreamRoutes {
    private final LiveFeed feed;

    public StreamRoutes(LiveFeed feed, MeterRegistry registry) {
        this.feed = feed;
        Gauge.builder("coldtrace.api.stream.clients", feed, LiveFeed::clients)
                .description("clients connected to GET /api/v1/stream").register(registry);
    }

    public void register(RouteTable routes) {
        routes.get("/api/v1/stream", Policies.READ_OPERATIONS, this::stream);
    }

    private Future<Void> stream(RoutingContext ctx) {
        Visibility filter = Visibility.of(ctx);
        HttpServerResponse r = ctx.response()
                .setChunked(true)
                .putHeader("content-type", "text/event-stream; charset=utf-8")
                .putHeader("cache-control", "no-store")
                .putHeader("x-accel-buffering", "no");
        // the first bytes send the headers, so EventSource opens at once; retry = reconnect delay after a drop
        return r.write("retry: 3000\n: connected\n\n").onSuccess(v -> feed.subscribe(r, filter));
    }
}
