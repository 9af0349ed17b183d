package io.coldtrace.ingest.alarms;

import io.coldtrace.core.telemetry.Reading;
import java.time.Duration;
import java.util.List;

/**
 * HIGH and LOW at warning and critical: breach, delay (single or cumulative), suppression of warning time by
 * defrost/door context up to a cap, clear with hysteresis and clear delay, peak. Time is measured between reading
 * timestamps: a reading beyond the limit stands for the time since the previous reading with the probe.
 */
final class LimitRule implements UnitRule {

    @Override
    public void evaluate(Profile p, UnitAlarmState s, Reading r, List<AlarmChange> out) {
        Double v = p.probeValue(r);
        if (v == null) {
            return; // no value, no news: the sensor fault rule watches missing probes
        }
        Sample prev = s.last();
        boolean suppressing = prev != null && (context(p, prev.defrost(), prev.doorOpen())
                || context(p, Boolean.TRUE.equals(r.defrost()), Boolean.TRUE.equals(r.doorOpen())));
        long intervalMs = prev == null ? 0 : Episodes.millis(prev.ts(), r.ts());
        Step step = new Step(p, s, r, v, intervalMs, suppressing, out);
        step.limit(Rule.HIGH, Severity.WARNING, p.highWarnC(), p.warnDelay(), 1);
        step.limit(Rule.HIGH, Severity.CRITICAL, p.highCritC(), p.critDelay(), 1);
        step.limit(Rule.LOW, Severity.WARNING, p.lowWarnC(), p.warnDelay(), -1);
        step.limit(Rule.LOW, Severity.CRITICAL, p.lowCritC(), p.critDelay(), -1);
        s.last(new Sample(r.ts(), v, Boolean.TRUE.equals(r.defrost()), Boolean.TRUE.equals(r.doorOpen())));
    }

    private static boolean context(Profile p, boolean defrost, boolean doorOpen) {
        return (p.suppressDefrost() && defrost) || (p.suppressDoor() && doorOpen);
    }

    /** One reading applied to the four limits. */
    private record Step(Profile p, UnitAlarmState s, Reading r, double v, long intervalMs, boolean suppressing,
                        List<AlarmChange> out) {

        /** {@code dir} is +1 for a high limit (beyond = above), −1 for a low one. */
        void limit(Rule rule, Severity sev, Double limit, Duration delay, int dir) {
            if (limit == null) {
                Episodes.switchedOff(s, rule, sev, r.ts(), out);
                return;
            }
            String key = UnitAlarmState.key(rule, sev);
            double beyondBy = dir * (v - limit);
            Episode e = Episodes.get(s, rule, sev);
            if (beyondBy > 0) {
                if (e == null) {
                    e = Episodes.open(s, rule, sev, r.ts(), v); // the breach starts here and has lasted 0 so far
                } else {
                    e.clearSince = null;
                    e.readings++;
                    count(e, key, sev);
                    if (dir * (v - e.peak) > 0) {
                        Episodes.peak(e, rule, sev, v, out);
                    }
                }
                long counted = p.delayMode() == DelayMode.CUMULATIVE ? s.cumulativeMs(key) : e.countedMs;
                if (!e.raised && counted >= delay.toMillis()) {
                    Episodes.raise(e, rule, sev, r.ts(), limit, message(rule, limit, counted, e.peak), out);
                }
            } else if (e != null) {
                if (-beyondBy < p.hysteresisC()) {
                    e.clearSince = null; // inside, but not by the hysteresis: the breach goes on (not counted)
                } else {
                    if (e.clearSince == null) {
                        e.clearSince = r.ts();
                    }
                    if (Episodes.millis(e.clearSince, r.ts()) >= p.clearDelay().toMillis()) {
                        Episodes.end(s, rule, sev, r.ts(), out);
                    }
                }
            }
        }

        private void count(Episode e, String key, Severity sev) {
            long suppressed = 0;
            if (sev == Severity.WARNING && suppressing) {
                long left = Math.max(0, p.suppressCap().toMillis() - e.suppressedMs);
                suppressed = Math.min(intervalMs, left);
                e.suppressedMs += suppressed;
            }
            long counted = intervalMs - suppressed;
            e.countedMs += counted;
            if (p.delayMode() == DelayMode.CUMULATIVE) {
                s.cumulativeMs(key, s.cumulativeMs(key) + counted);
            }
        }

        /** E.g. "air 9.4 °C above 8.0 °C for 31 min (peak 10.1 °C)". */
        private String message(Rule rule, double limit, long countedMs, double peak) {
            return p.probe().wire() + " " + Episodes.oneDecimal(v) + " °C "
                    + (rule == Rule.HIGH ? "above " : "below ") + Episodes.oneDecimal(limit) + " °C for "
                    + Episodes.minutes(countedMs) + " min"
                    + (p.delayMode() == DelayMode.CUMULATIVE ? " in total" : "")
                    + (peak != v ? " (peak " + Episodes.oneDecimal(peak) + " °C)" : "");
        }
    }
}
