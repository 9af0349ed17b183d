package io.coldtrace.ingest.alarms;

import io.coldtrace.core.telemetry.Reading;
import java.util.List;

/** One rule family of the evaluator: looks at one new reading, updates its part of the state, reports changes. */
interface UnitRule {
    void evaluate(Profile profile, UnitAlarmState state, Reading reading, List<AlarmChange> out);
}
