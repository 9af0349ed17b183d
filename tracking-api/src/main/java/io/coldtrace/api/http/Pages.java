package io.coldtrace.api.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the pages under src/main/resources/webroot with the headers every page carries: no caching, and a
 * Content-Security-Policy that lets a page load only this server's own scripts, styles and data (nothing from the
 * internet). A feature registers its pages with {@link RouteTable#page} and answers with {@link #html}.
 */
public final class Pages {
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private Pages() {
    }

    /** Sends {@code webroot/<file>} as the page. */
    public static Future<Void> html(RoutingContext ctx, String file) {
        return ctx.response()
                .putHeader("content-type", "text/html; charset=utf-8")
                .putHeader("cache-control", "no-store")
                .putHeader("content-security-policy", CSP)
                .putHeader("x-content-type-options", "nosniff")
                .putHeader("referrer-policy", "same-origin")
                .sendFile("webroot/" + file);
    }
}
