package io.coldtrace.api.pages;

import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The static assets every page uses (src/main/resources/webroot/assets), which carry no data and are public. Each
 * feature registers its own pages ({@link io.coldtrace.api.http.Pages}); pages need a signed-in user (without one
 * they redirect to /login) and fetch their data from the API with the session cookie. Third-party code (uPlot) is
 * served from its WebJar, so nothing is loaded from the internet, and the Content-Security-Policy forbids it anyway.
 */
public final class PageRoutes {
    /** uPlot's files inside its WebJar (org.webjars.npm:uplot; keep in step with the version in the pom). */
    static final String UPLOT_DIST = "META-INF/resources/webjars/uplot/1.6.30/dist";

    private final StaticHandler assets = StaticHandler.create("webroot/assets").setDirectoryListing(false);
    private final StaticHandler uplot = StaticHandler.create(UPLOT_DIST).setDirectoryListing(false);

    public void register(RouteTable routes) {
        routes.get("/assets/*", Access.publicAccess("style sheets, scripts, dictionary: static, carry no data"),
                ctx -> serve(assets, ctx))
                .example("/assets/app.css", null);
        routes.get("/vendor/uplot/*", Access.publicAccess("the uPlot chart library from its WebJar, no data"),
                ctx -> serve(uplot, ctx))
                .example("/vendor/uplot/uPlot.min.css", null);
    }

    private static Future<Void> serve(StaticHandler handler, RoutingContext ctx) {
        ctx.response().putHeader("x-content-type-options", "nosniff");
        handler.handle(ctx);
        return Future.succeededFuture();
    }
}
