package io.coldtrace.core.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.coldtrace.core.config.DbConfig;
import io.coldtrace.core.db.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Finds a PostgreSQL server for tests, in this order: COLDTRACE_TEST_DB_URL (+ _USER, _PASSWORD) naming a
 * maintenance database; the local server on 127.0.0.1:5432 (user postgres); a TimescaleDB container where a Docker
 * engine runs; otherwise it fails saying how to provide one. Every test run gets databases of its own.
 * Migrated databases are copies of one template that this JVM migrates once (CREATE DATABASE .. TEMPLATE copies
 * files, which is several times faster than running the migrations again for each test).
 */
public final class TestPostgres {
    private static TestPostgres instance;

    private final String adminUrl;
    private final String user;
    private final String password;
    private final List<String> created = new ArrayList<>();
    private String template;

    private TestPostgres(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        Runtime.getRuntime().addShutdownHook(new Thread(this::dropCreated, "drop-test-databases"));
    }

    public static synchronized TestPostgres get() {
        if (instance == null) {
            instance = locate();
        }
        return instance;
    }

    private static TestPostgres locate() {
        String url = System.getenv("COLDTRACE_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            String u = System.getenv().getOrDefault("COLDTRACE_TEST_DB_USER", "postgres");
            String p = System.getenv().getOrDefault("COLDTRACE_TEST_DB_PASSWORD", "");
            return new TestPostgres(url, u, p);
        }
        String local = "jdbc:postgresql://127.0.0.1:5432/postgres";
        if (Ports.listening("127.0.0.1", 5432) && canConnect(local, "postgres", "")) {
            return new TestPostgres(local, "postgres", "");
        }
        if (dockerAvailable()) {
            PostgreSQLContainer<?> c = new PostgreSQLContainer<>(DockerImageName.parse("timescale/timescaledb:2.17.2-pg15")
                    .asCompatibleSubstituteFor("postgres"));
            c.start();
            return new TestPostgres(c.getJdbcUrl(), c.getUsername(), c.getPassword());
        }
        throw new IllegalStateException("No PostgreSQL for the tests. Provide one: set COLDTRACE_TEST_DB_URL "
                + "(e.g. jdbc:postgresql://host:5432/postgres) with COLDTRACE_TEST_DB_USER/_PASSWORD, or run PostgreSQL "
                + "on 127.0.0.1:5432 with trust auth for user postgres (bash .ci/run does that), or start a Docker engine.");
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }

    private static boolean canConnect(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Creates an empty database for this run and returns its JDBC URL; it is dropped when the JVM exits. */
    public synchronized String createDatabase(String purpose) {
        return url(create(purpose, null));
    }

    /**
     * Creates a database with every migration applied (storage mode AUTO, as the services default to) and returns
     * its JDBC URL; Flyway finds nothing to do there. Dropped when the JVM exits.
     */
    public synchronized String createMigratedDatabase(String purpose) {
        if (template == null) {
            String name = create("template", null);
            DbConfig cfg = new DbConfig(url(name), user, password, 2, DbConfig.StorageChoice.AUTO);
            // closed before copying: PostgreSQL copies no database that has other sessions
            try (HikariDataSource ds = Database.pool(cfg, "test-template")) {
                Database.migrate(ds, cfg);
            }
            template = name;
        }
        return url(create(purpose, template));
    }

    private String create(String purpose, String from) {
        String name = ("ct_" + purpose + "_" + ProcessHandle.current().pid() + "_"
                + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36)).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + (from == null ? "" : " TEMPLATE " + from));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        created.add(name);
        return name;
    }

    private String url(String database) {
        return adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    private synchronized void dropCreated() {
        if (Boolean.getBoolean("coldtrace.keepTestDatabases")) {
            return;
        }
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            for (String db : created) {
                s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("could not drop test databases " + created + ": " + e.getMessage());
        }
    }
}
