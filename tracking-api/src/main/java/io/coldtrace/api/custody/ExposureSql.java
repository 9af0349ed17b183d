package io.coldtrace.api.custody;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;

/**
 * The SQL of exposure (issue 8 §2): the lots that held quantity in a unit during a window, and the dose each stay in
 * it got from the unit's readings, all stays figured in one statement over readings read once.
 */
final class ExposureSql {
    /**
     * Each stay of a lot in the unit that overlaps the window, clipped to it: every lot_movement row at the unit opens
     * a segment lasting until the lot's next movement there, with the quantity summed so far (as custody's legs).
     */
    static final Sql STAYS = Sql.of("""
            SELECT x.lot_id, l.code, l.kind, l.trace_code, l.uom, l.voided_by IS NOT NULL AS voided,
                   p.temp_class, greatest(x.f, :f) AS sf, least(x.t, :t) AS st, x.qty,
                   sl.remaining_days, sl.predicted_expiry, sl.computed_at AS shelf_life_at
            FROM (
                SELECT m.lot_id, m.at AS f, coalesce(lead(m.at) OVER w, 'infinity') AS t, sum(m.delta) OVER w AS qty
                FROM lot_movement m
                WHERE m.place_kind = 'unit' AND m.place_id = :unit AND m.at < :t AND %s
                WINDOW w AS (PARTITION BY m.lot_id ORDER BY m.at, m.delta DESC, m.id)
            ) x
            JOIN lot l ON l.id = x.lot_id
            LEFT JOIN product p ON p.id = l.product_id AND p.org_id = l.org_id
            LEFT JOIN lot_shelf_life sl ON sl.lot_id = x.lot_id
            WHERE x.qty > 0 AND x.t > :f
            ORDER BY greatest(x.f, :f), l.code, x.f
            LIMIT :limit""".formatted(Visibility.owned("m.org_id")));

    /**
     * The dose of each span {@code (sf, st)} (parallel arrays of ISO instants) from the unit's readings over the
     * window: each reading's time clipped to the span. Sums, not means, so a lot's stays add up in Java.
     */
    private static final String DOSE = """
            WITH %s, %s, spans AS (
                SELECT * FROM unnest(CAST(CAST(:sf AS text[]) AS timestamptz[]),
                                     CAST(CAST(:st AS text[]) AS timestamptz[])) AS s(sf, st)
            ), dose AS (
                SELECT s.sf, s.st, r.c, r.cmin, r.cmax,
                       extract(epoch FROM least(r.ts + make_interval(secs => r.dt * 60), s.st)
                                          - greatest(r.ts, s.sf)) / 60.0 AS dt
                FROM spans s JOIN readings r ON r.ts < s.st AND r.ts + make_interval(secs => r.dt * 60) > s.sf
            )
            SELECT sf, st, min(cmin) AS min_c, max(cmax) AS max_c, coalesce(sum(dt), 0) AS minutes,
                   coalesce(sum(c * dt), 0) AS c_minutes,
                   coalesce(sum(dt * exp(-10000 / (c + 273.15))), 0) AS k_minutes,
                   coalesce(sum(dt) FILTER (WHERE c > :high), 0) AS above_min,
                   coalesce(sum(dt) FILTER (WHERE c < :low), 0) AS below_min,
                   coalesce(sum((c - :high) * dt) FILTER (WHERE c > :high), 0) AS dm_above,
                   coalesce(sum((:low - c) * dt) FILTER (WHERE c < :low), 0) AS dm_below
            FROM dose GROUP BY sf, st""";

    static final ProbeSql DOSE_RAW = ProbeSql.of(DOSE.formatted(CustodySql.BOUND,
            CustodySql.RAW.replace("readings AS (", "readings AS MATERIALIZED (")));
    static final ProbeSql DOSE_ROLLUP = ProbeSql.of(DOSE.formatted(CustodySql.BOUND,
            CustodySql.ROLLUP.replace("readings AS (", "readings AS MATERIALIZED (")));

    /** An alarm's unit and interval, if the caller sees the unit. */
    static final Sql ALARM = Sql.of("""
            SELECT a.unit_id, a.started_at, a.cleared_at FROM alarm a
            JOIN unit u ON u.id = a.unit_id JOIN site s ON s.id = u.site_id
            WHERE a.id = :id AND %s""".formatted(Visibility.owned("s.org_id")));

    private ExposureSql() {
    }
}
