package io.coldtrace.api.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** Handles one request after its access was checked; writes the response and returns when done (or failed). */
@FunctionalInterface
public interface Endpoint {
    Future<?> handle(RoutingContext ctx);
}
