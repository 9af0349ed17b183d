package io.coldtrace.ingest;

import com.zaxxer.hikari.HikariDataSource;
import io.coldtrace.core.config.DbConfig;
import io.coldtrace.core.config.Env;
import io.coldtrace.core.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an in-process ingest against a fresh database and the test broker; gives tests a pool to check results. */
final class IngestHarness implements AutoCloseable {
    final String dbUrl;
    final String mqttUrl;
    final Map<String, String> env = new HashMap<>();
    final HikariDataSource query;
    IngestMain ingest;

    IngestHarness(String mqttUrl) {
        this(mqttUrl, TestPostgres.get().createMigratedDatabase("ingest"));
    }

    IngestHarness(String mqttUrl, String dbUrl) {
        this.dbUrl = dbUrl;
        this.mqttUrl = mqttUrl;
        TestPostgres pg = TestPostgres.get();
        env.put("COLDTRACE_DB_URL", dbUrl);
        env.put("COLDTRACE_DB_USER", pg.user());
        env.put("COLDTRACE_DB_PASSWORD", pg.password());
        env.put("COLDTRACE_MQTT_URL", mqttUrl);
        env.put("COLDTRACE_MQTT_CLIENT_ID", "ingest-test-" + Long.toHexString(System.nanoTime()));
        env.put("COLDTRACE_INGEST_HTTP_PORT", "0");
        env.put("COLDTRACE_METRICS_TOKEN", "test-metrics-token");
        env.put("COLDTRACE_INGEST_RETRY_MAX_MS", "1000");
        query = io.coldtrace.core.db.Database.pool(
                new DbConfig(dbUrl, pg.user(), pg.password(), 2, DbConfig.StorageChoice.AUTO), "test-query");
    }

    IngestHarness with(String key, String value) {
        env.put(key, value);
        return this;
    }

    IngestHarness start() throws Exception {
        ingest = new IngestMain(IngestConfig.from(new Env(env)));
        ingest.start().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        return this;
    }

    void stopIngest() throws Exception {
        if (ingest != null) {
            ingest.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            ingest = null;
        }
    }

    long count(String sql) {
        try (Connection c = query.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    <T> T one(String sql, SqlFn<T> fn) {
        try (Connection c = query.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("no row for " + sql);
            }
            return fn.apply(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Reads a result row. */
    interface SqlFn<T> {
        T apply(ResultSet rs) throws SQLException;
    }

    @Override
    public void close() throws Exception {
        stopIngest();
        query.close();
    }
}
