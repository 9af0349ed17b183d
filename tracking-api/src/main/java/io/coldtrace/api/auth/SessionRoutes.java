package io.coldtrace.api.auth;

import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Browser sign-in: {@code POST /api/v1/session {"token"}} checks the API token like the guard does and, when it is
 * valid, sets the {@link SessionCookie}; {@code POST /api/v1/session/logout} clears it.
 */
public final class SessionRoutes {
    static final Access SIGN_IN = Access.publicAccess("sign-in: checks the token it is given, answers only its holder");
    static final Access SIGN_OUT = Access.publicAccess("sign-out: only clears the caller's own cookie, no data");
    private static final int MAX_BODY = 4096;
    private static final int MAX_TOKEN = 512;

    private final BlockingDb db;

    public SessionRoutes(BlockingDb db) {
        this.db = db;
    }

    public void register(RouteTable routes) {
        routes.add(HttpMethod.POST, "/api/v1/session", SIGN_IN, this::signIn)
                .example("{\"token\": \"{token}\"}");
        routes.add(HttpMethod.POST, "/api/v1/session/logout", SIGN_OUT, this::signOut);
        // who is signed in: pages show QA's links and buttons only to those the QA routes would let through
        routes.get("/api/v1/session", Policies.PEOPLE, ctx -> Responses.ok(ctx, json(Principal.of(ctx))));
    }

    private Future<Void> signIn(RoutingContext ctx) {
        long length = contentLength(ctx);
        if (length < 0 || length > MAX_BODY) {
            // refused before reading, so nobody can make the server buffer a large body
            return Future.failedFuture(ClientError.of(413, "too_large",
                    "send a JSON body of at most " + MAX_BODY + " bytes with its Content-Length"));
        }
        // a body handler may have read it already; else it is asked for in this tick, before any chunk is lost
        Future<Buffer> read = ctx.body().available()
                ? Future.succeededFuture(ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer())
                : ctx.request().body();
        return read.compose(body -> {
            String token = token(body);
            return db.query(c -> TokenQueries.findActive(c, Tokens.hash(token)))
                    .compose(found -> found.map(p -> signedIn(ctx, token, p)).orElseGet(() -> Future.failedFuture(
                            ClientError.unauthorized("the token is unknown or revoked"))));
        });
    }

    private static Future<Void> signedIn(RoutingContext ctx, String token, Principal p) {
        if (p.role() == Role.PARTNER) {
            // a partner's system captures EPCIS documents with its bearer token; it has no pages to sign in to
            return Future.failedFuture(ClientError.forbidden("a partner token is for EPCIS capture only; it cannot "
                    + "sign in"));
        }
        ctx.response().addCookie(SessionCookie.signIn(token, SessionCookie.secure(ctx.request())));
        return Responses.ok(ctx, json(p));
    }

    /** The caller as the session routes show it; {@code region} only for an authority. */
    private static JsonObject json(Principal p) {
        JsonObject o = new JsonObject().put("name", p.name()).put("role", p.role().label()).put("org_id", p.orgId());
        return p.region() == null ? o : o.put("region", p.region());
    }

    private Future<Void> signOut(RoutingContext ctx) {
        ctx.response().addCookie(SessionCookie.signOut(SessionCookie.secure(ctx.request())));
        return Responses.ok(ctx, new JsonObject().put("signed_out", true));
    }

    /** The declared body length, or -1 when absent or not a number. */
    private static long contentLength(RoutingContext ctx) {
        String v = ctx.request().getHeader("Content-Length");
        try {
            return v == null ? -1 : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String token(Buffer body) {
        JsonObject json;
        try {
            json = body.length() == 0 ? null : new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            json = null;
        }
        if (json == null) {
            throw ClientError.badParameter("body", "send a JSON object {\"token\": \"ct_...\"}");
        }
        Object t = json.getValue("token");
        if (!(t instanceof String s) || s.isBlank() || s.length() > MAX_TOKEN) {
            throw ClientError.badParameter("token", "token must be the API token, 1.." + MAX_TOKEN + " characters");
        }
        return s.trim();
    }
}
