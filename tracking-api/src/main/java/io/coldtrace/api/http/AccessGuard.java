package io.coldtrace.api.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** Decides whether the caller of a request satisfies a route's {@link Access}; fails with a 401/403 ClientError. */
public interface AccessGuard {
    Future<Void> check(RoutingContext ctx, Access access);
}
