package io.coldtrace.simulator.bench;

import io.coldtrace.core.json.Json;
import io.coldtrace.simulator.load.LoadReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * After a load run: compares what the load generator sent (its report) with what the database holds, and measures
 * the raw COPY limit of the same rows into the same table on this machine, in this run.
 * Prints {@code readings_per_s=… msgs_per_s=… lost=… duplicates=… p50_lag_ms=… p99_lag_ms=… copy_limit_rows_per_s=…}.
 *
 * <pre>java -cp coldtrace-simulator.jar io.coldtrace.simulator.bench.BenchReconcile JDBC_URL USER REPORT.json</pre>
 */
public final class BenchReconcile {
    private BenchReconcile() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: BenchReconcile JDBC_URL USER REPORT.json");
            System.exit(2);
        }
        LoadReport report = Json.mapper().readValue(Path.of(args[2]).toFile(), LoadReport.class);
        try (Connection c = DriverManager.getConnection(args[0], args[1], "")) {
            System.out.println(reconcile(c, report));
        }
    }

    static String reconcile(Connection c, LoadReport report) throws SQLException {
        long lost = 0;
        long dupes = 0;
        long stored = 0;
        String perDevice = """
                SELECT count(*), count(DISTINCT t.seq), coalesce(min(t.seq), -1), coalesce(max(t.seq), -1),
                       (SELECT coalesce(sum(r.n), 0) FROM telemetry_1m r WHERE r.device_id = d.id), d.msgs, d.readings
                FROM device d LEFT JOIN telemetry t ON t.device_id = d.id WHERE d.ext_id = ? GROUP BY d.id""";
        try (PreparedStatement ps = c.prepareStatement(perDevice)) {
            for (Map.Entry<String, LoadReport.DeviceCounts> e : report.perDevice().entrySet()) {
                LoadReport.DeviceCounts sent = e.getValue();
                ps.setString(1, e.getKey());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        lost += sent.readings();
                        continue;
                    }
                    long rows = rs.getLong(1);
                    stored += rows;
                    lost += Math.max(0, sent.readings() - rows);
                    // the key makes duplicate rows impossible; what could double is everything counted from them
                    dupes += Math.max(0, rows - sent.readings())
                            + Math.abs(rs.getLong(5) - rows)
                            + Math.abs(rs.getLong(7) - rows)
                            + Math.max(0, rs.getLong(6) - sent.messages());
                }
            }
        }
        double seconds;
        long msgs;
        double p50;
        double p99;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT extract(epoch FROM max(ingested_at) - min(ingested_at)),
                       count(DISTINCT (device_id, seq)),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ingested_at - ts) * 1000),
                       percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM ingested_at - ts) * 1000)
                FROM telemetry""")) {
            rs.next();
            seconds = Math.max(rs.getDouble(1), 0.001);
            msgs = rs.getLong(2);
            p50 = rs.getDouble(3);
            p99 = rs.getDouble(4);
        }
        long copyRate = copyLimit(c, stored);
        return String.format("readings_per_s=%d msgs_per_s=%d lost=%d duplicates=%d p50_lag_ms=%d p99_lag_ms=%d "
                        + "copy_limit_rows_per_s=%d", Math.round(stored / seconds), Math.round(msgs / seconds), lost,
                dupes, Math.round(p50), Math.round(p99), copyRate);
    }

    /** Exports the stored rows, empties the table and COPYs them straight back in, timing only the COPY in. */
    private static long copyLimit(Connection c, long rows) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        try {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copy.copyOut("COPY (SELECT * FROM telemetry) TO STDOUT", out);
            byte[] data = out.toByteArray();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("TRUNCATE telemetry");
            }
            long t0 = System.nanoTime();
            long n = copy.copyIn("COPY telemetry FROM STDIN", new ByteArrayInputStream(data));
            c.commit();
            double secs = (System.nanoTime() - t0) / 1e9;
            c.setAutoCommit(true);
            return Math.round(n / secs);
        } catch (java.io.IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }
}
