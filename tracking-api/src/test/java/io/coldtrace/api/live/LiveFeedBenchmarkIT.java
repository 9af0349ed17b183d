package io.coldtrace.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.Http;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.testing.Await;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark, not a test (run with -Dcoldtrace.bench=true): how long a committed reading takes to reach a stream
 * client (commit returned → SSE frame received, samples spread over the feed's timing), and how many SQL statements
 * the API sends per minute while one client listens and nothing changes. Statements are counted in the server log
 * (the API's database gets log_statement = all; the log is -Dcoldtrace.bench.pglog, default Debian's
 * /var/log/postgresql/postgresql-15-main.log); pg_stat_database.xact_commit is printed too, but it also counts the
 * server's own work in the database (autovacuum), so it is the rougher figure.
 */
@EnabledIfSystemProperty(named = "coldtrace.bench", matches = "true")
class LiveFeedBenchmarkIT {
    private static final int SAMPLES = 40;
    private static final Duration IDLE = Duration.ofSeconds(60);

    @Test
    void commitToEventLatencyAndIdleQueries() throws Exception {
        try (TestApi api = TestApi.start("live_bench");
             Connection c = DriverManager.getConnection(api.db().url(), api.db().user(), api.db().password())) {
            String dbName = c.getCatalog();
            // every statement the API sends is logged: the pool is refilled and the listener connects after this
            api.sql("ALTER DATABASE " + dbName + " SET log_statement = 'all'");
            api.running().dataSource().getHikariPoolMXBean().softEvictConnections();
            try (PreparedStatement quiet = c.prepareStatement("SET log_statement = 'none'")) {
                quiet.execute();
            }
            api.sql("INSERT INTO org (id, name) VALUES ('o', 'O')");
            api.sql("INSERT INTO site (id, name, org_id) VALUES ('s', 'S', 'o')");
            api.sql("INSERT INTO unit (id, site_id, kind, name, temp_class) VALUES ('u', 's', 'cold_room', 'U', "
                    + "'chilled')");
            api.sql("INSERT INTO device (ext_id, last_ingested_at) VALUES ('d', now())");
            api.sql("INSERT INTO device_binding (device_id, unit_id, valid) SELECT id, 'u', "
                    + "tstzrange(now() - interval '1 day', NULL) FROM device");
            api.sql("INSERT INTO device_latest (device_id, ts, seq, t_air, ingested_at) SELECT id, now(), 1, 4, now() "
                    + "FROM device");
            Map<String, Long> arrived = new ConcurrentHashMap<>();
            HttpClient client = api.running().vertx().createHttpClient();
            StringBuilder pending = new StringBuilder();
            Http.await(client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
                            .setPort(api.running().port()).setURI("/api/v1/stream")
                            .putHeader("Authorization", "Bearer " + api.token(Role.ADMIN)))
                    .compose(req -> req.send())
                    .map(resp -> resp.handler(buf -> {
                        long now = System.nanoTime();
                        pending.append(buf.toString());
                        int nl;
                        while ((nl = pending.indexOf("\n")) >= 0) {
                            String line = pending.substring(0, nl);
                            pending.delete(0, nl + 1);
                            int at = line.indexOf("\"value\":");
                            if (at >= 0) {
                                arrived.putIfAbsent(line.substring(at + 8, line.indexOf(',', at)), now);
                            }
                        }
                    })));
            Thread.sleep(3000);

            long[] micros = new long[SAMPLES];
            try (PreparedStatement ps = c.prepareStatement("UPDATE device_latest SET t_air = ?, ts = now(), "
                    + "ingested_at = now()")) {
                for (int i = 0; i < SAMPLES; i++) {
                    Thread.sleep(400 + ThreadLocalRandom.current().nextInt(800));
                    double v = 10 + i * 0.5;
                    ps.setDouble(1, v);
                    ps.executeUpdate();
                    long committed = System.nanoTime();
                    String key = Double.toString(v);
                    Await.until(Duration.ofSeconds(40), () -> arrived.containsKey(key), () -> "no event " + key);
                    micros[i] = (arrived.get(key) - committed) / 1000;
                }
            }
            Arrays.sort(micros);
            System.out.printf("live feed commit->event (%d samples): p50 %.1f ms, p90 %.1f ms, max %.1f ms%n",
                    SAMPLES, micros[SAMPLES / 2] / 1000d, micros[SAMPLES * 9 / 10] / 1000d,
                    micros[SAMPLES - 1] / 1000d);

            Thread.sleep(12_000); // let the last samples' statistics reach pg_stat_database
            Path log = Path.of(System.getProperty("coldtrace.bench.pglog",
                    "/var/log/postgresql/postgresql-15-main.log"));
            long logFrom = Files.size(log);
            long before = commits(c);
            Thread.sleep(IDLE.toMillis());
            long after = commits(c);
            long statements = statements(log, logFrom, dbName);
            long perMinute = (after - before - 1) * 60_000 / IDLE.toMillis();
            System.out.printf("live feed idle, one client: %d statements per minute from the API (%d transactions "
                    + "per minute in the database)%n", statements * 60_000 / IDLE.toMillis(), perMinute);
            assertThat(perMinute).isNotNegative();
            Http.await(client.close());
        }
    }

    /** Statements logged for {@code db} in {@code log} after byte {@code from}. */
    private static long statements(Path log, long from, String db) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            f.seek(from);
            byte[] tail = new byte[(int) (f.length() - from)];
            f.readFully(tail);
            Pattern statement = Pattern.compile("@" + Pattern.quote(db) + " LOG:  (statement|execute)");
            return new String(tail, StandardCharsets.UTF_8).lines().filter(l -> statement.matcher(l).find()).count();
        }
    }

    private static long commits(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
