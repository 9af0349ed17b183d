package io.coldtrace.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.coldtrace.api.ApiConfig;
import io.coldtrace.api.ApiRoutes;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.testing.Http;
import io.coldtrace.core.config.DbConfig;
import io.coldtrace.core.db.Database;
import io.coldtrace.core.testing.Ports;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.work.CpuWork;
import io.vertx.core.Vertx;
import java.time.Clock;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An instance whose database is unreachable (a closed port) stays alive but is not ready. */
class ReadyWhenDatabaseDownIT {
    private static Vertx vertx;
    private static HikariDataSource ds;
    private static BlockingDb db;
    private static Http http;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        DbConfig dbCfg = new DbConfig("jdbc:postgresql://127.0.0.1:" + Ports.free() + "/nothing", "postgres", "", 1,
                DbConfig.StorageChoice.AUTO);
        ApiConfig cfg = new ApiConfig(0, "127.0.0.1", dbCfg, "", 2);
        ds = Database.pool(dbCfg, "ready-down-test");
        // /ready answers once the pool gives up on a connection: the production 5 s would only make this test slow
        ds.setConnectionTimeout(250);
        db = new BlockingDb(vertx, ds, cfg.workerPoolSize());
        http = Http.serve(vertx,
                ApiRoutes.build(new FeatureContext(vertx, cfg, db, CpuWork.forMachine(vertx),
                        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC())).router());
    }

    @AfterAll
    static void stop() {
        http.close();
        db.close();
        Http.await(vertx.close());
        ds.close();
    }

    @Test
    void readyIs503NamingTheDatabase() {
        HttpResponse<Buffer> r = http.get("/ready");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(Http.json(r)).isEqualTo(new JsonObject().put("status", "not_ready").put("database", "down")
                .put("migrations", "unknown"));
    }

    @Test
    void healthStaysUp() {
        assertThat(http.get("/health").statusCode()).isEqualTo(200);
    }
}
