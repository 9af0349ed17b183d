package io.coldtrace.api.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Writes JSON responses. */
public final class Responses {
    private Responses() {
    }

    public static Future<Void> json(RoutingContext ctx, int status, JsonObject body) {
        return ctx.response()
                .setStatusCode(status)
                .putHeader("content-type", "application/json; charset=utf-8")
                .putHeader("cache-control", "no-store")
                .end(body.encode());
    }

    public static Future<Void> ok(RoutingContext ctx, JsonObject body) {
        return json(ctx, 200, body);
    }

    /** 201 with the created resource. */
    public static Future<Void> created(RoutingContext ctx, JsonObject body) {
        return json(ctx, 201, body);
    }

    /** 200 with {@code row}, or 404 saying {@code missing} when there is none (or the caller may not see it). */
    public static Future<Void> okOr404(RoutingContext ctx, Optional<JsonObject> row, String missing) {
        return row.map(r -> ok(ctx, r)).orElseGet(() -> Future.failedFuture(ClientError.notFound(missing)));
    }

    /** A list answer of records, each made JSON by {@code json}. */
    public static <R> Future<Void> items(RoutingContext ctx, List<R> rows, Function<R, JsonObject> json) {
        JsonArray items = new JsonArray(new ArrayList<>(rows.size()));
        rows.forEach(r -> items.add(json.apply(r)));
        return items(ctx, items);
    }

    /** A list answer: {"items": [...], "count": n}. */
    public static Future<Void> items(RoutingContext ctx, JsonArray items) {
        return ok(ctx, new JsonObject().put("items", items).put("count", items.size()));
    }
}
