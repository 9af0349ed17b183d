package io.coldtrace.api.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.IntFunction;

/**
 * An RFC 7807 problem ({@code application/problem+json}: {@code type}, {@code title}, {@code status}, {@code detail}
 * and extension members), the error form of routes that speak a standard's binding (the EPCIS 2.0 REST binding).
 * A route declared with {@link RouteTable.Declared#problems} answers every failure in this form: a Problem as it is,
 * a {@link ClientError} (the guard's 401 and 403, a 413 body, a 404) as the problem of its status, whose type the
 * route's declaration names. Like a ClientError it is a caller's mistake: no stack trace.
 */
public final class Problem extends RuntimeException {
    public static final String MEDIA = "application/problem+json";

    private final int status;
    private final String type;
    private final String title;
    private final JsonObject members;

    private Problem(int status, String type, String title, String detail, JsonObject members) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.members = members;
    }

    /** A problem of {@code type} (a URI) answered with {@code status}; {@code detail} says what is wrong and where. */
    public static Problem of(int status, String type, String title, String detail) {
        return new Problem(status, type, title, detail, new JsonObject());
    }

    /** The same problem with an extension member (a JSON pointer, an event index, a limit). */
    public Problem with(String member, Object value) {
        return new Problem(status, type, title, getMessage(), members.copy().put(member, value));
    }

    /** The problem a route whose failures are problems of {@code types} (status to type URI) answers for {@code ce}. */
    static Problem of(ClientError ce, IntFunction<String> types) {
        Problem p = of(ce.status(), types.apply(ce.status()), reason(ce.status()), ce.getMessage());
        return ce.field() == null ? p : p.with("field", ce.field());
    }

    /** The problem of a failure that is not the caller's (500), without details. */
    static Problem internal(IntFunction<String> types) {
        return of(500, types.apply(500), reason(500), "internal server error; the server log has the details");
    }

    private static String reason(int status) {
        return HttpResponseStatus.valueOf(status).reasonPhrase();
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    /** The RFC 7807 body. */
    public JsonObject toJson() {
        return new JsonObject().put("type", type).put("title", title).put("status", status)
                .put("detail", getMessage()).mergeIn(members);
    }

    /** Answers {@code ctx} with this problem. */
    public Future<Void> send(RoutingContext ctx) {
        return ctx.response().setStatusCode(status).putHeader("content-type", MEDIA)
                .putHeader("cache-control", "no-store").end(toJson().encode());
    }
}
