package io.coldtrace.api.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Objects;

/**
 * The only way to add a route: each one names its {@link Access}, which is checked before the endpoint runs and kept
 * as route metadata under {@link #ACCESS} so a test can prove every route has one. Failures of the guard or the
 * endpoint go to the one {@link FailureHandler}.
 */
public final class RouteTable {
    /** Route metadata key holding the route's {@link Access}. */
    public static final String ACCESS = "coldtrace.access";
    /** Largest request body a route accepts (413 beyond); API bodies are small JSON objects. */
    public static final long MAX_BODY_BYTES = 64 * 1024;

    private final Router router;
    private final AccessGuard guard;
    private final FailureHandler failures = new FailureHandler();

    public RouteTable(Vertx vertx, AccessGuard guard) {
        this.router = Router.router(vertx);
        this.guard = Objects.requireNonNull(guard, "guard");
        for (int status : new int[] {400, 404, 405, 413, 500}) {
            router.errorHandler(status, failures);
        }
    }

    /** A feature contributes its routes through this. */
    @FunctionalInterface
    public interface Feature {
        void register(RouteTable routes);
    }

    public RouteTable get(String path, Access access, Endpoint endpoint) {
        return add(HttpMethod.GET, path, access, endpoint);
    }

    public RouteTable post(String path, Access access, Endpoint endpoint) {
        return add(HttpMethod.POST, path, access, endpoint);
    }

    public RouteTable put(String path, Access access, Endpoint endpoint) {
        return add(HttpMethod.PUT, path, access, endpoint);
    }

    public RouteTable delete(String path, Access access, Endpoint endpoint) {
        return add(HttpMethod.DELETE, path, access, endpoint);
    }

    public RouteTable add(HttpMethod method, String path, Access access, Endpoint endpoint) {
        Objects.requireNonNull(access, () -> "route " + method + " " + path + " must declare its access");
        Objects.requireNonNull(endpoint, "endpoint");
        Route route = router.route(method, path)
                .setName(method + " " + path)
                .putMetadata(ACCESS, access);
        if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
            // read the body before the guard's database round trip, so no chunk arrives while nobody listens
            route.handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        }
        route.handler(ctx -> guard.check(ctx, access)
                .compose(ok -> endpoint.handle(ctx))
                .onFailure(ctx::fail))
                .failureHandler(failures);
        return this;
    }

    /** The router holding the declared routes. */
    public Router router() {
        return router;
    }
}
