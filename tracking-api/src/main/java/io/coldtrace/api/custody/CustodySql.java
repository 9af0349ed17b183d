package io.coldtrace.api.custody;

import io.coldtrace.api.db.Sql;

/**
 * The SQL of custody (issue 7 §3): legs from the lot projections, and each monitored leg's temperature figures from
 * the readings of the devices bound to its unit then, computed in the database.
 */
final class CustodySql {
    /**
     * A lot's legs and its ancestors' legs up to the lot's birth (lot_link upwards, bounded depth): maximal intervals
     * in which a lot held quantity at one place. Each lot_movement row opens a segment that lasts until the next
     * movement of the lot at that place; segments with quantity are joined into legs (gaps and islands).
     */
    static final Sql LEGS = Sql.of(Lineage.UNTIL + """
            , segments AS (
                SELECT m.lot_id, ln.depth, m.place_kind, m.place_id, m.at AS f,
                       least(coalesce(lead(m.at) OVER w, ln.until, :now), coalesce(ln.until, :now), :now) AS t,
                       sum(m.delta) OVER w AS qty,
                       lead(m.at) OVER w IS NULL AND ln.until IS NULL AS open
                FROM lot_movement m JOIN lineage_until ln ON ln.lot_id = m.lot_id
                WHERE m.place_kind <> 'gone' AND (ln.until IS NULL OR m.at < ln.until)
                WINDOW w AS (PARTITION BY m.lot_id, m.place_kind, m.place_id ORDER BY m.at, m.delta DESC, m.id)
            ), held AS (
                SELECT *, CASE WHEN lag(t) OVER w2 = f THEN 0 ELSE 1 END AS starts
                FROM segments WHERE qty > 0 AND f < t
                WINDOW w2 AS (PARTITION BY lot_id, place_kind, place_id ORDER BY f)
            ), islands AS (
                SELECT *, sum(starts) OVER (PARTITION BY lot_id, place_kind, place_id ORDER BY f) AS island FROM held
            )
            SELECT i.lot_id, l.code, i.depth, i.place_kind, i.place_id,
                   coalesce(u.name, s.name, p.name) AS place_name, u.kind AS unit_kind,
                   coalesce(s.id, us.id) AS site_id, coalesce(s.name, us.name) AS site_name,
                   min(i.f) AS f, max(i.t) AS t, bool_or(i.open) AS open, max(i.qty) AS qty_max,
                   coalesce(lp.probe, 'air') AS probe
            FROM islands i JOIN lot l ON l.id = i.lot_id
            LEFT JOIN unit u ON i.place_kind = 'unit' AND u.id = i.place_id
            LEFT JOIN site us ON us.id = u.site_id
            LEFT JOIN limit_profile lp ON lp.id = u.profile_id
            LEFT JOIN site s ON i.place_kind = 'site' AND s.id = i.place_id
            LEFT JOIN farm_plot p ON i.place_kind = 'plot' AND p.id = i.place_id
            GROUP BY i.lot_id, l.code, i.depth, i.place_kind, i.place_id, u.name, s.name, p.name, u.kind, s.id, us.id,
                     us.name, lp.probe, i.island
            ORDER BY min(i.f), i.depth DESC, i.place_kind, i.place_id""");

    /** The parts of a leg a device bound to its unit covered, with the device's reporting interval. */
    static final String BOUND = """
            bound AS (
                SELECT b.device_id, greatest(lower(b.valid), :f) AS bf,
                       least(coalesce(upper(b.valid), 'infinity'), :t) AS bt,
                       greatest(coalesce(d.report_interval_s, 60), 1) AS interval_s
                FROM device_binding b JOIN device d ON d.id = b.device_id
                WHERE b.unit_id = :unit AND b.valid && tstzrange(:f, :t)
            )""";

    /**
     * Readings from the raw table: each weighs the time until the next one, or its own interval when the next is more
     * than two intervals away (a gap) or there is none. Each stands for one reading ({@code cnt}) and one interval
     * ({@code span_s}).
     */
    static final String RAW = """
            readings AS (
                SELECT r.device_id, r.ts, r.c, r.c AS cmin, r.c AS cmax, 1 AS cnt, r.interval_s,
                       r.interval_s AS span_s,
                       extract(epoch FROM least(r.bt, CASE WHEN r.nts IS NULL
                               OR r.nts - r.ts > make_interval(secs => 2 * r.interval_s)
                           THEN r.ts + make_interval(secs => r.interval_s) ELSE r.nts END) - r.ts) / 60.0 AS dt,
                       r.nts, r.bt, r.rn
                FROM (
                    SELECT x.device_id, x.ts, x.c, bd.bt, bd.interval_s,
                           lead(x.ts) OVER w AS nts, row_number() OVER w AS rn
                    FROM bound bd
                    CROSS JOIN LATERAL (
                        SELECT tl.device_id, tl.ts, CAST(tl.{{raw}} AS double precision) AS c
                        FROM telemetry tl
                        WHERE tl.device_id = bd.device_id AND tl.ts >= bd.bf AND tl.ts < bd.bt) x
                    WHERE x.c IS NOT NULL
                    WINDOW w AS (PARTITION BY x.device_id ORDER BY x.ts)
                ) r
            )""";

    /**
     * An hour is read whole from the hour rollups when it lies inside the device's binding, holds all its expected
     * readings, all of them inside the band, and they span at most this many degrees. Its readings then add nothing
     * to the minutes or degree-minutes beyond the band, and taking their mean for each of them moves MKT by at most
     * (k/T² − 2/T)·spread²/8 ≈ 0.034 °C and a Q10/Arrhenius shelf life by at most a²·spread²/8 (a = ln Q10 / 10, or
     * Ea/RT²): 0.54 % at Q10 = 4, 0.73 % at Ea = 100 kJ/mol near 0 °C (Jensen's bound for a convex rate).
     */
    static final double WHOLE_HOUR_SPREAD_C = 1.5;

    /**
     * The probe's mean, min, max and count in the rollup row {@code m} (the columns of {@code core.telemetry.Channel}
     * named {@code <probe>_sum}, {@code _min}, {@code _max}, {@code _n}).
     */
    private static final String PROBE_STATS = """
            m.{{probe}}_sum / nullif(m.{{probe}}_n, 0) AS c, CAST(m.{{probe}}_min AS double precision) AS cmin,
            CAST(m.{{probe}}_max AS double precision) AS cmax, m.{{probe}}_n AS cnt""";

    /**
     * Readings from the rollups, for long legs: whole hours ({@link #WHOLE_HOUR_SPREAD_C}) from the hour rollups,
     * the stretches between them (partial hours, hours with an excursion, a gap or a wide swing) from the minute
     * rollups, so a month-long leg reads a few hundred rows and every minute beyond the band is still seen. Each
     * row's mean weighs the time until the next row, its min and max stand for the extremes; it stands for its
     * readings ({@code cnt}) and its bucket ({@code span_s}: an hour, or a minute or the device's longer interval).
     */
    static final String ROLLUP = """
            hours AS (
                SELECT bd.device_id, bd.bf, bd.bt, bd.interval_s, x.bucket, x.c, x.cmin, x.cmax, x.cnt
                FROM bound bd
                CROSS JOIN LATERAL (
                    SELECT m.bucket, %1$s
                    FROM telemetry_1h m
                    WHERE m.device_id = bd.device_id AND m.bucket >= bd.bf
                      AND m.bucket <= bd.bt - interval '1 hour') x
                WHERE x.cnt * bd.interval_s >= 3600 AND x.cmin >= :low AND x.cmax <= :high
                  AND x.cmax - x.cmin <= %2$s
            ), fences AS (
                SELECT device_id, bf, bt, interval_s, bucket AS fs, bucket + interval '1 hour' AS fe FROM hours
                UNION ALL SELECT device_id, bf, bt, interval_s, bt, bt FROM bound
            ), stretches AS (
                -- what lies before each whole hour (and before the binding's end) since the previous one
                SELECT device_id, bt, interval_s, fs AS st,
                       coalesce(lag(fe) OVER (PARTITION BY device_id, bf ORDER BY fs), bf) AS sf
                FROM fences
            ), parts AS (
                SELECT device_id, bucket AS ts, c, cmin, cmax, cnt, 3600 AS span_s, bt, interval_s FROM hours
                UNION ALL
                SELECT s.device_id, x.ts, x.c, x.cmin, x.cmax, x.cnt, greatest(60, s.interval_s), s.bt, s.interval_s
                FROM stretches s
                CROSS JOIN LATERAL (
                    SELECT m.bucket AS ts, %1$s
                    FROM telemetry_1m m
                    WHERE m.device_id = s.device_id AND m.bucket >= date_trunc('minute', s.sf)
                      AND m.bucket < s.st) x
                WHERE s.sf < s.st
            ), readings AS (
                SELECT r.device_id, r.ts, r.c, r.cmin, r.cmax, r.cnt, r.interval_s, r.span_s,
                       extract(epoch FROM least(r.bt, CASE WHEN r.nts IS NULL
                               OR r.nts - r.ts > make_interval(secs => r.span_s + greatest(60, r.interval_s))
                           THEN r.ts + make_interval(secs => r.span_s) ELSE r.nts END) - r.ts) / 60.0 AS dt,
                       r.nts, r.bt, r.rn
                FROM (
                    SELECT p.*, lead(p.ts) OVER w AS nts, row_number() OVER w AS rn
                    FROM parts p WHERE p.c IS NOT NULL
                    WINDOW w AS (PARTITION BY p.device_id ORDER BY p.ts)
                ) r
            )""".formatted(PROBE_STATS, WHOLE_HOUR_SPREAD_C);

    /** Shelf life in days at temperature c, by the product's model (Q10, else Arrhenius with R = 8.314). */
    private static final String SHELF_LIFE = """
            CASE WHEN CAST(:q10 AS double precision) IS NOT NULL
                 THEN :days * power(:q10, (:ref - c) / 10.0)
                 ELSE :days * exp(CAST(:ea AS double precision) * 1000 / 8.314
                                  * (1 / (c + 273.15) - 1 / (:ref + 273.15))) END""";

    /** The leg's figures from {@code readings}: one row. */
    private static final String STATS = """
            stats AS (
                SELECT coalesce(sum(cnt), 0) AS n, min(cmin) AS min_c, max(cmax) AS max_c, sum(dt) AS minutes,
                       sum(c * dt) / nullif(sum(dt), 0) AS mean_c,
                       10000 / -ln(sum(dt * exp(-10000 / (c + 273.15))) / nullif(sum(dt), 0)) - 273.15 AS mkt_c,
                       coalesce(sum(dt) FILTER (WHERE c > :high), 0) AS above_min,
                       coalesce(sum(dt) FILTER (WHERE c < :low), 0) AS below_min,
                       coalesce(sum((c - :high) * dt) FILTER (WHERE c > :high), 0) AS dm_above,
                       coalesce(sum((:low - c) * dt) FILTER (WHERE c < :low), 0) AS dm_below,
                       sum(dt / 1440.0 / (%s)) AS life_used,
                       (SELECT coalesce(sum(extract(epoch FROM bt - bf) / interval_s), 0) FROM bound) AS expected,
                       (SELECT coalesce(extract(epoch FROM (SELECT sum(upper(r) - lower(r))
                            FROM unnest(range_agg(tstzrange(bf, bt))) r)), 0) / 60.0 FROM bound) AS covered_min
                FROM readings)""";

    /** Stretches without readings longer than twice the interval, from the leg's start to its end. */
    private static final String GAPS = """
            edges AS (
                SELECT device_id, ts + make_interval(secs => span_s) AS seen_to,
                       coalesce(nts, bt) AS next_at, interval_s FROM readings
                UNION ALL
                SELECT bd.device_id, bd.bf, coalesce((SELECT min(r.ts) FROM readings r
                       WHERE r.device_id = bd.device_id), bd.bt), bd.interval_s FROM bound bd
            ), gaps AS (
                SELECT device_id, seen_to AS gap_from, next_at AS gap_to FROM edges
                WHERE next_at - seen_to > make_interval(secs => interval_s)
                ORDER BY gap_from LIMIT 50
            )""";

    /** Runs of readings beyond the band (gaps and islands): start, end, minutes, peak, degree-minutes. */
    private static final String EXCURSIONS = """
            flagged AS (
                SELECT *, CASE WHEN c > :high THEN 'above' ELSE 'below' END AS side FROM readings
                WHERE c > :high OR c < :low
            ), runs AS (
                -- consecutive readings out on one side: their ordinal minus their ordinal among that side's is constant
                SELECT *, rn - row_number() OVER (PARTITION BY device_id, side ORDER BY ts) AS run FROM flagged
            ), excursions AS (
                SELECT side, min(ts) AS started, max(ts) + make_interval(secs => round(max(dt) * 60)::int) AS ended,
                       sum(dt) AS minutes,
                       CASE side WHEN 'above' THEN max(cmax) ELSE min(cmin) END AS peak_c,
                       sum(CASE side WHEN 'above' THEN c - :high ELSE :low - c END * dt) AS degree_minutes
                FROM runs
                GROUP BY device_id, run, side ORDER BY started LIMIT 50
            )""";

    /** The alarms of the unit that overlapped the leg. */
    private static final String ALARMS = """
            alarms AS (
                SELECT a.id, a.rule, a.severity, a.state, a.started_at, a.cleared_at, a.peak_value, a.message
                FROM alarm a WHERE a.unit_id = :unit
                  AND tstzrange(a.started_at, coalesce(a.cleared_at, 'infinity')) && tstzrange(:f, :t)
                ORDER BY a.started_at LIMIT 50
            )""";

    /**
     * A leg's figures in one statement: the readings are read once (materialised), then the figures, the gaps, the
     * excursions and the unit's alarms come from them as one row (the lists as JSON arrays).
     */
    private static final String FIGURES = """
            WITH %s, %s, %s, %s, %s, %s
            SELECT s.*,
                   (SELECT coalesce(json_agg(json_build_object('device_id', device_id, 'from', gap_from,
                        'to', gap_to) ORDER BY gap_from), '[]') FROM gaps) AS gaps,
                   (SELECT coalesce(json_agg(json_build_object('side', side, 'started', started, 'ended', ended,
                        'minutes', minutes, 'peak_c', peak_c, 'degree_minutes', degree_minutes) ORDER BY started), '[]')
                    FROM excursions) AS excursions,
                   (SELECT coalesce(json_agg(json_build_object('id', id, 'rule', rule, 'severity', severity,
                        'state', state, 'started_at', started_at, 'cleared_at', cleared_at, 'peak', peak_value,
                        'message', message) ORDER BY started_at), '[]') FROM alarms) AS alarms
            FROM stats s""";

    /** The figures alone (no gaps, excursions or alarms): the public page's summary. */
    private static final String SUMMARY = """
            WITH %s, %s, %s
            SELECT s.*, '[]' AS gaps, '[]' AS excursions, '[]' AS alarms FROM stats s""";

    static final ProbeSql SUMMARY_RAW = ProbeSql.of(SUMMARY.formatted(BOUND, RAW, STATS.formatted(SHELF_LIFE)));
    static final ProbeSql SUMMARY_ROLLUP = ProbeSql.of(SUMMARY.formatted(BOUND, ROLLUP, STATS.formatted(SHELF_LIFE)));

    static final ProbeSql FIGURES_RAW = ProbeSql.of(FIGURES.formatted(BOUND, RAW.replace("readings AS (", "readings AS MATERIALIZED ("),
            STATS.formatted(SHELF_LIFE), GAPS, EXCURSIONS, ALARMS));
    static final ProbeSql FIGURES_ROLLUP = ProbeSql.of(FIGURES.formatted(BOUND,
            ROLLUP.replace("readings AS (", "readings AS MATERIALIZED ("), STATS.formatted(SHELF_LIFE), GAPS,
            EXCURSIONS, ALARMS));

    /** The lot and its product's shelf-life model and temperature class. */
    static final Sql LOT = Sql.of("""
            SELECT l.id, l.org_id, l.code, l.kind, l.born_at, l.voided_by, l.trace_code, p.id AS product_id,
                   p.temp_class, p.shelf_life_ref_c, p.shelf_life_days, p.q10, p.arrhenius_ea_kj_per_mol
            FROM lot l LEFT JOIN product p ON p.id = l.product_id
            WHERE l.id = :lot AND %s""".formatted(io.coldtrace.api.access.Visibility.owned("l.org_id")));

    private CustodySql() {
    }
}
