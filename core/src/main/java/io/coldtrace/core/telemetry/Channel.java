package io.coldtrace.core.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The measurement channels of a reading, in storage order: the one list of them. The channel columns of telemetry
 * and device_latest, the rollup columns of telemetry_1m and telemetry_1h, the ingest write path (staging, insert,
 * rollups, latest value), the payload's field names, the API's SELECT lists and the probe a profile may name are all
 * derived from it.
 *
 * <p>The tables themselves were created by the V2 migration (db/storage/tables.sql) and stay exactly as that DDL
 * made them: migrations that ran never change. ChannelSchemaIT checks that a migrated database has exactly the
 * columns this enum describes, in this order and of these types. A new channel is a new migration adding its columns
 * plus a constant here (and its field in {@link Reading}).
 */
public enum Channel {
    AIR("t_air", ProbeRole.AIR),
    RETURN_AIR("t_return", ProbeRole.RETURN_AIR),
    SUPPLY_AIR("t_supply", ProbeRole.SUPPLY_AIR),
    PRODUCT("t_product", ProbeRole.PRODUCT),
    RH("rh", SqlType.REAL, "rh", Rollup.STATS),
    DOOR_OPEN("door_open", SqlType.BOOLEAN, "door", Rollup.COUNT_TRUE),
    SETPOINT("setpoint", SqlType.REAL, "setpoint", Rollup.NONE),
    DEFROST("defrost", SqlType.BOOLEAN, "defrost", Rollup.COUNT_TRUE),
    COMPRESSOR_ON("compressor_on", SqlType.BOOLEAN, "compressor", Rollup.NONE),
    BATTERY("battery", SqlType.REAL, "battery", Rollup.NONE),
    LAT("lat", SqlType.DOUBLE, "lat", Rollup.NONE),
    LON("lon", SqlType.DOUBLE, "lon", Rollup.NONE),
    SPEED("speed", SqlType.REAL, "speed", Rollup.NONE);

    /** How a channel's column is stored. */
    public enum SqlType {
        REAL("real"), DOUBLE("double precision"), BOOLEAN("boolean");

        private final String sql;

        SqlType(String sql) {
            this.sql = sql;
        }

        /** The type as PostgreSQL (and information_schema) names it. */
        public String sql() {
            return sql;
        }
    }

    /** What the minute and hour rollups keep of a channel. */
    public enum Rollup {
        /** Nothing. */
        NONE,
        /** {@code <wire>_min}, {@code _max} (real), {@code _sum} (double precision), {@code _n} (integer). */
        STATS,
        /** {@code <column>_n} (integer): how many readings said true. */
        COUNT_TRUE
    }

    /** A column a channel stores: name and SQL type. */
    public record Column(String name, String sqlType) {
    }

    private static final List<Channel> ALL = List.of(values());
    private static final String INTEGER = "integer";

    private final String column;
    private final SqlType type;
    private final String wire;
    private final ProbeRole probe;
    private final Rollup rollup;

    /** A temperature probe: °C as real, named by its role inside the payload's {@code temp}, with statistics. */
    Channel(String column, ProbeRole probe) {
        this(column, SqlType.REAL, probe.wire(), probe, Rollup.STATS);
    }

    Channel(String column, SqlType type, String wire, Rollup rollup) {
        this(column, type, wire, null, rollup);
    }

    Channel(String column, SqlType type, String wire, ProbeRole probe, Rollup rollup) {
        this.column = column;
        this.type = type;
        this.wire = wire;
        this.probe = probe;
        this.rollup = rollup;
    }

    /** The column in telemetry and device_latest (and its key in the API's device answers). */
    public String column() {
        return column;
    }

    public SqlType type() {
        return type;
    }

    /** The payload's field name: inside {@code temp} for a probe (see {@link #path()}), else at the reading's top. */
    public String wire() {
        return wire;
    }

    /** Where the value sits in a payload reading: {@code temp.air}, {@code rh}. */
    public String path() {
        return probe == null ? wire : "temp." + wire;
    }

    /** The temperature probe this channel is, or null. */
    public ProbeRole probe() {
        return probe;
    }

    public Rollup rollup() {
        return rollup;
    }

    /** The prefix of this channel's rollup statistics ({@code air} of air_min), or null when it keeps none. */
    public String statsPrefix() {
        return rollup == Rollup.STATS ? wire : null;
    }

    /** This channel's columns in the rollup tables, in table order (none when it is not rolled up). */
    public List<Column> rollupColumns() {
        return switch (rollup) {
            case NONE -> List.of();
            case STATS -> List.of(new Column(wire + "_min", SqlType.REAL.sql()),
                    new Column(wire + "_max", SqlType.REAL.sql()), new Column(wire + "_sum", SqlType.DOUBLE.sql()),
                    new Column(wire + "_n", INTEGER));
            case COUNT_TRUE -> List.of(new Column(column + "_n", INTEGER));
        };
    }

    /** This channel's value in {@code r}: a Double, a Boolean for a boolean channel, or null when not reported. */
    public Object valueIn(Reading r) {
        return switch (this) {
            case AIR -> r.airC();
            case RETURN_AIR -> r.returnAirC();
            case SUPPLY_AIR -> r.supplyAirC();
            case PRODUCT -> r.productC();
            case RH -> r.rhPct();
            case DOOR_OPEN -> r.doorOpen();
            case SETPOINT -> r.setpointC();
            case DEFROST -> r.defrost();
            case COMPRESSOR_ON -> r.compressorOn();
            case BATTERY -> r.batteryPct();
            case LAT -> r.lat();
            case LON -> r.lon();
            case SPEED -> r.speedKmh();
        };
    }

    /** The value of a numeric channel in {@code r}, or null when not reported. */
    public Double numberIn(Reading r) {
        if (type == SqlType.BOOLEAN) {
            throw new IllegalStateException(this + " is not numeric");
        }
        return (Double) valueIn(r);
    }

    /** Every channel, in storage order. */
    public static List<Channel> all() {
        return ALL;
    }

    /** The channel of a temperature probe. */
    public static Channel forProbe(ProbeRole role) {
        return switch (role) {
            case AIR -> AIR;
            case RETURN_AIR -> RETURN_AIR;
            case SUPPLY_AIR -> SUPPLY_AIR;
            case PRODUCT -> PRODUCT;
        };
    }

    /** The channel columns in storage order, qualified by {@code alias} (unless null): "l.t_air, l.t_return, ...". */
    public static String columns(String alias) {
        StringJoiner out = new StringJoiner(", ");
        for (Channel ch : ALL) {
            out.add(alias == null ? ch.column : alias + "." + ch.column);
        }
        return out.toString();
    }

    /** Every channel column with its type, in storage order. */
    public static List<Column> columnDefinitions() {
        List<Column> out = new ArrayList<>(ALL.size());
        for (Channel ch : ALL) {
            out.add(new Column(ch.column, ch.type.sql()));
        }
        return out;
    }

    /** The rollup tables' columns after device_id, bucket and n, in table order. */
    public static List<Column> allRollupColumns() {
        List<Column> out = new ArrayList<>();
        for (Channel ch : ALL) {
            out.addAll(ch.rollupColumns());
        }
        return out;
    }

    /**
     * An SQL expression choosing the column of the probe named by {@code probeExpr} (an SQL expression holding a
     * probe's wire name) from the row {@code alias}: {@code CASE probe WHEN 'air' THEN l.t_air ... END}.
     */
    public static String probeColumnSql(String probeExpr, String alias) {
        StringBuilder sql = new StringBuilder("CASE ").append(probeExpr);
        for (ProbeRole role : ProbeRole.values()) {
            sql.append(" WHEN '").append(role.wire()).append("' THEN ").append(alias).append('.')
                    .append(forProbe(role).column);
        }
        return sql.append(" END").toString();
    }
}
