package io.coldtrace.ingest.alarms;

import io.coldtrace.core.telemetry.Reading;
import java.util.List;

/**
 * RATE_OF_CHANGE warning: the probe changed faster than the profile's °C/min between a reading and the anchor, the
 * last compared reading at least {@value #MIN_GAP_S} s earlier (so 10 s loggers are judged over a minute, not over
 * their noise). The episode starts at the anchor and is raised at once; it clears when the rate stayed within the
 * limit for the clear delay. The peak is the fastest rate.
 */
final class RateRule implements UnitRule {
    static final long MIN_GAP_S = 60;

    @Override
    public void evaluate(Profile p, UnitAlarmState s, Reading r, List<AlarmChange> out) {
        Double v = p.probeValue(r);
        if (p.rateMaxCPerMin() == null) {
            Episodes.switchedOff(s, Rule.RATE_OF_CHANGE, Severity.WARNING, r.ts(), out);
        }
        if (v == null) {
            return;
        }
        Sample anchor = s.rateAnchor();
        if (anchor != null && Episodes.millis(anchor.ts(), r.ts()) < MIN_GAP_S * 1000) {
            return;
        }
        s.rateAnchor(new Sample(r.ts(), v, false, false));
        if (anchor == null || p.rateMaxCPerMin() == null) {
            return;
        }
        double rate = Math.abs(v - anchor.value()) / (Episodes.millis(anchor.ts(), r.ts()) / 60_000.0);
        Episode e = Episodes.get(s, Rule.RATE_OF_CHANGE, Severity.WARNING);
        if (rate > p.rateMaxCPerMin()) {
            if (e == null) {
                e = Episodes.open(s, Rule.RATE_OF_CHANGE, Severity.WARNING, anchor.ts(), rate);
                Episodes.raise(e, Rule.RATE_OF_CHANGE, Severity.WARNING, r.ts(), p.rateMaxCPerMin(),
                        p.probe().wire() + " changing " + Episodes.oneDecimal(rate) + " °C/min, faster than "
                                + Episodes.oneDecimal(p.rateMaxCPerMin()) + " °C/min", out);
            } else {
                e.clearSince = null;
                e.readings++;
                if (rate > e.peak) {
                    Episodes.peak(e, Rule.RATE_OF_CHANGE, Severity.WARNING, rate, out);
                }
            }
        } else if (e != null) {
            if (e.clearSince == null) {
                e.clearSince = r.ts();
            }
            if (Episodes.millis(e.clearSince, r.ts()) >= p.clearDelay().toMillis()) {
                Episodes.end(s, Rule.RATE_OF_CHANGE, Severity.WARNING, r.ts(), out);
            }
        }
    }
}
