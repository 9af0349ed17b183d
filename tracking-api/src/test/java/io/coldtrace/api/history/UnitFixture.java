package io.coldtrace.api.history;

import io.coldtrace.api.testing.TestApi;

/**
 * Seeds by SQL what unit histories and records read: organisations, sites, a limit profile, units, devices with
 * bindings, minute readings for a time range and the minute and hour rollups built from them as ingest would.
 */
public final class UnitFixture {
    private final TestApi api;

    public UnitFixture(TestApi api) {
        this.api = api;
    }

    public UnitFixture org(String id, String name) {
        api.sql("INSERT INTO org (id, name) VALUES (?, ?)", id, name);
        return this;
    }

    public UnitFixture site(String id, String org, String timezone) {
        api.sql("INSERT INTO site (id, name, org_id, timezone) VALUES (?, ?, ?, ?)", id, "Site " + id, org,
                timezone);
        return this;
    }

    /** A profile on the air probe with the given limits (null = off). */
    public UnitFixture profile(String id, String org, Double lowCrit, Double lowWarn, Double highWarn,
                               Double highCrit) {
        api.sql("INSERT INTO limit_profile (id, org_id, name, probe, low_crit_c, low_warn_c, high_warn_c, high_crit_c)"
                + " VALUES (?, ?, ?, 'air', ?, ?, ?, ?)", id, org, "Profile " + id, lowCrit, lowWarn, highWarn,
                highCrit);
        return this;
    }

    public UnitFixture unit(String id, String site, String tempClass, String profile) {
        api.sql("INSERT INTO unit (id, site_id, kind, name, temp_class, profile_id) VALUES (?, ?, 'cold_room', ?, ?, ?)",
                id, site, "Unit " + id, tempClass, profile);
        return this;
    }

    public UnitFixture device(String extId, Integer reportIntervalS) {
        api.sql("INSERT INTO device (ext_id, report_interval_s) VALUES (?, ?)", extId, reportIntervalS);
        return this;
    }

    /** Binds a device to a unit from {@code from} to {@code to} (ISO times; null to = open-ended). */
    public UnitFixture bind(String extId, String unit, String from, String to) {
        api.sql("INSERT INTO device_binding (device_id, unit_id, valid) SELECT id, ?, tstzrange(?::timestamptz, "
                + "?::timestamptz) FROM device WHERE ext_id = ?", unit, from, to, extId);
        return this;
    }

    /**
     * One reading a minute from {@code from} (inclusive) to {@code to} (exclusive); {@code airSql} is an SQL
     * expression of {@code ts} giving t_air, door open at minute 0 of each hour, defrost 05:00–05:19 UTC.
     */
    public UnitFixture minuteReadings(String extId, String from, String to, String airSql) {
        api.sql("INSERT INTO telemetry (device_id, ts, seq, t_air, door_open, defrost, ingested_at) "
                + "SELECT d.id, ts, extract(epoch FROM ts)::bigint, (" + airSql + ")::real, "
                + "extract(minute FROM ts) = 0, extract(hour FROM ts AT TIME ZONE 'UTC') = 5 "
                + "AND extract(minute FROM ts) < 20, now() "
                + "FROM device d, generate_series(?::timestamptz, ?::timestamptz - interval '1 minute', "
                + "interval '1 minute') ts WHERE d.ext_id = ?", from, to, extId);
        return this;
    }

    /** Builds telemetry_1m and telemetry_1h from every reading, as ingest keeps them. */
    public UnitFixture rollups() {
        for (String[] r : new String[][] {{"telemetry_1m", "minute"}, {"telemetry_1h", "hour"}}) {
            api.sql("INSERT INTO " + r[0] + " (device_id, bucket, n, air_min, air_max, air_sum, air_n, door_open_n, "
                    + "defrost_n) SELECT device_id, date_trunc('" + r[1] + "', ts, 'UTC'), count(*), min(t_air), "
                    + "max(t_air), sum(t_air), count(t_air), count(*) FILTER (WHERE door_open), "
                    + "count(*) FILTER (WHERE defrost) FROM telemetry GROUP BY 1, 2");
        }
        return this;
    }

    /** An alarm; {@code cleared} may be null. Returns nothing: tests find alarms by rule and start. */
    public UnitFixture alarm(String unit, String rule, String severity, String started, String cleared) {
        api.sql("INSERT INTO alarm (unit_id, rule, severity, started_at, raised_at, cleared_at, limit_value, "
                + "peak_value, message) VALUES (?, ?, ?, ?::timestamptz, ?::timestamptz, ?::timestamptz, 8, 9.5, ?)",
                unit, rule, severity, started, started, cleared, rule + " " + severity + " on " + unit);
        return this;
    }
}
