package io.coldtrace.api;

import com.zaxxer.hikari.HikariDataSource;
import io.coldtrace.api.auth.CreateTokenCommand;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.ReadSource;
import io.coldtrace.api.db.ReplicaPool;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.HttpVerticle;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.work.CpuWork;
import io.coldtrace.core.config.ConfigException;
import io.coldtrace.core.config.DbConfig;
import io.coldtrace.core.config.Env;
import io.coldtrace.core.db.Database;
import io.coldtrace.core.db.StorageMode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Clock;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the tracking API: config, Vert.x with Prometheus metrics, the pool, migrations (off the event loop), the
 * HTTP verticle. {@code create-token ...} instead creates an API token (see {@link CreateTokenCommand}); another
 * first argument runs the feature command of that name ({@link ApiCommand}, e.g. {@code import-divisions}).
 */
public final class ApiMain {
    private static final Logger LOG = LoggerFactory.getLogger(ApiMain.class);

    /**
     * A started API; {@link #close()} stops it.
     *
     * @param readDataSource the read replica's pool, or null when none is configured
     */
    public record Running(Vertx vertx, HikariDataSource dataSource, HikariDataSource readDataSource, int port,
                          StorageMode storage) {
        public Future<Void> close() {
            return shutdown(vertx, dataSource, readDataSource);
        }
    }

    private ApiMain() {
    }

    public static void main(String[] args) {
        ApiConfig cfg;
        try {
            if (args.length > 0 && args[0].equals(CreateTokenCommand.NAME)) {
                System.exit(CreateTokenCommand.run(args, DbConfig.from(Env.system()), System.out, System.err));
            }
            if (args.length > 0) {
                System.exit(command(args));
            }
            cfg = ApiConfig.from(Env.system());
        } catch (ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        start(cfg)
                .onSuccess(r -> LOG.info("tracking-api listening on http://{}:{}/ (storage: {})",
                        cfg.httpHost(), r.port(), r.storage().label()))
                .onFailure(e -> {
                    LOG.error("tracking-api failed to start: {}", e.toString(), e);
                    System.exit(1);
                });
    }

    /** Runs the feature command {@code args[0]} names ({@link ApiCommand}), or says which there are. */
    private static int command(String[] args) {
        for (ApiCommand c : ApiCommand.found()) {
            if (c.name().equals(args[0])) {
                return c.run(java.util.List.of(args).subList(1, args.length), DbConfig.from(Env.system()),
                        System.out, System.err);
            }
        }
        StringBuilder known = new StringBuilder("  " + CreateTokenCommand.NAME + " --role admin --name NAME");
        ApiCommand.found().forEach(c -> known.append("\n  ").append(c.usage()));
        System.err.println("unknown command " + args[0] + "; run without arguments to serve, or one of:\n" + known);
        return 2;
    }

    /** Starts everything; the future fails (and what was opened is closed) when any part cannot start. */
    public static Future<Running> start(ApiConfig cfg) {
        return start(cfg, (routes, db) -> { });
    }

    /** As {@link #start(ApiConfig)}, with {@code extra} routes added after the API's own (tests' stand-ins). */
    public static Future<Running> start(ApiConfig cfg, BiConsumer<RouteTable, BlockingDb> extra) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
        HikariDataSource ds = Database.pool(cfg.db(), "coldtrace-api");
        HikariDataSource replica = cfg.readDb() == null ? null : ReplicaPool.open(cfg.readDb(), "coldtrace-api-read");
        ReadSource reads = new ReadSource(ds, replica, Clock.systemUTC());
        reads.register(registry);
        BlockingDb db = new BlockingDb(vertx, ds, reads, cfg.workerPoolSize());
        return db.withDataSource(d -> Database.migrate(d, cfg.db()))
                .compose(mode -> {
                    FeatureContext kernel = new FeatureContext(vertx, cfg, db, CpuWork.forMachine(vertx), registry,
                            Clock.systemUTC());
                    RouteTable routes = ApiRoutes.build(kernel);
                    extra.accept(routes, db);
                    HttpVerticle http = new HttpVerticle(cfg.httpHost(), cfg.httpPort(), routes.router());
                    return vertx.deployVerticle(http)
                            .map(id -> new Running(vertx, ds, replica, http.actualPort(), mode));
                })
                .recover(e -> {
                    // no JDBC is in flight (migration or deployment failed), so the pool may close first; the
                    // failure is handed on before Vert.x finishes closing, while its event loops can still run it
                    closePools(ds, replica);
                    vertx.close();
                    return Future.failedFuture(e);
                });
    }

    private static Future<Void> shutdown(Vertx vertx, HikariDataSource ds, HikariDataSource replica) {
        // the pools close after Vert.x, so no worker is still using a connection
        return vertx.close().eventually(() -> {
            closePools(ds, replica);
            return Future.succeededFuture();
        });
    }

    private static void closePools(HikariDataSource ds, HikariDataSource replica) {
        ds.close();
        if (replica != null) {
            replica.close();
        }
    }
}
