package io.coldtrace.api.ops;

import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /health (the process is alive) and GET /ready (the database answers and the schema is migrated); both PROBE:
 * load balancers call them without credentials, so they carry no business data.
 */
public final class ProbeRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ProbeRoutes.class);
    private static final long READY_TIMEOUT_MS = 2_000;

    private final BlockingDb db;

    public ProbeRoutes(BlockingDb db) {
        this.db = db;
    }

    public void register(RouteTable routes) {
        routes.get("/health", Access.probe(), ctx -> Responses.ok(ctx, new JsonObject().put("status", "up")));
        routes.get("/ready", Access.probe(), this::ready);
    }

    private Future<Void> ready(RoutingContext ctx) {
        int queryTimeoutS = (int) TimeUnit.MILLISECONDS.toSeconds(READY_TIMEOUT_MS);
        return db.query(c -> ReadinessQueries.schema(c, queryTimeoutS))
                .timeout(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .transform(ar -> {
                    if (ar.failed()) {
                        LOG.warn("not ready: database check failed: {}", ar.cause().toString());
                        return Responses.json(ctx, 503, new JsonObject().put("status", "not_ready")
                                .put("database", "down").put("migrations", "unknown"));
                    }
                    ReadinessQueries.Schema s = ar.result();
                    if (!s.migrated()) {
                        return Responses.json(ctx, 503, new JsonObject().put("status", "not_ready")
                                .put("database", "up").put("migrations", "pending"));
                    }
                    return Responses.ok(ctx, new JsonObject().put("status", "ready").put("database", "up")
                            .put("migrations", "applied").put("storage", s.storage()));
                });
    }
}
