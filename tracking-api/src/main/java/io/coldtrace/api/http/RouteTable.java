package io.coldtrace.api.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The only way to add a route: each one names its {@link Access}, which is checked before the endpoint runs and kept
 * as route metadata under {@link #ACCESS} so a test can prove every route has one. Failures of the guard or the
 * endpoint go to the one {@link FailureHandler}.
 */
public final class RouteTable {
    /** Route metadata key holding the route's {@link Access}. */
    public static final String ACCESS = "coldtrace.access";
    /** Route metadata key holding the largest body a route takes, in bytes (routes with a body). */
    public static final String BODY_LIMIT = "coldtrace.bodyLimit";
    /** Route metadata key of a route answering failures as RFC 7807 problems: the status-to-type function. */
    public static final String PROBLEMS = "coldtrace.problems";
    /** Route metadata key holding the route's {@link Example}, when it declares one. */
    public static final String EXAMPLE = "coldtrace.example";
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

    public Declared get(String path, Access access, Endpoint endpoint) {
        return add(HttpMethod.GET, path, access, endpoint);
    }

    public Declared post(String path, Access access, Endpoint endpoint) {
        return add(HttpMethod.POST, path, access, endpoint);
    }

    public Declared put(String path, Access access, Endpoint endpoint) {
        return add(HttpMethod.PUT, path, access, endpoint);
    }

    public Declared delete(String path, Access access, Endpoint endpoint) {
        return add(HttpMethod.DELETE, path, access, endpoint);
    }

    public Declared add(HttpMethod method, String path, Access access, Endpoint endpoint) {
        return add(method, path, access, MAX_BODY_BYTES, endpoint);
    }

    /**
     * A POST whose body is a file of at most {@code maxBytes} (evidence scans, photos), read whole before the
     * endpoint runs ({@code ctx.body().buffer()}); beyond the limit 413.
     */
    public Declared upload(String path, Access access, long maxBytes, Endpoint endpoint) {
        return add(HttpMethod.POST, path, access, maxBytes, endpoint);
    }

    private Declared add(HttpMethod method, String path, Access access, long maxBodyBytes, Endpoint endpoint) {
        Objects.requireNonNull(access, () -> "route " + method + " " + path + " must declare its access");
        Objects.requireNonNull(endpoint, "endpoint");
        Route route = router.route(method, path)
                .setName(method + " " + path)
                .putMetadata(ACCESS, access);
        if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
            // read the body before the guard's database round trip, so no chunk arrives while nobody listens
            route.putMetadata(BODY_LIMIT, maxBodyBytes).handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
        }
        route.handler(ctx -> guard.check(ctx, access)
                .compose(ok -> endpoint.handle(ctx))
                .onFailure(ctx::fail))
                .failureHandler(failures);
        return new Declared(route);
    }

    /**
     * A browser page: like {@link #get}, but a caller without valid credentials is sent to the login page (with the
     * page to come back to) instead of getting a 401 JSON body.
     */
    public Declared page(String path, Access access, Endpoint endpoint) {
        Objects.requireNonNull(access, () -> "page " + path + " must declare its access");
        Objects.requireNonNull(endpoint, "endpoint");
        return new Declared(router.route(HttpMethod.GET, path)
                .setName(HttpMethod.GET + " " + path)
                .putMetadata(ACCESS, access)
                .handler(ctx -> guard.check(ctx, access)
                        .<Object>compose(ok -> endpoint.handle(ctx).map(x -> x), denied -> toLogin(ctx, denied))
                        .onFailure(ctx::fail))
                .failureHandler(failures));
    }

    private static Future<Object> toLogin(RoutingContext ctx, Throwable denied) {
        if (!(denied instanceof ClientError ce) || ce.status() != 401) {
            return Future.failedFuture(denied);
        }
        String back = URLEncoder.encode(ctx.request().uri(), StandardCharsets.UTF_8);
        return ctx.response().setStatusCode(303).putHeader("Location", "/login?next=" + back)
                .putHeader("cache-control", "no-store").end().map(x -> x);
    }

    /**
     * A sample request of a route, as the access table test sends it (and, later, the API contract shows it).
     * Placeholders name the caller's organisation and fixtures of it: {@code {org}, {site}, {profile}, {unit},
     * {device}} (a device bound to the unit), {@code {free-device}} (one that reported and is unclaimed), {@code
     * {alarm}, {webhook}, {user}}, {@code {new}} (an id nobody uses yet) and {@code {token}} (an API token of the
     * organisation). Without a path, a path parameter stands for the fixture its collection names ({@code
     * /units/:id} is {@code {unit}}; {@code :ext} is {@code {device}}).
     *
     * @param path sample path, or null to derive it from the route's
     * @param body sample JSON body, or null for none
     * @param contentType the body's media type (JSON unless said)
     */
    public record Example(String path, String body, String contentType) {
        public Example {
            contentType = contentType == null ? "application/json" : contentType;
        }
    }

    /** A declared route, to which a feature may add an {@link Example}. */
    public static final class Declared {
        private final Route route;

        private Declared(Route route) {
            this.route = route;
        }

        /**
         * The route answers every failure as an RFC 7807 {@link Problem} (a standard's binding asks for it), each
         * status with the problem type {@code types} gives it.
         */
        public Declared problems(java.util.function.IntFunction<String> types) {
            route.putMetadata(PROBLEMS, java.util.Objects.requireNonNull(types, "problem types"));
            return this;
        }

        /** The route takes this sample body (see {@link Example}). */
        public Declared example(String body) {
            return example(null, body);
        }

        /** The route is called like this (see {@link Example}). */
        public Declared example(String path, String body) {
            return example(path, body, null);
        }

        /** The route is called like this, with a body of {@code contentType} (a file upload's). */
        public Declared example(String path, String body, String contentType) {
            route.putMetadata(EXAMPLE, new Example(path, body, contentType));
            return this;
        }
    }

    /** The router holding the declared routes. */
    public Router router() {
        return router;
    }
}
