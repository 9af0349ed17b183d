package io.coldtrace.ingest.alarms;

import io.coldtrace.core.telemetry.Reading;
import java.util.List;

/**
 * DOOR_OPEN warning: the door reported open continuously (from the first reading reporting it open) for at least
 * the profile's maximum; clears at the first reading reporting it closed. A reading without the door channel
 * changes nothing.
 */
final class DoorRule implements UnitRule {

    @Override
    public void evaluate(Profile p, UnitAlarmState s, Reading r, List<AlarmChange> out) {
        if (p.doorOpenMax() == null) {
            Episodes.switchedOff(s, Rule.DOOR_OPEN, Severity.WARNING, r.ts(), out);
            return;
        }
        if (r.doorOpen() == null) {
            return;
        }
        Episode e = Episodes.get(s, Rule.DOOR_OPEN, Severity.WARNING);
        if (!r.doorOpen()) {
            Episodes.end(s, Rule.DOOR_OPEN, Severity.WARNING, r.ts(), out);
            return;
        }
        if (e == null) {
            e = Episodes.open(s, Rule.DOOR_OPEN, Severity.WARNING, r.ts(), null);
        } else {
            e.readings++;
        }
        long openMs = Episodes.millis(e.start, r.ts());
        if (!e.raised && openMs >= p.doorOpenMax().toMillis()) {
            double limitMin = p.doorOpenMax().toMillis() / 60_000.0;
            e.peak = openMs / 60_000.0;
            Episodes.raise(e, Rule.DOOR_OPEN, Severity.WARNING, r.ts(), limitMin,
                    "door open for " + Episodes.minutes(openMs) + " min (max " + Episodes.oneDecimal(limitMin)
                            + " min)", out);
        }
    }
}
