package io.coldtrace.api.custody;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.custody.CustodyQueries.LotModel;
import io.coldtrace.api.custody.CustodyQueries.Source;
import io.coldtrace.core.quality.ArrheniusShelfLife;
import io.coldtrace.core.quality.Q10ShelfLife;
import io.coldtrace.core.quality.ShelfLifeModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A lot's custody joined to telemetry (issue 7 §3): its legs and its ancestors' legs, each unit leg's temperature
 * figures from SQL (raw readings, or for legs longer than {@link #ROLLUP_AFTER} the hour rollups of whole in-band
 * hours and the minute rollups of the rest), a verdict per leg,
 * and the remaining shelf life from the temperatures the lot actually had. Computed on read, so it is current with
 * the telemetry that has arrived.
 */
public final class Custody {
    /** Legs longer than this read the rollups (CustodyAgreementIT: within 0.1 °C MKT, 1 % shelf life of raw). */
    static final Duration ROLLUP_AFTER = Duration.ofHours(6);

    /** A leg with its figures and verdict. */
    public record LegReport(Leg leg, LegFigures figures, Verdict verdict, double lifeUsed) {
        /** Minutes with no monitoring at all (no device bound, or a place outside any unit). */
        public double unmonitoredMinutes() {
            return figures.readings() == 0 ? leg.minutes() : Math.max(0, leg.minutes() - figures.coveredMinutes());
        }
    }

    /**
     * Remaining shelf life: {@code usedFraction} of the life spent by {@code asOf} (now, or when the lot left), days
     * left if kept at {@code plannedC} from then, and the predicted expiry. Unmonitored time is counted at
     * {@code assumedUnmonitoredC}.
     */
    public record ShelfLife(String model, double referenceC, double referenceDays, double usedFraction,
                            double plannedC, double remainingDays, Instant asOf, Instant predictedExpiry,
                            double assumedUnmonitoredC, double unmonitoredMinutes) {
    }

    public record Report(LotModel lot, List<LegReport> legs, ShelfLife shelfLife) {
    }

    private Custody() {
    }

    /** The custody of lot {@code id} if the caller sees it; {@code forced} picks the readings' source (tests). */
    public static Optional<Report> of(Connection c, Visibility vis, String id, Instant now, Source forced)
            throws SQLException {
        Optional<LotModel> lot = CustodyQueries.lot(c, vis, id);
        if (lot.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(report(c, lot.get(), now, forced));
    }

    public static Optional<Report> of(Connection c, Visibility vis, String id, Instant now) throws SQLException {
        return of(c, vis, id, now, null);
    }

    /**
     * As {@link #of(Connection, Visibility, String, Instant)} with the same figures, verdicts and shelf life, but no
     * gaps, excursions or alarms listed per leg (the public page shows none of them; a quarter of the queries).
     */
    public static Optional<Report> summary(Connection c, Visibility vis, String id, Instant now) throws SQLException {
        Optional<LotModel> lot = CustodyQueries.lot(c, vis, id);
        if (lot.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(report(c, lot.get(), now, null, false));
    }

    static Report report(Connection c, LotModel m, Instant now, Source forced) throws SQLException {
        return report(c, m, now, forced, true);
    }

    /** The report; without {@code details} no gaps, excursions or alarms are listed (as {@link #summary}). */
    static Report report(Connection c, LotModel m, Instant now, Source forced, boolean details)
            throws SQLException {
        ShelfLifeModel model = model(m);
        double assumed = m.band().assumedUnmonitoredC();
        List<LegReport> legs = new ArrayList<>();
        for (Leg leg : CustodyQueries.legs(c, m.id(), now)) {
            Source source = forced != null ? forced
                    : Duration.between(leg.from(), leg.to()).compareTo(ROLLUP_AFTER) > 0 ? Source.ROLLUP
                    : Source.RAW;
            LegFigures f = leg.inUnit() ? CustodyQueries.figures(c, leg, m, source, details) : LegFigures.none();
            legs.add(new LegReport(leg, f, Verdict.of(leg.minutes(), f, m.band().low(), m.band().high()),
                    model == null ? 0 : lifeUsed(leg, f, model, assumed)));
        }
        return new Report(m, legs, model == null ? null : shelfLife(m, model, legs, now, assumed));
    }

    /** The life a leg used: measured where readings stand, assumed at the band's limit for the rest. */
    static double lifeUsed(Leg leg, LegFigures f, ShelfLifeModel model, double assumedC) {
        double perMinuteAssumed = 1.0 / (1440.0 * model.shelfLifeDays(assumedC));
        if (f.readings() == 0 || f.lifeUsed() == null || f.readMinutes() <= 0) {
            return leg.minutes() * perMinuteAssumed;
        }
        double covered = Math.min(leg.minutes(), f.coveredMinutes());
        // gaps inside the covered part count at the leg's measured rate
        double measured = f.lifeUsed() / f.readMinutes() * covered;
        return measured + Math.max(0, leg.minutes() - covered) * perMinuteAssumed;
    }

    /**
     * Sums the life used over time: where legs overlap (a lot in two rooms, parents of a merge), the worst leg's rate
     * counts for that stretch, so no minute counts twice and none counts better than its worst place.
     */
    static ShelfLife shelfLife(LotModel m, ShelfLifeModel model, List<LegReport> legs, Instant now, double assumedC) {
        TreeSet<Instant> cuts = new TreeSet<>();
        boolean open = false;
        for (LegReport l : legs) {
            cuts.add(l.leg().from());
            cuts.add(l.leg().to());
            open |= l.leg().open();
        }
        double used = 0;
        Instant prev = null;
        for (Instant cut : cuts) {
            if (prev != null) {
                double minutes = Duration.between(prev, cut).toMillis() / 60_000.0;
                double worst = -1;
                for (LegReport l : legs) {
                    if (!l.leg().from().isAfter(prev) && !l.leg().to().isBefore(cut) && l.leg().minutes() > 0) {
                        worst = Math.max(worst, l.lifeUsed() / l.leg().minutes());
                    }
                }
                // a stretch no leg covers (quantity between places in one event) counts as unmonitored
                used += minutes * (worst >= 0 ? worst : 1.0 / (1440.0 * model.shelfLifeDays(assumedC)));
            }
            prev = cut;
        }
        Instant asOf = open || cuts.isEmpty() ? now : cuts.last();
        double planned = m.refC();
        double remaining = Math.max(0, 1 - used) * model.shelfLifeDays(planned);
        double unmonitored = legs.stream().mapToDouble(LegReport::unmonitoredMinutes).sum();
        return new ShelfLife(m.q10() != null ? "q10" : "arrhenius", m.refC(), m.days(), used, planned, remaining,
                asOf, asOf.plus(Duration.ofSeconds(Math.round(remaining * 86_400))), assumedC, unmonitored);
    }

    static ShelfLifeModel model(LotModel m) {
        if (m.days() == null) {
            return null;
        }
        return m.q10() != null ? new Q10ShelfLife(m.days(), m.refC(), m.q10())
                : new ArrheniusShelfLife(m.days(), m.refC(), m.eaKj() * 1000);
    }
}
