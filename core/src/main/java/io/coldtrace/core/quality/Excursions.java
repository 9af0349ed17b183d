package io.coldtrace.core.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the contiguous runs of a history beyond a limit. Readings are weighted as in {@link Exposures#held}; a run
 * ends at the first reading back inside the limit, or where a gap longer than {@code maxHold} breaks the data. The
 * runs' degree-minutes add up to {@link ExcursionDose} of the same exposures.
 */
public final class Excursions {
    private Excursions() {
    }

    /**
     * @param samples readings in time order
     * @param end     end of the history (the last reading is held until then, at most {@code maxHold})
     */
    public static List<Excursion> find(List<Sample> samples, Instant end, Duration maxHold, double limitC,
                                       Excursion.Side side) {
        List<Excursion> runs = new ArrayList<>();
        Run open = null;
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            if (!side.beyond(s.celsius(), limitC)) {
                if (open != null) {
                    runs.add(open.close(side, limitC));
                    open = null;
                }
                continue;
            }
            Duration hold = Exposures.hold(samples, i, end, maxHold);
            if (open == null) {
                open = new Run(s.at(), s.celsius());
            }
            open.add(s, hold, limitC);
            boolean gapFollows = i + 1 < samples.size() && open.end.isBefore(samples.get(i + 1).at());
            if (gapFollows) {
                runs.add(open.close(side, limitC));
                open = null;
            }
        }
        if (open != null) {
            runs.add(open.close(side, limitC));
        }
        return runs;
    }

    /** An excursion being accumulated. */
    private static final class Run {
        private final Instant start;
        private Instant end;
        private double peak;
        private double degreeMinutes;

        Run(Instant start, double first) {
            this.start = start;
            this.end = start;
            this.peak = first;
        }

        void add(Sample s, Duration hold, double limitC) {
            end = s.at().plus(hold);
            peak = s.celsius() > limitC ? Math.max(peak, s.celsius()) : Math.min(peak, s.celsius());
            degreeMinutes += Math.abs(s.celsius() - limitC) * hold.toMillis() / 60_000d;
        }

        Excursion close(Excursion.Side side, double limitC) {
            return new Excursion(side, limitC, start, end, peak, degreeMinutes);
        }
    }
}
