package io.coldtrace.ingest.alarms;

import io.coldtrace.core.telemetry.Reading;
import java.util.List;

/** BATTERY_LOW warning: battery below the profile's threshold; clears at {@value #CLEAR_ABOVE_PCT} points above it. */
final class BatteryRule implements UnitRule {
    static final double CLEAR_ABOVE_PCT = 5.0;

    @Override
    public void evaluate(Profile p, UnitAlarmState s, Reading r, List<AlarmChange> out) {
        Double low = p.batteryLowPct();
        if (low == null) {
            Episodes.switchedOff(s, Rule.BATTERY_LOW, Severity.WARNING, r.ts(), out);
            return;
        }
        Double b = r.batteryPct();
        if (b == null) {
            return;
        }
        Episode e = Episodes.get(s, Rule.BATTERY_LOW, Severity.WARNING);
        if (e == null) {
            if (b < low) {
                e = Episodes.open(s, Rule.BATTERY_LOW, Severity.WARNING, r.ts(), b);
                Episodes.raise(e, Rule.BATTERY_LOW, Severity.WARNING, r.ts(), low,
                        "battery " + Episodes.oneDecimal(b) + " % below " + Episodes.oneDecimal(low) + " %", out);
            }
        } else if (b >= low + CLEAR_ABOVE_PCT) {
            Episodes.end(s, Rule.BATTERY_LOW, Severity.WARNING, r.ts(), out);
        } else if (b < e.peak) {
            Episodes.peak(e, Rule.BATTERY_LOW, Severity.WARNING, b, out);
        }
    }
}
