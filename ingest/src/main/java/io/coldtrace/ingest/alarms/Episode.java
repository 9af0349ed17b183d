package io.coldtrace.ingest.alarms;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The evaluator's memory of one condition of one rule and severity, from its start until it clears, whether or not it
 * became an alarm yet. Mutable, owned by one {@link UnitAlarmState}; serialised field by field.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
final class Episode {
    /** Device time the condition started: the alarm's {@code started_at} once raised. */
    Instant start;
    /** Whether an alarm was raised for this episode (and not yet cleared). */
    boolean raised;
    /** Worst value since {@code start}. */
    Double peak;
    /** First reading of the current run back inside (by the hysteresis); null while not clearing. */
    Instant clearSince;
    /** Time counted towards the delay in this episode (suppressed time excluded). */
    long countedMs;
    /** Warning time suppressed by defrost/door context in this episode, at most the profile's cap. */
    long suppressedMs;
    /** Readings seen in this episode (sensor fault counts the readings without the probe). */
    int readings;

    Episode() {
    }

    static Episode startingAt(Instant start, Double value) {
        Episode e = new Episode();
        e.start = start;
        e.peak = value;
        e.readings = 1;
        return e;
    }
}
