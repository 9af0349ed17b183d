package io.coldtrace.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.coldtrace.core.config.DbConfig;
import io.coldtrace.core.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * V6_1: writing device_latest notifies coldtrace_latest once per transaction however many rows and statements
 * (what keeps the ingest write path cheap), and only once it commits.
 */
class LiveNotifyIT {
    private static HikariDataSource ds;
    private static Connection listener;

    @BeforeAll
    static void migrate() throws Exception {
        TestPostgres pg = TestPostgres.get();
        DbConfig cfg = new DbConfig(pg.createDatabase("notify"), pg.user(), pg.password(), 2,
                DbConfig.StorageChoice.AUTO);
        ds = Database.pool(cfg, "test");
        Database.migrate(ds, cfg);
        listener = ds.getConnection();
        try (Statement s = listener.createStatement()) {
            s.execute("LISTEN coldtrace_latest");
        }
        sql("INSERT INTO device (ext_id) SELECT 'd' || g FROM generate_series(1, 3) g");
    }

    @AfterAll
    static void close() throws Exception {
        listener.close();
        ds.close();
    }

    private static void sql(String... statements) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String st : statements) {
                s.execute(st);
            }
            c.commit();
        }
    }

    private static List<String> received() throws Exception {
        List<String> out = new ArrayList<>();
        PGNotification[] got;
        // drain until a wait brings nothing more
        while ((got = listener.unwrap(PGConnection.class).getNotifications(500)) != null && got.length > 0) {
            for (PGNotification n : got) {
                out.add(n.getName() + ":" + n.getParameter());
            }
        }
        return out;
    }

    @Test
    void aBatchOfRowsAndStatementsIsOneNotification() throws Exception {
        received();
        sql("INSERT INTO device_latest (device_id, ts, seq, ingested_at) SELECT id, now(), 1, now() FROM device "
                        + "ON CONFLICT (device_id) DO UPDATE SET ts = EXCLUDED.ts",
                "UPDATE device_latest SET t_air = 4",
                "UPDATE device_latest SET t_air = 5");
        assertThat(received()).containsExactly("coldtrace_latest:");
    }

    @Test
    void otherWritesAndRolledBackOnesNotifyNothing() throws Exception {
        received();
        sql("UPDATE device SET site_hint = 'x'");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("UPDATE device_latest SET t_air = 6");
            c.rollback();
        }
        assertThat(received()).isEmpty();
    }
}
