package io.coldtrace.ingest.alarms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Small shared steps of the rules: opening, raising, clearing and dropping episodes, and message numbers. */
final class Episodes {
    private Episodes() {
    }

    static Episode get(UnitAlarmState s, Rule rule, Severity severity) {
        return s.episodes().get(UnitAlarmState.key(rule, severity));
    }

    static Episode open(UnitAlarmState s, Rule rule, Severity severity, Instant start, Double value) {
        Episode e = Episode.startingAt(start, value);
        s.episodes().put(UnitAlarmState.key(rule, severity), e);
        return e;
    }

    static void raise(Episode e, Rule rule, Severity severity, Instant at, Double limit, String message,
                      List<AlarmChange> out) {
        e.raised = true;
        out.add(new AlarmChange.Raised(rule, severity, e.start, at, limit, e.peak, message));
    }

    /** Ends the episode; an episode that never became an alarm is simply forgotten. */
    static void end(UnitAlarmState s, Rule rule, Severity severity, Instant at, List<AlarmChange> out) {
        Episode e = s.episodes().remove(UnitAlarmState.key(rule, severity));
        if (e != null && e.raised) {
            out.add(new AlarmChange.Cleared(rule, severity, e.start, at));
        }
    }

    /** The rule was switched off in the profile: an open alarm clears now, counters are dropped. */
    static void switchedOff(UnitAlarmState s, Rule rule, Severity severity, Instant at, List<AlarmChange> out) {
        end(s, rule, severity, at, out);
        s.cumulativeMs(UnitAlarmState.key(rule, severity), 0);
    }

    static void peak(Episode e, Rule rule, Severity severity, double peak, List<AlarmChange> out) {
        e.peak = peak;
        if (e.raised) {
            out.add(new AlarmChange.PeakUpdated(rule, severity, e.start, peak));
        }
    }

    static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    static String oneDecimal(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Whole minutes, rounded down: "for 20 min" means at least 20 minutes. */
    static long minutes(long ms) {
        return ms / 60_000;
    }
}
