package io.coldtrace.api.auth;

import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.AccessGuard;
import io.coldtrace.api.http.ClientError;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks {@code Authorization: Bearer ...}: API tokens against api_token (by hash) for ROLES routes, the configured
 * metrics token for METRICS; PUBLIC and PROBE routes pass without credentials. ROLES routes also accept the browser
 * session cookie ({@link SessionCookie}), which holds the same token; a state-changing request carried by the cookie
 * must not come from another origin (SameSite=Strict already keeps other sites' requests from carrying it).
 */
public final class BearerGuard implements AccessGuard {
    private static final String SCHEME = "bearer ";

    private final BlockingDb db;
    private final String metricsToken;

    /** {@code metricsToken} empty = /metrics disabled. */
    public BearerGuard(BlockingDb db, String metricsToken) {
        this.db = db;
        this.metricsToken = metricsToken;
    }

    @Override
    public Future<Void> check(RoutingContext ctx, Access access) {
        return switch (access.kind()) {
            case PUBLIC, PROBE -> Future.succeededFuture();
            case METRICS -> checkMetrics(bearer(ctx));
            case ROLES -> {
                try {
                    yield checkRole(ctx, access, credentials(ctx));
                } catch (ClientError e) {
                    yield Future.failedFuture(e);
                }
            }
        };
    }

    private Future<Void> checkMetrics(String token) {
        if (metricsToken.isEmpty()) {
            return Future.failedFuture(ClientError.unauthorized(
                    "metrics are disabled: set COLDTRACE_METRICS_TOKEN and send it as a bearer token"));
        }
        if (token == null || !Tokens.sameSecret(metricsToken, token)) {
            return Future.failedFuture(ClientError.unauthorized("a valid metrics bearer token is required"));
        }
        return Future.succeededFuture();
    }

    private Future<Void> checkRole(RoutingContext ctx, Access access, String token) {
        if (token == null) {
            return Future.failedFuture(ClientError.unauthorized(
                    "send Authorization: Bearer <api token>, or sign in at /login"));
        }
        String hash = Tokens.hash(token);
        return db.query(c -> TokenQueries.findActive(c, hash)).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(ClientError.unauthorized("the bearer token is unknown or revoked"));
            }
            Principal p = found.get();
            if (!access.allows(p.role())) {
                return Future.failedFuture(ClientError.forbidden("role " + p.role().label() + " may not call "
                        + ctx.request().method() + " " + ctx.request().path()));
            }
            ctx.put(Principal.CONTEXT_KEY, p);
            return Future.succeededFuture();
        });
    }

    /** The bearer token, else the session cookie's token (refused when sent cross-origin to change state), or null. */
    private static String credentials(RoutingContext ctx) {
        String token = bearer(ctx);
        if (token != null) {
            return token;
        }
        token = SessionCookie.token(ctx.request());
        if (token != null && !safeMethod(ctx.request().method()) && !sameOrigin(ctx)) {
            throw ClientError.forbidden("a session request that changes state must come from this site");
        }
        return token;
    }

    private static boolean safeMethod(HttpMethod m) {
        return m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS;
    }

    /** No Origin header (same-origin GETs, old browsers) or one naming the host the request was sent to. */
    private static boolean sameOrigin(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String host = ctx.request().getHeader("Host");
        int scheme = origin.indexOf("://");
        return host != null && scheme > 0 && origin.substring(scheme + 3).equalsIgnoreCase(host);
    }

    /** The bearer token, or null when the header is absent or of another scheme. */
    private static String bearer(RoutingContext ctx) {
        String h = ctx.request().getHeader("Authorization");
        if (h == null || h.length() <= SCHEME.length() || !h.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        String t = h.substring(SCHEME.length()).trim();
        return t.isEmpty() ? null : t;
    }
}
