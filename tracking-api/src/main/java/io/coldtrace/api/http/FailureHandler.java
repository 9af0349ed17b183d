package io.coldtrace.api.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one mapping from failures to responses: {@link ClientError} to its 4xx JSON, a bare status from the router
 * (404, 405, ...) to JSON, anything else to a 500 JSON without details, logged once with its stack trace.
 */
public final class FailureHandler implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof ClientError ce) {
            LOG.info("{} {} -> {} {}", ctx.request().method(), ctx.request().path(), ce.status(), ce.getMessage());
            Responses.json(ctx, ce.status(), body(ce));
        } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            Responses.json(ctx, ctx.statusCode(), body(routerError(ctx)));
        } else {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
            Responses.json(ctx, 500, new JsonObject().put("error", "internal")
                    .put("message", "internal server error; the server log has the details"));
        }
    }

    private static ClientError routerError(RoutingContext ctx) {
        String path = ctx.request().path();
        return switch (ctx.statusCode()) {
            case 404 -> ClientError.notFound("no route " + path);
            case 405 -> ClientError.of(405, "method_not_allowed",
                    ctx.request().method() + " is not allowed on " + path);
            default -> ClientError.of(ctx.statusCode(), "bad_request", "the request could not be handled");
        };
    }

    private static JsonObject body(ClientError ce) {
        JsonObject o = new JsonObject().put("error", ce.error()).put("message", ce.getMessage());
        if (ce.field() != null) {
            o.put("field", ce.field());
        }
        return o;
    }
}
