package io.coldtrace.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.coldtrace.core.config.DbConfig;
import io.coldtrace.core.config.DbConfig.StorageChoice;
import io.coldtrace.core.db.Database;
import io.coldtrace.core.telemetry.Channel.Column;
import io.coldtrace.core.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Channel} is the source of truth for the telemetry columns, but the tables were made by the V2 migration's
 * own DDL, which never changes: a migrated database must carry exactly the columns the enum describes, in order.
 */
class ChannelSchemaIT {
    private static final String TIME = "timestamp with time zone";
    private static HikariDataSource ds;

    @BeforeAll
    static void migrate() {
        TestPostgres pg = TestPostgres.get();
        DbConfig cfg = new DbConfig(pg.createDatabase("channels"), pg.user(), pg.password(), 2, StorageChoice.AUTO);
        ds = Database.pool(cfg, "test");
        Database.migrate(ds, cfg);
    }

    @AfterAll
    static void close() {
        ds.close();
    }

    @Test
    void telemetryAndDeviceLatestHoldEveryChannelInOrderWithItsType() throws Exception {
        List<Column> channels = new ArrayList<>(Channel.columnDefinitions());
        channels.add(new Column("ingested_at", TIME));
        for (String table : new String[] {"telemetry", "device_latest"}) {
            assertColumns(table, List.of(new Column("device_id", "integer"), new Column("ts", TIME),
                    new Column("seq", "bigint")), channels);
        }
    }

    @Test
    void theRollupsHoldTheStatisticsAndCountsOfTheChannelsThatAreRolledUp() throws Exception {
        for (String table : new String[] {"telemetry_1m", "telemetry_1h"}) {
            assertColumns(table, List.of(new Column("device_id", "integer"), new Column("bucket", TIME),
                    new Column("n", "integer")), Channel.allRollupColumns());
        }
    }

    @Test
    void aProfilesProbeMayNameExactlyTheProbeRoles() throws Exception {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT pg_get_constraintdef(oid) FROM pg_constraint
                     WHERE conrelid = 'limit_profile'::regclass AND contype = 'c'
                       AND pg_get_constraintdef(oid) LIKE '%probe%'""");
             ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            String check = rs.getString(1);
            List<String> named = new ArrayList<>();
            Matcher m = Pattern.compile("'([a-z_]+)'::text").matcher(check);
            while (m.find()) {
                named.add(m.group(1));
            }
            assertThat(named).as(check).containsExactlyElementsOf(ProbeRole.WIRES);
            assertThat(rs.next()).isFalse();
        }
    }

    private static void assertColumns(String table, List<Column> key, List<Column> rest) throws Exception {
        List<Column> expected = new ArrayList<>(key);
        expected.addAll(rest);
        assertThat(columns(table)).as(table).containsExactlyElementsOf(expected);
    }

    private static List<Column> columns(String table) throws Exception {
        List<Column> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT column_name, data_type FROM information_schema.columns
                     WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Column(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }
}
