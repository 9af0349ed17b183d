package io.coldtrace.api.record;

import io.coldtrace.api.history.AlarmRow;
import io.coldtrace.api.history.HistoryPoint;
import io.coldtrace.api.history.UnitInfo;
import io.coldtrace.core.quality.Band;
import io.coldtrace.core.quality.Excursion;
import io.coldtrace.core.quality.Excursions;
import io.coldtrace.core.quality.Exposure;
import io.coldtrace.core.quality.Exposures;
import io.coldtrace.core.quality.KineticTemperature;
import io.coldtrace.core.quality.Sample;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds a {@link DailyRecord} from the day's raw readings: the figures (min, max, time-weighted mean, MKT) and the
 * excursions come from every reading, each held until the next and at most one recording interval (a longer gap is
 * missing data); the table resamples the readings to one per recording interval.
 */
public final class DailyRecords {
    /** The shortest recording interval: GB 31605 practice, ~10 min. */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(10);

    private DailyRecords() {
    }

    /** The recording interval: the device's reporting interval or 10 min, whichever is longer. */
    public static Duration interval(Integer reportIntervalSeconds) {
        if (reportIntervalSeconds == null) {
            return MIN_INTERVAL;
        }
        Duration report = Duration.ofSeconds(reportIntervalSeconds);
        return report.compareTo(MIN_INTERVAL) > 0 ? report : MIN_INTERVAL;
    }

    /**
     * @param readings the unit's raw readings of the day in time order (min = max = avg = value)
     */
    public static DailyRecord build(UnitInfo unit, LocalDate date, Instant dayStart, Instant dayEnd,
                                    Duration interval, List<HistoryPoint> readings, List<AlarmRow> alarms,
                                    Instant generatedAt) {
        List<Sample> samples = samples(readings);
        List<Exposure> held = Exposures.held(samples, dayEnd, interval);
        return new DailyRecord(unit, date, dayStart, dayEnd, interval, resample(readings, dayStart, interval),
                summary(unit, samples, held), excursions(unit, samples, dayEnd, interval), alarms, generatedAt);
    }

    /** The readings that carry a temperature, as samples. */
    public static List<Sample> samples(List<HistoryPoint> readings) {
        List<Sample> out = new ArrayList<>(readings.size());
        for (HistoryPoint p : readings) {
            if (p.avg() != null) {
                out.add(new Sample(p.ts(), p.avg()));
            }
        }
        return out;
    }

    static DailyRecord.Summary summary(UnitInfo unit, List<Sample> samples, List<Exposure> held) {
        double total = held.stream().mapToLong(e -> e.duration().toMillis()).sum();
        if (samples.isEmpty() || total == 0) {
            return new DailyRecord.Summary(samples.size(), null, null, null, null);
        }
        double min = samples.stream().mapToDouble(Sample::celsius).min().orElseThrow();
        double max = samples.stream().mapToDouble(Sample::celsius).max().orElseThrow();
        Double mkt = unit.frozen() ? null : KineticTemperature.mkt(held);
        return new DailyRecord.Summary(samples.size(), min, max, KineticTemperature.timeWeightedMean(held), mkt);
    }

    static List<DailyRecord.LimitExcursion> excursions(UnitInfo unit, List<Sample> samples, Instant dayEnd,
                                                       Duration interval) {
        List<DailyRecord.LimitExcursion> out = new ArrayList<>();
        Band b = unit.band();
        add(out, "high_crit", b.highCrit(), Excursion.Side.ABOVE, samples, dayEnd, interval);
        add(out, "high_warn", b.highWarn(), Excursion.Side.ABOVE, samples, dayEnd, interval);
        add(out, "low_warn", b.lowWarn(), Excursion.Side.BELOW, samples, dayEnd, interval);
        add(out, "low_crit", b.lowCrit(), Excursion.Side.BELOW, samples, dayEnd, interval);
        out.sort(Comparator.comparing((DailyRecord.LimitExcursion e) -> e.excursion().start()));
        return out;
    }

    private static void add(List<DailyRecord.LimitExcursion> out, String name, Double limit, Excursion.Side side,
                            List<Sample> samples, Instant dayEnd, Duration interval) {
        if (limit != null) {
            for (Excursion e : Excursions.find(samples, dayEnd, interval, limit, side)) {
                out.add(new DailyRecord.LimitExcursion(name, e));
            }
        }
    }

    /** The first reading with a value in each interval from the day start; door/defrost of any reading in it. */
    static List<HistoryPoint> resample(List<HistoryPoint> readings, Instant dayStart, Duration interval) {
        List<HistoryPoint> out = new ArrayList<>();
        long slotMillis = interval.toMillis();
        long slot = Long.MIN_VALUE;
        HistoryPoint first = null;
        boolean door = false;
        boolean defrost = false;
        for (HistoryPoint p : readings) {
            long s = Math.floorDiv(p.ts().toEpochMilli() - dayStart.toEpochMilli(), slotMillis);
            if (s != slot) {
                emit(out, first, door, defrost);
                slot = s;
                first = null;
                door = false;
                defrost = false;
            }
            if (first == null && p.avg() != null) {
                first = p;
            }
            door |= p.doorOpen();
            defrost |= p.defrost();
        }
        emit(out, first, door, defrost);
        return out;
    }

    private static void emit(List<HistoryPoint> out, HistoryPoint first, boolean door, boolean defrost) {
        if (first != null) {
            out.add(new HistoryPoint(first.ts(), first.min(), first.max(), first.avg(), door, defrost));
        }
    }
}
