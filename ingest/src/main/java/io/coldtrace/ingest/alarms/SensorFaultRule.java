package io.coldtrace.ingest.alarms;

import io.coldtrace.core.telemetry.Reading;
import java.util.List;

/**
 * SENSOR_FAULT warning: {@value #MISSING_READINGS} consecutive readings without the profile's probe while the device
 * keeps reporting. Starts at the first reading without it, is raised at the third, clears at the next reading with it.
 */
final class SensorFaultRule implements UnitRule {
    static final int MISSING_READINGS = 3;

    @Override
    public void evaluate(Profile p, UnitAlarmState s, Reading r, List<AlarmChange> out) {
        if (p.probeValue(r) != null) {
            Episodes.end(s, Rule.SENSOR_FAULT, Severity.WARNING, r.ts(), out);
            return;
        }
        Episode e = Episodes.get(s, Rule.SENSOR_FAULT, Severity.WARNING);
        if (e == null) {
            e = Episodes.open(s, Rule.SENSOR_FAULT, Severity.WARNING, r.ts(), null);
        } else {
            e.readings++;
        }
        if (!e.raised && e.readings >= MISSING_READINGS) {
            Episodes.raise(e, Rule.SENSOR_FAULT, Severity.WARNING, r.ts(), null,
                    p.probe().wire() + " probe missing in " + e.readings + " consecutive readings", out);
        }
    }
}
