package io.coldtrace.api.pages;

import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.overview.OverviewRoutes;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The operators' web pages (src/main/resources/webroot): overview, unit history, alarm list. Pages need a signed-in
 * user (without one they redirect to /login); only the login form and the static assets, which carry no data, are
 * public. Pages fetch their data from the API with the session cookie. Third-party code (uPlot) is served from its
 * WebJar, so nothing is loaded from the internet, and the Content-Security-Policy forbids it anyway.
 */
public final class PageRoutes implements RouteTable.Feature {
    /** uPlot's files inside its WebJar (org.webjars.npm:uplot; keep in step with the version in the pom). */
    static final String UPLOT_DIST = "META-INF/resources/webjars/uplot/1.6.30/dist";
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final StaticHandler assets = StaticHandler.create("webroot/assets").setDirectoryListing(false);
    private final StaticHandler uplot = StaticHandler.create(UPLOT_DIST).setDirectoryListing(false);

    @Override
    public void register(RouteTable routes) {
        Access watchers = OverviewRoutes.WATCHERS;
        routes.get("/login", Access.publicAccess("the sign-in form: static HTML, carries no data"),
                ctx -> html(ctx, "login.html"));
        routes.get("/assets/*", Access.publicAccess("style sheets, scripts, dictionary: static, carry no data"),
                ctx -> serve(assets, ctx));
        routes.get("/vendor/uplot/*", Access.publicAccess("the uPlot chart library from its WebJar, no data"),
                ctx -> serve(uplot, ctx));
        routes.page("/", watchers, ctx -> ctx.response().setStatusCode(303).putHeader("Location", "/overview").end());
        routes.page("/overview", watchers, ctx -> html(ctx, "overview.html"));
        routes.page("/units/:id", watchers, ctx -> html(ctx, "unit.html"));
        routes.page("/alarms", watchers, ctx -> html(ctx, "alarms.html"));
    }

    private static Future<Void> html(RoutingContext ctx, String file) {
        return ctx.response()
                .putHeader("content-type", "text/html; charset=utf-8")
                .putHeader("cache-control", "no-store")
                .putHeader("content-security-policy", CSP)
                .putHeader("x-content-type-options", "nosniff")
                .putHeader("referrer-policy", "same-origin")
                .sendFile("webroot/" + file);
    }

    private static Future<Void> serve(StaticHandler handler, RoutingContext ctx) {
        ctx.response().putHeader("x-content-type-options", "nosniff");
        handler.handle(ctx);
        return Future.succeededFuture();
    }
}
