package io.coldtrace.api.testing;

import io.coldtrace.api.AnchorConfig;
import io.coldtrace.api.ApiConfig;
import io.coldtrace.api.ApiMain;
import io.coldtrace.api.auth.CreateTokenCommand;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.core.config.DbConfig;
import io.coldtrace.core.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/** The real API (ApiMain.start) on a fresh database and a free port, with {@link Seeds} for its test data. */
public final class TestApi implements AutoCloseable {
    public static final String METRICS_TOKEN = "metrics-token-for-tests-0123456789";

    private final DbConfig db;
    private final ApiConfig config;
    private final ApiMain.Running running;
    private final Http http;
    private final Seeds seeds;

    private TestApi(ApiConfig config, ApiMain.Running running) {
        this.db = config.db();
        this.config = config;
        this.running = running;
        this.http = new Http(running.vertx(), running.port());
        this.seeds = new Seeds(config.db());
    }

    public static TestApi start(String purpose) {
        return start(purpose, (routes, db) -> { });
    }

    /** As {@link #start(String)}, with {@code extra} routes registered after the API's own. */
    public static TestApi start(String purpose, BiConsumer<RouteTable, BlockingDb> extra) {
        return start(purpose, url -> null, extra);
    }

    /**
     * As {@link #start(String, BiConsumer)}, with a read replica at {@code replicaUrl.apply(primary URL)} (null = no
     * replica).
     */
    public static TestApi start(String purpose, UnaryOperator<String> replicaUrl,
                                BiConsumer<RouteTable, BlockingDb> extra) {
        return start(purpose, replicaUrl, UnaryOperator.identity(), extra);
    }

    /** As {@link #start(String)}, with settings changed by {@code configure} (e.g. the anchor key). */
    public static TestApi startWith(String purpose, UnaryOperator<ApiConfig> configure) {
        return start(purpose, url -> null, configure, (routes, db) -> { });
    }

    private static TestApi start(String purpose, UnaryOperator<String> replicaUrl, UnaryOperator<ApiConfig> configure,
                                 BiConsumer<RouteTable, BlockingDb> extra) {
        TestPostgres pg = TestPostgres.get();
        DbConfig db = new DbConfig(pg.createMigratedDatabase(purpose), pg.user(), pg.password(), 4,
                DbConfig.StorageChoice.AUTO);
        String replica = replicaUrl.apply(db.url());
        // the API's files (the anchor log) in a directory of this test's own, never in the working tree
        Path files;
        try {
            files = Files.createTempDirectory("coldtrace-api-" + purpose + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ApiConfig cfg = configure.apply(new ApiConfig(0, "127.0.0.1", db, METRICS_TOKEN, 4,
                replica == null ? null : db.withUrl(replica)).withFiles(files, AnchorConfig.defaults(files)));
        return new TestApi(cfg, Http.await(ApiMain.start(cfg, extra)));
    }

    /** The settings the API runs with. */
    public ApiConfig config() {
        return config;
    }

    public Http http() {
        return http;
    }

    /** Writes typed test data into this API's database through the production code. */
    public Seeds seeds() {
        return seeds;
    }

    public DbConfig db() {
        return db;
    }

    public ApiMain.Running running() {
        return running;
    }

    /** Runs one statement with bind parameters against the API's database. */
    public int sql(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError("test SQL failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The single number {@code sql} answers (e.g. a count), to prove what was or was not stored. */
    /** The first column of every row of a test query, as text. */
    public java.util.List<String> rows(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            java.util.List<String> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new AssertionError("test SQL failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    public long number(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("test SQL failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** What create-token printed and exited with (CreateTokenIT runs the command; other tests use {@link #token}). */
    public record CommandResult(int exitCode, String out, String err) {
    }

    public CommandResult createToken(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] argv = new String[args.length + 1];
        argv[0] = CreateTokenCommand.NAME;
        System.arraycopy(args, 0, argv, 1, args.length);
        int code = CreateTokenCommand.run(argv, db, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandResult(code, out.toString(StandardCharsets.UTF_8).trim(),
                err.toString(StandardCharsets.UTF_8).trim());
    }

    /** A new token for {@code role} of no organisation: only an admin may have one. */
    public String token(Role role) {
        return token(role, null);
    }

    /** A new token for {@code role} in organisation {@code org} (null = none). */
    public String token(Role role, String org) {
        return seeds.token(role, org).secret();
    }

    @Override
    public void close() {
        seeds.close();
        http.close();
        Http.await(running.close());
        try (var files = Files.walk(config.dataDir())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is no failure of the test
        }
    }
}
