package io.coldtrace.ingest.write;

import io.coldtrace.core.telemetry.Channel;
import io.coldtrace.core.telemetry.Reading;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * Owns the SQL of the telemetry write path. One batch is one transaction: COPY the readings into a session-local
 * staging table, then one statement inserts them into telemetry with ON CONFLICT DO NOTHING (the natural key
 * (device_id, ts) makes redelivery a no-op) and, from the rows it actually inserted, updates the minute and hour
 * rollups, the latest value per device and the device's sequence accounting. Dead letters and status changes commit
 * in the same transaction, so the acknowledgements that follow the commit cover all of it.
 */
public final class TelemetryStore {
    /** The channels staged per reading, in the staging table's column order (after device_id, ts_ms, seq). */
    private static final Channel[] STAGED = Channel.all().toArray(new Channel[0]);

    private static final String CREATE_STAGE = """
            CREATE TEMP TABLE IF NOT EXISTS ct_stage (
                device_id integer, ts_ms bigint, seq bigint, %s
            ) ON COMMIT DELETE ROWS""".formatted(Channel.columnDefinitions().stream()
            .map(col -> col.name() + " " + col.sqlType()).collect(Collectors.joining(", ")));

    private static final String COPY_STAGE = "COPY ct_stage FROM STDIN";

    private static final String CHANNELS = Channel.columns(null);

    private static final String INSERT = """
            WITH ins AS (
                INSERT INTO telemetry (device_id, ts, seq, %1$s, ingested_at)
                SELECT device_id, timestamptz 'epoch' + ts_ms * interval '1 millisecond', seq, %1$s, now()
                FROM ct_stage ORDER BY device_id, ts_ms
                ON CONFLICT DO NOTHING
                RETURNING *
            ), m AS (%2$s
            ), h AS (%3$s
            ), latest AS (
                INSERT INTO device_latest AS l (device_id, ts, seq, %1$s, ingested_at)
                SELECT DISTINCT ON (device_id) device_id, ts, seq, %1$s, ingested_at FROM ins ORDER BY device_id, ts DESC
                ON CONFLICT (device_id) DO UPDATE SET ts = EXCLUDED.ts, seq = EXCLUDED.seq, %4$s,
                    ingested_at = EXCLUDED.ingested_at
                WHERE EXCLUDED.ts > l.ts
            ), dev AS (
                UPDATE device d SET last_ts = GREATEST(d.last_ts, s.max_ts), last_ingested_at = now(),
                    min_seq = LEAST(d.min_seq, s.min_seq), max_seq = GREATEST(d.max_seq, s.max_seq),
                    msgs = d.msgs + s.msgs, readings = d.readings + s.n
                FROM (SELECT device_id, max(ts) AS max_ts, min(seq) AS min_seq, max(seq) AS max_seq,
                             count(DISTINCT seq) AS msgs, count(*) AS n
                      FROM ins GROUP BY device_id) s
                WHERE d.id = s.device_id
            )
            SELECT count(*) FROM ins""".formatted(CHANNELS, rollup("telemetry_1m", "minute"),
            rollup("telemetry_1h", "hour"), excludedSet(CHANNELS));

    private static final String ENSURE_DEVICES = """
            INSERT INTO device (ext_id, site_hint)
            SELECT * FROM unnest(?::text[], ?::text[])
            ON CONFLICT (ext_id) DO UPDATE SET site_hint = EXCLUDED.site_hint
            RETURNING id, ext_id""";

    private static final String INSERT_DEAD_LETTER = """
            INSERT INTO dead_letter (received_at, topic, device_ext, seq, reading_idx, reason, field, detail, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String UPDATE_STATUS = """
            UPDATE device SET status = ?, status_at = ?, report_interval_s = COALESCE(?, report_interval_s),
                              firmware = COALESCE(?, firmware)
            WHERE id = ? AND (status_at IS NULL OR status_at <= ?)""";

    private static String rollup(String table, String unit) {
        StringBuilder cols = new StringBuilder("device_id, bucket, n");
        StringBuilder sel = new StringBuilder("device_id, date_trunc('" + unit + "', ts, 'UTC'), count(*)");
        StringBuilder upd = new StringBuilder("n = r.n + EXCLUDED.n");
        for (Channel ch : Channel.all()) {
            String c = ch.column();
            for (Channel.Column rc : ch.rollupColumns()) {
                cols.append(", ").append(rc.name());
            }
            switch (ch.rollup()) {
                case STATS -> {
                    sel.append(", min(").append(c).append("), max(").append(c).append("), sum(").append(c)
                            .append("), count(").append(c).append(")");
                    mergeStats(upd, ch.statsPrefix());
                }
                case COUNT_TRUE -> {
                    String n = ch.rollupColumns().get(0).name();
                    sel.append(", count(*) FILTER (WHERE ").append(c).append(")");
                    upd.append(", ").append(n).append(" = r.").append(n).append(" + EXCLUDED.").append(n);
                }
                case NONE -> {
                }
            }
        }
        return "\n    INSERT INTO " + table + " AS r (" + cols + ")\n    SELECT " + sel + " FROM ins GROUP BY 1, 2 "
                + "ORDER BY 1, 2\n    ON CONFLICT (device_id, bucket) DO UPDATE SET " + upd;
    }

    private static void mergeStats(StringBuilder upd, String p) {
        upd.append(", ").append(p).append("_min = LEAST(r.").append(p).append("_min, EXCLUDED.").append(p).append("_min)")
                .append(", ").append(p).append("_max = GREATEST(r.").append(p).append("_max, EXCLUDED.").append(p)
                .append("_max)")
                .append(", ").append(p).append("_sum = COALESCE(r.").append(p).append("_sum + EXCLUDED.").append(p)
                .append("_sum, r.").append(p).append("_sum, EXCLUDED.").append(p).append("_sum)")
                .append(", ").append(p).append("_n = r.").append(p).append("_n + EXCLUDED.").append(p).append("_n");
    }

    private static String excludedSet(String columns) {
        StringBuilder sb = new StringBuilder();
        for (String c : columns.split(",\\s*")) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(c).append(" = EXCLUDED.").append(c);
        }
        return sb.toString();
    }

    /** Prepares a fresh connection for writing (autocommit off, staging table). */
    public void prepare(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute(CREATE_STAGE);
        }
        c.commit();
    }

    /**
     * Makes sure every device exists (unknown devices are registered, unclaimed) and returns their ids.
     * Commits on its own: a registered device is harmless even if the batch that follows fails.
     */
    public Map<String, Integer> ensureDevices(Connection c, Map<String, String> extToSite) throws SQLException {
        Map<String, Integer> ids = new HashMap<>();
        // sorted, so that two ingest instances registering the same new devices lock them in the same order
        String[] ext = new java.util.TreeSet<>(extToSite.keySet()).toArray(new String[0]);
        String[] site = new String[ext.length];
        for (int i = 0; i < ext.length; i++) {
            site[i] = extToSite.get(ext[i]);
        }
        try (PreparedStatement ps = c.prepareStatement(ENSURE_DEVICES)) {
            Array a = c.createArrayOf("text", ext);
            Array b = c.createArrayOf("text", site);
            ps.setArray(1, a);
            ps.setArray(2, b);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getInt(1));
                }
            }
        }
        c.commit();
        return ids;
    }

    /** Work that joins a batch's transaction after the insert (alarm evaluation). */
    public interface Hook {
        void afterInsert(Connection c) throws SQLException;

        /** The batch's transaction committed. */
        default void committed() {
        }

        /** The batch's transaction was rolled back: whatever the hook cached from it is void. */
        default void rolledBack() {
        }

        /** Watches nothing. */
        Hook NONE = c -> { };
    }

    /** Makes the hook of one batch, inside its transaction. */
    @FunctionalInterface
    public interface HookFactory {
        Hook begin(Connection c, List<Decoded> items, Map<String, Integer> deviceIds) throws SQLException;

        HookFactory NONE = (c, items, ids) -> Hook.NONE;
    }

    /** Writes one batch in one transaction and commits; returns how many readings were newly inserted. */
    public int write(Connection c, List<Decoded> items, Map<String, Integer> deviceIds, HookFactory hooks)
            throws SQLException {
        Hook hook = Hook.NONE;
        try {
            int staged = stage(c, items, deviceIds);
            int inserted = 0;
            if (staged > 0) {
                hook = hooks.begin(c, items, deviceIds);
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(INSERT)) {
                    rs.next();
                    inserted = rs.getInt(1);
                }
                hook.afterInsert(c);
            }
            writeDeadLetters(c, items);
            writeStatuses(c, items, deviceIds);
            c.commit();
            hook.committed();
            return inserted;
        } catch (SQLException | RuntimeException e) {
            hook.rolledBack();
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is probably gone; the caller replaces it
            }
            throw e;
        }
    }

    private int stage(Connection c, List<Decoded> items, Map<String, Integer> deviceIds) throws SQLException {
        StringBuilder sb = new StringBuilder(items.size() * 256);
        int rows = 0;
        for (Decoded d : items) {
            if (d instanceof Decoded.Telemetry t) {
                int id = deviceIds.get(t.deviceExt());
                for (Reading r : t.readings()) {
                    sb.append(id).append('\t').append(r.ts().toEpochMilli()).append('\t').append(t.seq());
                    for (Channel ch : STAGED) {
                        value(sb, ch.valueIn(r));
                    }
                    sb.append('\n');
                    rows++;
                }
            }
        }
        if (rows == 0) {
            return 0;
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(COPY_STAGE, new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new SQLException("COPY into staging failed: " + e.getMessage(), "08006", e);
        }
        return rows;
    }

    /** One COPY text field: a number, t/f, or \\N for null. */
    private static void value(StringBuilder sb, Object v) {
        sb.append('\t');
        if (v == null) {
            sb.append("\\N");
        } else if (v instanceof Boolean b) {
            sb.append(b ? "t" : "f");
        } else {
            sb.append(((Double) v).doubleValue());
        }
    }

    private void writeDeadLetters(Connection c, List<Decoded> items) throws SQLException {
        PreparedStatement ps = null;
        try {
            for (Decoded d : items) {
                if (d instanceof Decoded.Rejected r) {
                    ps = ps == null ? c.prepareStatement(INSERT_DEAD_LETTER) : ps;
                    addDeadLetter(ps, r.deadLetter());
                } else if (d instanceof Decoded.Telemetry t) {
                    for (DeadLetter dl : t.rejected()) {
                        ps = ps == null ? c.prepareStatement(INSERT_DEAD_LETTER) : ps;
                        addDeadLetter(ps, dl);
                    }
                }
            }
            if (ps != null) {
                ps.executeBatch();
            }
        } finally {
            if (ps != null) {
                ps.close();
            }
        }
    }

    /** Writes dead letters alone, in their own transaction (used when the database refused a message's data). */
    public void commitDeadLetters(Connection c, List<DeadLetter> letters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_DEAD_LETTER)) {
            for (DeadLetter dl : letters) {
                addDeadLetter(ps, dl);
            }
            ps.executeBatch();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    private static void addDeadLetter(PreparedStatement ps, DeadLetter dl) throws SQLException {
        ps.setTimestamp(1, Timestamp.from(dl.receivedAt()));
        ps.setString(2, dl.topic());
        ps.setString(3, dl.deviceExt());
        ps.setObject(4, dl.seq());
        ps.setObject(5, dl.readingIdx());
        ps.setString(6, dl.reason());
        ps.setString(7, dl.field());
        ps.setString(8, dl.detail());
        ps.setBytes(9, dl.payload());
        ps.addBatch();
    }

    private void writeStatuses(Connection c, List<Decoded> items, Map<String, Integer> deviceIds) throws SQLException {
        PreparedStatement ps = null;
        try {
            for (Decoded d : items) {
                if (d instanceof Decoded.Status s) {
                    ps = ps == null ? c.prepareStatement(UPDATE_STATUS) : ps;
                    Timestamp at = Timestamp.from(s.status().ts() != null ? s.status().ts() : s.in().receivedAt());
                    ps.setString(1, s.status().state().name().toLowerCase());
                    ps.setTimestamp(2, at);
                    ps.setObject(3, s.status().intervalS());
                    ps.setString(4, s.status().firmware());
                    ps.setInt(5, deviceIds.get(s.deviceExt()));
                    ps.setTimestamp(6, at);
                    ps.addBatch();
                }
            }
            if (ps != null) {
                ps.executeBatch();
            }
        } finally {
            if (ps != null) {
                ps.close();
            }
        }
    }
}
