package io.coldtrace.api.trace;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.custody.Lineage;
import io.coldtrace.api.custody.ProbeSql;
import io.coldtrace.api.db.Sql;
import io.coldtrace.api.events.Genealogy;

/**
 * The SQL of the buyer's page. Public by construction: every statement selects only fields the page may show (no
 * phone, quantities, user names, notes, document ids, device ids, prices), so nothing private can be rendered by
 * mistake. A lot's lineage is the lot and its ancestors up the genealogy (lot_link), as custody reads it.
 */
final class TraceSql {
    private static final String LINEAGE = """
            WITH RECURSIVE lineage (lot_id, depth) AS (
                SELECT CAST(:lot AS uuid), 0
                UNION
                SELECT k.parent_lot_id, l.depth + 1 FROM lineage l JOIN lot_link k ON k.child_lot_id = l.lot_id
                WHERE l.depth < 12
            )""";

    private static final String LOT = """
            SELECT l.id, l.org_id, l.code, l.trace_code, l.born_at, l.voided_by IS NOT NULL AS withdrawn,
                   (SELECT min(c.status_at) FROM recall_case_lot k JOIN recall_case c ON c.id = k.case_id
                    WHERE k.lot_id = l.id AND c.kind = 'recall' AND c.status = 'recalled') AS recalled_at,
                   p.id AS product_id, p.name_zh, p.name_en, p.commodity, p.variety, p.temp_class, e.event_tz_offset
            FROM lot l JOIN product p ON p.id = l.product_id LEFT JOIN trace_event e ON e.id = l.born_event_id
            WHERE l.kind = 'lot' AND %s""";

    /** A lot by its trace code (normalised, as stored). */
    static final Sql BY_TRACE_CODE = Sql.of(LOT.formatted("l.trace_code = :code"));
    /** A lot by the external code mapped to it (a national platform's 追溯码). */
    static final Sql BY_EXTERNAL_CODE = Sql.of(LOT.formatted("l.external_code = :code"));

    /**
     * The harvest batches the lot came from: when, the grower's name (never the phone), the plot and the farm or
     * cooperative (the harvest's party, else the plot's) with its region and assistance-county marks.
     */
    static final Sql ORIGINS = Sql.of(Genealogy.ORIGINS + """
            SELECT b.id, b.born_at, b.grower_name, b.commodity, b.variety, pl.name AS plot_name, pa.id AS party_id,
                   pa.kind AS party_kind, pa.name_zh, pa.name_en, pa.province, pa.city, pa.county,
                   pa.poverty_alleviated_county, pa.paired_assistance_county, o.born_tz_offset AS event_tz_offset
            FROM origins o JOIN lot b ON b.id = o.batch_id
            LEFT JOIN farm_plot pl ON pl.id = b.plot_id
            LEFT JOIN party pa ON pa.id = o.party_id
            ORDER BY b.born_at, b.id""");

    /**
     * The current certifications of the origin parties and of the product: a certification another supersedes is
     * left out (its successor stands for it); expiry is judged by the caller against today.
     */
    static final Sql CERTIFICATIONS = Sql.of("""
            SELECT c.kind, c.number, c.issuer, c.valid_from, c.valid_to
            FROM certification c
            WHERE c.org_id = :org AND (c.party_id = ANY(:parties) OR c.product_id = :product)
              AND NOT EXISTS (SELECT 1 FROM certification n WHERE n.supersedes = c.id)
            ORDER BY c.product_id IS NULL, c.kind, c.valid_to DESC, c.number""");

    /** Where each quantity of the lineage arrived: the event type and offset that opened a leg. */
    static final Sql ARRIVALS = Sql.of(LINEAGE + """
            SELECT m.lot_id, m.place_kind, m.place_id, m.at, e.type, e.event_tz_offset
            FROM (SELECT DISTINCT lot_id FROM lineage) ln JOIN lot_movement m ON m.lot_id = ln.lot_id
            JOIN trace_event e ON e.id = m.event_id
            WHERE m.delta > 0""");

    /** The division codes of sites (the city a journey step names). */
    static final Sql SITE_DIVISIONS = Sql.of("SELECT id, division_code FROM site WHERE id = ANY(:ids)");

    /**
     * The hand-overs of the lot and of its ancestors up to the lot's birth: shipped, received (with the hand-over
     * temperature check), and delivered, the lot's own deliveries only (an ancestor's went to other buyers). The other
     * party is named by its kind only (a buyer by its type): who buys from whom is not public.
     */
    static final Sql HANDOVERS = Sql.of(Lineage.UNTIL + """
            , lots AS (SELECT lot_id, until, depth FROM lineage_until)
            SELECT DISTINCT ON (h.event_id) h.kind, h.at, h.acceptance, h.handover_temp_c, pa.kind AS party_kind,
                   pa.buyer_type, e.event_tz_offset, s.name AS site_name, s.division_code AS site_division
            FROM lots JOIN lot_handover h ON h.lot_id = lots.lot_id JOIN trace_event e ON e.id = h.event_id
            LEFT JOIN party pa ON pa.id = h.party_id
            LEFT JOIN unit u ON u.id = e.unit_id
            LEFT JOIN site s ON s.id = coalesce(e.site_id, u.site_id)
            WHERE (lots.depth = 0 OR h.kind <> 'deliver' AND h.at <= lots.until)
            ORDER BY h.event_id, h.at""");

    /**
     * A monitored leg's temperatures, downsampled in the database to at most ~120 points: the rollups ({@code %s}:
     * telemetry_1m or telemetry_1h) of the devices bound to the unit during the leg, in {@code :step}-second buckets
     * (mean, min, max of the probe).
     */
    private static final String SERIES = """
            WITH bound AS (
                SELECT b.device_id, greatest(lower(b.valid), :f) AS bf,
                       least(coalesce(upper(b.valid), 'infinity'), :t) AS bt
                FROM device_binding b WHERE b.unit_id = :unit AND b.valid && tstzrange(:f, :t)
            ), buckets AS (
                SELECT floor(extract(epoch FROM m.bucket - CAST(:f AS timestamptz)) / :step) AS k,
                       sum(m.{{probe}}_sum) / nullif(sum(m.{{probe}}_n), 0) AS c,
                       CAST(min(m.{{probe}}_min) AS double precision) AS lo,
                       CAST(max(m.{{probe}}_max) AS double precision) AS hi
                FROM bound bd JOIN %s m ON m.device_id = bd.device_id
                 AND m.bucket >= date_trunc('%s', bd.bf) AND m.bucket < bd.bt
                GROUP BY 1
            )
            SELECT k, c, lo, hi FROM buckets WHERE c IS NOT NULL ORDER BY k""";

    static final ProbeSql SERIES_1M = ProbeSql.of(SERIES.formatted("telemetry_1m", "minute"));
    static final ProbeSql SERIES_1H = ProbeSql.of(SERIES.formatted("telemetry_1h", "hour"));

    /**
     * Lots of the caller's organisation whose codes were scanned (by people, not bots) in at least {@code :min}
     * distinct places and in more than {@code :factor} times as many places as buyers the lot was delivered to (at
     * least one counted): a code printed on goods that never went there, copied.
     */
    static final Sql SUSPICIOUS = Sql.of("""
            WITH s AS (
                SELECT t.lot_id, count(DISTINCT t.place) AS places, count(*) AS scans, min(t.scanned_at) AS first_scan,
                       max(t.scanned_at) AS last_scan
                FROM trace_scan t WHERE %s AND t.place IS NOT NULL AND t.client_class <> 'bot'
                GROUP BY t.lot_id
            ), d AS (
                SELECT h.lot_id, count(DISTINCT h.party_id) AS buyers FROM lot_handover h
                WHERE h.kind = 'deliver' AND h.lot_id IN (SELECT lot_id FROM s) GROUP BY h.lot_id
            )
            SELECT l.id, l.org_id, l.code, l.trace_code, s.places, s.scans, coalesce(d.buyers, 0) AS buyers,
                   s.first_scan, s.last_scan,
                   (SELECT count(*) FROM trace_scan a WHERE a.lot_id = l.id) AS all_scans
            FROM s JOIN lot l ON l.id = s.lot_id LEFT JOIN d ON d.lot_id = s.lot_id
            WHERE s.places >= :min AND s.places > :factor * greatest(1, coalesce(d.buyers, 0))
            ORDER BY s.places DESC, l.code LIMIT :limit""".formatted(Visibility.owned("t.org_id")));

    /** A batch of scans, one row per array element. */
    static final Sql INSERT_SCANS = Sql.of("""
            INSERT INTO trace_scan (org_id, lot_id, scanned_at, place, client_class, format)
            SELECT o, l, CAST(a AS timestamptz), p, c, f
            FROM unnest(CAST(:orgs AS text[]), CAST(:lots AS uuid[]), CAST(:ats AS text[]), CAST(:places AS text[]),
                        CAST(:classes AS text[]), CAST(:formats AS text[])) AS x (o, l, a, p, c, f)""");

    private TraceSql() {
    }
}
