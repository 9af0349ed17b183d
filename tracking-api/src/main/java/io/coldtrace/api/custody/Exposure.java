package io.coldtrace.api.custody;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.GenericPlans;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.history.UnitLookup;
import io.coldtrace.api.db.Sql;
import io.coldtrace.api.history.UnitInfo;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.core.quality.ClassBand;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Exposure (issue 8 §2): every lot that held quantity in a unit during a window, and the dose each got there from
 * the unit's readings (minutes beyond its product's band, degree-minutes, peak, MKT over its time there), with its
 * remaining shelf life as custody last computed it. So a recall can be scoped to the lots that shared the room during
 * an excursion. Readings are read once for the window (raw, or the rollups beyond {@link Custody#ROLLUP_AFTER}) and
 * every distinct stay is figured from them in one statement per temperature class present.
 */
public final class Exposure {
    /** The widest window, and the most stays one answer lists (beyond: narrow the window). */
    static final Duration MAX_WINDOW = Duration.ofDays(31);
    static final int MAX_STAYS = 5_000;

    /** One lot's time in the unit within the window. */
    public record Stay(Instant from, Instant to, BigDecimal quantity) {
    }

    /** The sums of a lot's dose over its stays; means and MKT derive from them. */
    public record Dose(double minutes, Double minC, Double maxC, double cMinutes, double kMinutes,
                       double aboveMinutes, double belowMinutes, double degreeMinutesAbove,
                       double degreeMinutesBelow) {
        static final Dose NONE = new Dose(0, null, null, 0, 0, 0, 0, 0, 0);

        Dose plus(Dose o) {
            return new Dose(minutes + o.minutes, min(minC, o.minC), max(maxC, o.maxC), cMinutes + o.cMinutes,
                    kMinutes + o.kMinutes, aboveMinutes + o.aboveMinutes, belowMinutes + o.belowMinutes,
                    degreeMinutesAbove + o.degreeMinutesAbove, degreeMinutesBelow + o.degreeMinutesBelow);
        }

        public Double meanC() {
            return minutes > 0 ? cMinutes / minutes : null;
        }

        /** Mean kinetic temperature, ΔH/R = 10,000 K (as custody's). */
        public Double mktC() {
            return minutes > 0 && kMinutes > 0 ? 10_000 / -Math.log(kMinutes / minutes) - 273.15 : null;
        }

        // (no ternaries: a mixed Double/double conditional unboxes its null branch)
        private static Double min(Double a, Double b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            return Double.valueOf(Math.min(a, b));
        }

        private static Double max(Double a, Double b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            return Double.valueOf(Math.max(a, b));
        }
    }

    /** A lot in the unit during the window. */
    public record ExposedLot(UUID id, String code, String kind, String traceCode, String uom, boolean voided,
                             ClassBand band, List<Stay> stays, Dose dose, Double remainingDays,
                             Instant predictedExpiry, Instant shelfLifeAt) {
        public double minutes() {
            return stays.stream().mapToDouble(s -> Duration.between(s.from(), s.to()).toMillis() / 60_000.0).sum();
        }
    }

    public record Report(UnitInfo unit, Instant from, Instant to, String source, List<ExposedLot> lots) {
    }

    private Exposure() {
    }

    /** The lots in unit {@code unitId} between {@code from} and {@code to}; an unknown unit is a 404. */
    public static Report ofUnit(Connection c, Visibility vis, String unitId, Instant from, Instant to)
            throws SQLException {
        return GenericPlans.within(c, p -> of(p, vis, UnitLookup.visible(p, unitId, vis), from, to));
    }

    /** The lots in alarm {@code id}'s unit from its start to its clearing (or {@code now}); unknown: a 404. */
    public static Report ofAlarm(Connection c, Visibility vis, long id, Instant now) throws SQLException {
        return GenericPlans.within(c, p -> {
            var alarm = ExposureSql.ALARM.bind(vis).bind("id", id).first(p, rs -> new Object[] {
                    rs.getString("unit_id"), Rows.instant(rs, "started_at"), Rows.instant(rs, "cleared_at")})
                    .orElseThrow(() -> ClientError.notFound("no alarm " + id));
            Instant cleared = (Instant) alarm[2];
            return of(p, vis, UnitLookup.visible(p, (String) alarm[0], vis), (Instant) alarm[1],
                    cleared == null ? now : cleared);
        });
    }

    /** The lots of the caller's organisation in {@code unit} between {@code from} and {@code to}. */
    static Report of(Connection c, Visibility vis, UnitInfo unit, Instant from, Instant to) throws SQLException {
        if (!from.isBefore(to)) {
            throw ClientError.badParameter("to", "to must be after from (" + from + "), was " + to);
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw ClientError.badParameter("to", "the window may span at most " + MAX_WINDOW.toDays() + " days");
        }
        Map<UUID, ExposedLot> lots = new LinkedHashMap<>();
        Map<UUID, List<Instant[]>> spans = new HashMap<>();
        List<ExposedLot> read = ExposureSql.STAYS.bind(vis).bind("unit", unit.id()).bind("f", from).bind("t", to)
                .bind("limit", MAX_STAYS + 1).list(c, rs -> new ExposedLot(rs.getObject("lot_id", UUID.class),
                        rs.getString("code"), rs.getString("kind"), rs.getString("trace_code"), rs.getString("uom"),
                        rs.getBoolean("voided"), ClassBand.of(rs.getString("temp_class")),
                        List.of(new Stay(Rows.instant(rs, "sf"), Rows.instant(rs, "st"), rs.getBigDecimal("qty"))),
                        Dose.NONE, Rows.dbl(rs, "remaining_days"), Rows.instant(rs, "predicted_expiry"),
                        Rows.instant(rs, "shelf_life_at")));
        if (read.size() > MAX_STAYS) {
            throw ClientError.badParameter("to", "more than " + MAX_STAYS + " stays of lots in " + unit.id()
                    + " in this window: narrow it");
        }
        for (ExposedLot l : read) {
            lots.merge(l.id(), l, (a, b) -> {
                List<Stay> stays = new ArrayList<>(a.stays());
                stays.addAll(b.stays());
                return new ExposedLot(a.id(), a.code(), a.kind(), a.traceCode(), a.uom(), a.voided(), a.band(),
                        stays, a.dose(), a.remainingDays(), a.predictedExpiry(), a.shelfLifeAt());
            });
        }
        boolean rollup = Duration.between(from, to).compareTo(Custody.ROLLUP_AFTER) > 0;
        Map<ClassBand, Map<String, Dose>> doses = new HashMap<>();
        for (ClassBand band : lots.values().stream().map(ExposedLot::band).distinct().toList()) {
            List<Stay> stays = lots.values().stream().filter(l -> l.band().equals(band))
                    .flatMap(l -> l.stays().stream()).toList();
            doses.put(band, doses(c, unit, from, to, band, stays, rollup));
        }
        List<ExposedLot> out = new ArrayList<>(lots.size());
        for (ExposedLot l : lots.values()) {
            Dose d = Dose.NONE;
            for (Stay s : l.stays()) {
                d = d.plus(doses.get(l.band()).getOrDefault(key(s.from(), s.to()), Dose.NONE));
            }
            out.add(new ExposedLot(l.id(), l.code(), l.kind(), l.traceCode(), l.uom(), l.voided(), l.band(),
                    l.stays(), d, l.remainingDays(), l.predictedExpiry(), l.shelfLifeAt()));
        }
        return new Report(unit, from, to, rollup ? "rollup" : "raw", out);
    }

    /** Each distinct span's dose for lots of one band, keyed by {@link #key}. */
    private static Map<String, Dose> doses(Connection c, UnitInfo unit, Instant from, Instant to, ClassBand band,
                                           List<Stay> stays, boolean rollup) throws SQLException {
        List<String> sf = new ArrayList<>();
        List<String> st = new ArrayList<>();
        stays.stream().map(s -> key(s.from(), s.to())).distinct().forEach(k -> {
            String[] parts = k.split("/");
            sf.add(parts[0]);
            st.add(parts[1]);
        });
        Sql sql = (rollup ? ExposureSql.DOSE_ROLLUP : ExposureSql.DOSE_RAW).forProbe(unit.probe());
        Map<String, Object> p = Map.of("f", from, "t", to, "unit", unit.id(),
                "low", band.lowOrMin(), "high", band.highOrMax(), "sf", sf.toArray(String[]::new),
                "st", st.toArray(String[]::new));
        Map<String, Dose> out = new HashMap<>();
        CustodyQueries.bind(sql, p).list(c, rs -> {
            out.put(key(Rows.instant(rs, "sf"), Rows.instant(rs, "st")), new Dose(rs.getDouble("minutes"),
                    Rows.dbl(rs, "min_c"), Rows.dbl(rs, "max_c"), rs.getDouble("c_minutes"),
                    rs.getDouble("k_minutes"), rs.getDouble("above_min"), rs.getDouble("below_min"),
                    rs.getDouble("dm_above"), rs.getDouble("dm_below")));
            return null;
        });
        return out;
    }

    private static String key(Instant from, Instant to) {
        return from + "/" + to;
    }
}
