package io.coldtrace.api.history;

import io.coldtrace.api.db.Rows;
import io.coldtrace.api.db.Sql;
import io.coldtrace.core.telemetry.Channel;
import io.coldtrace.core.telemetry.ProbeRole;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * SQL of unit histories. A unit's data is that of every device bound to it, each clipped to its binding interval:
 * the rows are read by primary key range ({@code (device_id, ts)} / {@code (device_id, bucket)}) per binding. A
 * rollup bucket is taken when it overlaps the clipped interval, so a bucket that straddles a binding change shows
 * for both units.
 */
public final class HistoryQueries {
    private static final String BINDINGS = """
            FROM device_binding b
            JOIN %1$s t ON t.device_id = b.device_id
             AND t.%2$s >= %3$s AND t.%2$s < LEAST(upper(b.valid), :to)
            WHERE b.unit_id = :unit AND b.valid && tstzrange(:from, :to)""";

    private static final String RAW = """
            SELECT t.ts, t.%1$s AS v, t.door_open, t.defrost
            %2$s AND b.valid @> t.ts
            ORDER BY t.ts""";

    private static final String ROLLUP = """
            SELECT t.bucket AS ts, t.%1$s_min AS vmin, t.%1$s_max AS vmax, t.%1$s_sum AS vsum, t.%1$s_n AS vn,
                   t.door_open_n, t.defrost_n
            %2$s
            ORDER BY t.bucket""";

    private static final Sql ALARMS = Sql.of("""
            SELECT id, rule, severity, state, started_at, raised_at, cleared_at, limit_value, peak_value, message,
                   acknowledged_at, acknowledged_by, ack_comment, resolved_at, resolved_by
            FROM alarm
            WHERE unit_id = :unit AND started_at < :to AND (cleared_at IS NULL OR cleared_at > :from)
            ORDER BY started_at, id""");

    /** The points' statements, one per channel and resolution, parsed once. */
    private static final Map<Channel, Map<Resolution, Sql>> POINTS = points();

    private HistoryQueries() {
    }

    /** The unit's points from {@code from} (inclusive) to {@code to} (exclusive) at {@code res}, in time order. */
    public static List<HistoryPoint> points(Connection c, String unitId, String probe, Resolution res, Instant from,
                                            Instant to) throws SQLException {
        List<HistoryPoint> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, unitId, probe, res, from, to)) {
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(point(rs, res));
                }
            }
        }
        return out;
    }

    /** The statement of {@link #points}, parameters bound, for a caller that reads it as a cursor and closes it. */
    static PreparedStatement prepare(Connection c, String unitId, String probe, Resolution res, Instant from,
                                     Instant to) throws SQLException {
        ProbeRole role = ProbeRole.fromWire(probe);
        if (role == null) {
            throw new IllegalArgumentException("unknown probe " + probe);
        }
        return POINTS.get(Channel.forProbe(role)).get(res).bind("unit", unitId).bind("from", from).bind("to", to)
                .prepare(c);
    }

    /** The point in the current row of a {@link #prepare}d statement's result. */
    static HistoryPoint point(ResultSet rs, Resolution res) throws SQLException {
        return res == Resolution.RAW ? raw(rs) : rollup(rs);
    }

    /** Alarms of the unit whose span (started..cleared, open-ended while not cleared) overlaps from..to. */
    public static List<AlarmRow> alarms(Connection c, String unitId, Instant from, Instant to) throws SQLException {
        return ALARMS.bind("unit", unitId).bind("from", from).bind("to", to).list(c, HistoryQueries::alarm);
    }

    private static AlarmRow alarm(ResultSet rs) throws SQLException {
        return new AlarmRow(rs.getLong("id"), rs.getString("rule"), rs.getString("severity"), rs.getString("state"),
                Rows.instant(rs, "started_at"), Rows.instant(rs, "raised_at"), Rows.instant(rs, "cleared_at"),
                Rows.real(rs, "limit_value"), Rows.real(rs, "peak_value"), rs.getString("message"),
                Rows.instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"), rs.getString("ack_comment"),
                Rows.instant(rs, "resolved_at"), rs.getString("resolved_by"));
    }

    /** The points' SQL for {@code channel}: its column (raw) or its statistics columns (rollups), from the enum. */
    static String sql(Channel channel, Resolution res) {
        if (res == Resolution.RAW) {
            return RAW.formatted(channel.column(),
                    BINDINGS.formatted("telemetry", "ts", "GREATEST(lower(b.valid), :from)"));
        }
        String start = "date_trunc('" + res.truncUnit() + "', GREATEST(lower(b.valid), :from), 'UTC')";
        return ROLLUP.formatted(channel.statsPrefix(), BINDINGS.formatted(res.table(), "bucket", start));
    }

    private static Map<Channel, Map<Resolution, Sql>> points() {
        Map<Channel, Map<Resolution, Sql>> out = new EnumMap<>(Channel.class);
        for (Channel ch : Channel.values()) {
            if (ch.probe() == null) {
                continue;
            }
            Map<Resolution, Sql> byRes = new EnumMap<>(Resolution.class);
            for (Resolution r : Resolution.values()) {
                byRes.put(r, Sql.of(sql(ch, r)));
            }
            out.put(ch, byRes);
        }
        return out;
    }

    private static HistoryPoint raw(ResultSet rs) throws SQLException {
        Double v = Rows.real(rs, "v");
        return new HistoryPoint(Rows.instant(rs, "ts"), v, v, v, rs.getBoolean("door_open"),
                rs.getBoolean("defrost"));
    }

    private static HistoryPoint rollup(ResultSet rs) throws SQLException {
        int n = rs.getInt("vn");
        Double avg = n > 0 ? Math.round(rs.getDouble("vsum") / n * 1000d) / 1000d : null;
        return new HistoryPoint(Rows.instant(rs, "ts"), n > 0 ? Rows.real(rs, "vmin") : null,
                n > 0 ? Rows.real(rs, "vmax") : null, avg, rs.getInt("door_open_n") > 0,
                rs.getInt("defrost_n") > 0);
    }
}
