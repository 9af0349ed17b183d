package io.coldtrace.api.lots;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;
import io.coldtrace.api.events.Genealogy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of the lot projections (V9) for lists and the lot page; every read is limited by the caller's visibility. */
final class LotQueries {
    /** How far genealogy is followed (harvest batch → lot → split → repack …); real chains are a few steps deep. */
    static final int MAX_DEPTH = 16;
    /** The farm a harvest batch {@code b} came from: the harvest's party, else its plot's (events.Genealogy). */
    static final String BATCH_PARTY = Genealogy.BATCH_JOINS + "\nJOIN party pa ON pa.id = " + Genealogy.BATCH_FARM;
    private static final String VISIBLE = Visibility.owned("l.org_id");
    private static final Sql LIST = Sql.of("""
            WITH RECURSIVE from_origin(id, depth) AS (
                SELECT b.id, 0 FROM lot b
                %s
                WHERE CAST(:origin AS text) IS NOT NULL AND b.kind = 'harvest_batch' AND %s
                  AND pa.division_code LIKE :origin || '%%'
                UNION
                SELECT k.child_lot_id, d.depth + 1 FROM lot_link k JOIN from_origin d ON k.parent_lot_id = d.id
                WHERE d.depth < %d)
            SELECT %s FROM %s
            WHERE %s AND l.kind = :kind
              AND (CAST(:product AS text) IS NULL OR l.product_id = :product)
              AND (CAST(:status AS text) IS NULL OR s.status = :status)
              AND (CAST(:code AS text) IS NULL OR l.code ILIKE :code OR l.trace_code LIKE :trace)
              AND (CAST(:origin AS text) IS NULL OR l.id IN (SELECT id FROM from_origin))
              AND (CAST(:place AS text) IS NULL OR EXISTS (
                    SELECT 1 FROM lot_movement m LEFT JOIN unit u ON m.place_kind = 'unit' AND u.id = m.place_id
                    WHERE m.lot_id = l.id AND m.place_kind IN ('unit', 'site')
                      AND (m.place_id = :place OR u.site_id = :place)
                    GROUP BY m.place_kind, m.place_id HAVING sum(m.delta) > 0))
              AND (CAST(:shelf AS double precision) IS NULL OR sl.remaining_days < :shelf)
              AND (CAST(:after_at AS timestamptz) IS NULL OR (l.born_at, l.id) < (:after_at, :after_id))
            ORDER BY l.born_at DESC, l.id DESC LIMIT :limit"""
            .formatted(BATCH_PARTY, Visibility.owned("b.org_id"), MAX_DEPTH, LotRow.COLUMNS, LotRow.FROM, VISIBLE));
    private static final Sql BY_ID = Sql.of("SELECT %s FROM %s WHERE %s AND l.id = :id"
            .formatted(LotRow.COLUMNS, LotRow.FROM, VISIBLE));
    /** A lot code of the caller's organisation (an admin of none: any), or a trace code, or a mapped external code. */
    private static final Sql BY_CODE = Sql.of("""
            SELECT %s FROM %s WHERE %s
              AND (l.code = :code OR l.trace_code = :trace OR l.external_code = :code)
            ORDER BY (l.code = :code) DESC, l.born_at DESC LIMIT 1""".formatted(LotRow.COLUMNS, LotRow.FROM, VISIBLE));
    /** Where each lot is now, with the names of the places. */
    private static final Sql HOLDINGS = Sql.of("""
            SELECT h.lot_id, h.place_kind, h.place_id, COALESCE(u.name, st.name, fp.name) AS name,
                   COALESCE(u.site_id, st.id) AS site_id, COALESCE(us.name, st.name) AS site_name, h.q
            FROM (SELECT m.lot_id, m.place_kind, m.place_id, sum(m.delta) AS q FROM lot_movement m
                  WHERE m.lot_id = ANY(:lots) AND m.place_kind <> 'gone'
                  GROUP BY m.lot_id, m.place_kind, m.place_id HAVING sum(m.delta) > 0) h
            LEFT JOIN unit u ON h.place_kind = 'unit' AND u.id = h.place_id
            LEFT JOIN site us ON us.id = u.site_id
            LEFT JOIN site st ON h.place_kind = 'site' AND st.id = h.place_id
            LEFT JOIN farm_plot fp ON h.place_kind = 'plot' AND fp.id = h.place_id
            ORDER BY h.lot_id, h.place_kind DESC, h.place_id""");

    private LotQueries() {
    }

    static List<LotRow> list(Connection c, Visibility vis, LotFilter f) throws SQLException {
        return LIST.bind(vis).bind("kind", f.kind()).bind("product", f.productId()).bind("status", f.status())
                .bind("code", f.codePrefix()).bind("trace", f.tracePrefix() == null ? "" : f.tracePrefix())
                .bind("origin", f.origin()).bind("place", f.place()).bind("shelf", f.shelfLifeBelowDays())
                .bind("after_at", f.afterBornAt())
                .bind("after_id", f.afterId()).bind("limit", f.limit()).list(c, LotRow.MAPPER);
    }

    /** The lot {@code id} if the caller sees it (an id that is no UUID names no lot). */
    static Optional<LotRow> get(Connection c, Visibility vis, String id) throws SQLException {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return BY_ID.bind(vis).bind("id", uuid).first(c, LotRow.MAPPER);
    }

    /** The lot a code names: its own code, else its trace code ({@code trace}, parsed; null if none), else external. */
    static Optional<LotRow> byCode(Connection c, Visibility vis, String code, String trace) throws SQLException {
        return BY_CODE.bind(vis).bind("code", code).bind("trace", trace).first(c, LotRow.MAPPER);
    }

    static List<Holding> holdings(Connection c, List<UUID> lots) throws SQLException {
        return HOLDINGS.bind("lots", lots.toArray(UUID[]::new)).list(c, Holding.MAPPER);
    }
}
