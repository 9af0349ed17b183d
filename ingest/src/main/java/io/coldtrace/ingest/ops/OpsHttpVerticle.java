package io.coldtrace.ingest.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * Ingest's operational HTTP endpoints. Access: /health and /ready are probes (no credentials: orchestrators call
 * them, they carry no business data); /metrics needs {@code Authorization: Bearer $COLDTRACE_METRICS_TOKEN}.
 * Ingest serves nothing else.
 */
public final class OpsHttpVerticle extends VerticleBase {
    private final int port;
    private final String metricsToken;
    private final PrometheusMeterRegistry registry;
    private final Supplier<Readiness> readiness;
    private HttpServer server;

    /** What /ready reports. */
    public record Readiness(boolean database, boolean broker, boolean migrations, String storage) {
        boolean ready() {
            return database && broker && migrations;
        }
    }

    public OpsHttpVerticle(int port, String metricsToken, PrometheusMeterRegistry registry,
                           Supplier<Readiness> readiness) {
        this.port = port;
        this.metricsToken = metricsToken;
        this.registry = registry;
        this.readiness = readiness;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.get("/health").handler(rc -> json(rc, 200, new JsonObject().put("status", "up")));
        router.get("/ready").handler(this::ready);
        router.get("/metrics").handler(this::metrics);
        router.route().last().handler(rc -> json(rc, 404, new JsonObject().put("error", "not_found")
                .put("message", "ingest serves only /health, /ready and /metrics")));
        router.route().failureHandler(rc -> json(rc, rc.statusCode() > 0 ? rc.statusCode() : 500,
                new JsonObject().put("error", rc.statusCode() == 405 ? "method_not_allowed" : "server_error")));
        return vertx.createHttpServer().requestHandler(router).listen(port).onSuccess(s -> server = s);
    }

    /** The port actually bound (useful when configured as 0). */
    public int actualPort() {
        return server.actualPort();
    }

    private void ready(RoutingContext rc) {
        Readiness r = readiness.get();
        json(rc, r.ready() ? 200 : 503, new JsonObject()
                .put("status", r.ready() ? "ready" : "not_ready")
                .put("database", r.database() ? "up" : "down")
                .put("broker", r.broker() ? "connected" : "disconnected")
                .put("migrations", r.migrations() ? "applied" : "pending")
                .put("storage", r.storage()));
    }

    private void metrics(RoutingContext rc) {
        if (metricsToken.isEmpty()) {
            json(rc, 401, new JsonObject().put("error", "unauthorized")
                    .put("message", "metrics are disabled: set COLDTRACE_METRICS_TOKEN and send it as a bearer token"));
            return;
        }
        String auth = rc.request().getHeader("Authorization");
        String expected = "Bearer " + metricsToken;
        if (auth == null || !MessageDigest.isEqual(auth.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            json(rc, 401, new JsonObject().put("error", "unauthorized")
                    .put("message", "send Authorization: Bearer <COLDTRACE_METRICS_TOKEN>"));
            return;
        }
        rc.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(registry.scrape());
    }

    private static void json(RoutingContext rc, int status, JsonObject body) {
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
