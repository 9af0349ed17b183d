package io.coldtrace.api.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one mapping from failures to responses: {@link ClientError} to its 4xx JSON, a bare status from the router
 * (404, 405, ...) to JSON, anything else to a 500 JSON without details, logged once with its stack trace. A route
 * declared with {@link RouteTable.Declared#problems} answers the same failures, and its {@link Problem}s, as RFC 7807
 * problems instead.
 */
public final class FailureHandler implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

    @Override
    @SuppressWarnings("unchecked")
    public void handle(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        Throwable failure = ctx.failure();
        IntFunction<String> problems = ctx.currentRoute() == null ? null
                : (IntFunction<String>) ctx.currentRoute().getMetadata(RouteTable.PROBLEMS);
        if (failure instanceof Problem p) {
            LOG.info("{} {} -> {} {}", ctx.request().method(), ctx.request().path(), p.status(), p.getMessage());
            p.send(ctx);
            return;
        }
        ClientError ce = failure instanceof ClientError c ? c : routerError(ctx, statusOf(ctx, failure));
        if (ce != null) {
            LOG.info("{} {} -> {} {}", ctx.request().method(), ctx.request().path(), ce.status(), ce.getMessage());
            if (ce.status() == 503) {
                ctx.response().putHeader("retry-after", "5");
            }
            if (problems != null) {
                Problem.of(ce, problems).send(ctx);
            } else {
                Responses.json(ctx, ce.status(), body(ce));
            }
        } else {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
            if (problems != null) {
                Problem.internal(problems).send(ctx);
                return;
            }
            Responses.json(ctx, 500, new JsonObject().put("error", "internal")
                    .put("message", "internal server error; the server log has the details"));
        }
    }

    /** The status Vert.x Web attached to a failure (e.g. 400 for an undecodable query), or -1. */
    private static int statusOf(RoutingContext ctx, Throwable failure) {
        return failure instanceof HttpException he ? he.getStatusCode() : ctx.statusCode();
    }

    /** A 4xx the router decided (no route, wrong method, malformed request) as a client error; null otherwise. */
    private static ClientError routerError(RoutingContext ctx, int status) {
        if (status < 400 || status > 499) {
            return null;
        }
        String path = ctx.request().path();
        return switch (status) {
            case 404 -> ClientError.notFound("no route " + path);
            case 405 -> ClientError.of(405, "method_not_allowed",
                    ctx.request().method() + " is not allowed on " + path);
            case 413 -> ClientError.of(413, "too_large", "the request body is larger than this route takes ("
                    + bodyLimit(ctx) + " bytes)");
            default -> ClientError.of(status, "bad_request", "the request is malformed");
        };
    }

    /** The body limit of the route that failed (RouteTable's default when it declares none). */
    private static long bodyLimit(RoutingContext ctx) {
        Object limit = ctx.currentRoute() == null ? null : ctx.currentRoute().getMetadata(RouteTable.BODY_LIMIT);
        return limit instanceof Long l ? l : RouteTable.MAX_BODY_BYTES;
    }

    private static JsonObject body(ClientError ce) {
        JsonObject o = new JsonObject().put("error", ce.error()).put("message", ce.getMessage());
        if (ce.field() != null) {
            o.put("field", ce.field());
        }
        if (ce.limit() != null) {
            o.put("limit", ce.limit());
        }
        if (!ce.lines().isEmpty()) {
            o.put("line", ce.lines().get(0).line());
            JsonArray errors = new JsonArray();
            ce.lines().forEach(l -> errors.add(new JsonObject().put("line", l.line()).put("field", l.field())
                    .put("message", l.message())));
            o.put("errors", errors);
        }
        return o;
    }
}
