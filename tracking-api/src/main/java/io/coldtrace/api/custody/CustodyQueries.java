package io.coldtrace.api.custody;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.db.Sql;
import io.coldtrace.core.quality.ClassBand;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Runs {@link CustodySql}: a lot's legs, and a monitored leg's figures. */
final class CustodyQueries {
    /** Which readings a leg's figures come from. */
    enum Source {
        /** Every reading. */
        RAW,
        /** Hour rollups for whole in-band hours, minute rollups for the rest ({@link CustodySql#WHOLE_HOUR_SPREAD_C}). */
        ROLLUP;

        String label() {
            return this == RAW ? "raw" : "rollup";
        }
    }

    /** A lot with its product's shelf-life model (null fields for a harvest batch without product). */
    record LotModel(UUID id, String orgId, String code, String kind, Instant bornAt, UUID voidedBy, String traceCode,
                    String productId, String tempClass, Double refC, Double days, Double q10, Double eaKj) {
        ClassBand band() {
            return ClassBand.of(tempClass);
        }
    }

    private CustodyQueries() {
    }

    static Optional<LotModel> lot(Connection c, Visibility vis, String id) throws SQLException {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return CustodySql.LOT.bind(vis).bind("lot", uuid).first(c, rs -> new LotModel(
                rs.getObject("id", UUID.class), rs.getString("org_id"), rs.getString("code"), rs.getString("kind"),
                Rows.instant(rs, "born_at"), rs.getObject("voided_by", UUID.class), rs.getString("trace_code"),
                rs.getString("product_id"), rs.getString("temp_class"), Rows.dbl(rs, "shelf_life_ref_c"),
                Rows.dbl(rs, "shelf_life_days"), Rows.dbl(rs, "q10"), Rows.dbl(rs, "arrhenius_ea_kj_per_mol")));
    }

    static List<Leg> legs(Connection c, UUID lot, Instant now) throws SQLException {
        return CustodySql.LEGS.bind("lot", lot).bind("now", now).list(c, Leg.MAPPER);
    }

    /** The figures of a leg in a unit, from {@code source}, with its gaps, excursions and alarms. */
    static LegFigures figures(Connection c, Leg leg, LotModel m, Source source) throws SQLException {
        return figures(c, leg, m, source, true);
    }

    /**
     * The figures of a leg in a unit, from {@code source}; without {@code details} only the statistics the verdict
     * and shelf life need (no gaps, excursions, alarms: one query instead of four).
     */
    static LegFigures figures(Connection c, Leg leg, LotModel m, Source source, boolean details)
            throws SQLException {
        ClassBand band = m.band();
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("f", leg.from());
        p.put("t", leg.to());
        p.put("unit", leg.placeId());
        p.put("low", band.lowOrMin());
        p.put("high", band.highOrMax());
        // a harvest batch has no model: its life used is not read
        p.put("days", m.days() == null ? 1.0 : m.days());
        p.put("ref", m.refC() == null ? 0.0 : m.refC());
        p.put("q10", m.days() == null ? 2.0 : m.q10());
        p.put("ea", m.eaKj());
        boolean raw = source == Source.RAW;
        Sql sql = (details ? (raw ? CustodySql.FIGURES_RAW : CustodySql.FIGURES_ROLLUP)
                : (raw ? CustodySql.SUMMARY_RAW : CustodySql.SUMMARY_ROLLUP)).forProbe(leg.probe());
        return bind(sql, p).first(c, LegFigures.MAPPER).orElseThrow().with(source.label());
    }

    static Sql.Bound bind(Sql sql, Map<String, Object> params) {
        Sql.Bound b = null;
        for (String name : sql.names()) {
            b = b == null ? sql.bind(name, params.get(name)) : b.bind(name, params.get(name));
        }
        return b;
    }
}
