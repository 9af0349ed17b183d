package io.coldtrace.ingest.alarms;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.coldtrace.core.json.Json;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The alarm evaluator's mutable state for one unit (column {@code alarm_state.state}): device-time front, running
 * conditions with their delay counters, cumulative totals. Round-trips through {@link #toJson()} exactly, so
 * evaluation continues after a restart as if never interrupted. Not thread-safe: one unit is evaluated in order.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public final class UnitAlarmState {
    private Instant evaluatedTo;
    /** Last reading that carried the profile's probe (temperature limits measure intervals from it). */
    private Sample last;
    /** Reading the rate of change is measured from (at least 60 s before the one compared). */
    private Sample rateAnchor;
    /** Running conditions by {@link #key(Rule, Severity)}. */
    private final TreeMap<String, Episode> episodes = new TreeMap<>();
    /** Cumulative delay mode: counted time beyond the limit since the last resolve, by key. */
    private final TreeMap<String, Long> cumulativeMs = new TreeMap<>();

    private UnitAlarmState() {
    }

    /** State of a unit that was never evaluated. */
    public static UnitAlarmState initial() {
        return new UnitAlarmState();
    }

    /** Device-time front: the newest reading evaluated; null before the first reading. */
    public Instant evaluatedTo() {
        return evaluatedTo;
    }

    /** The state as JSON for {@code alarm_state.state}. */
    public String toJson() {
        try {
            return Json.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alarm state not serialisable", e);
        }
    }

    /** Reads what {@link #toJson()} wrote; IllegalArgumentException when it is not such a state. */
    public static UnitAlarmState fromJson(String json) {
        try {
            return Json.mapper().readValue(json, UnitAlarmState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an alarm state: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String toString() {
        return toJson();
    }

    static String key(Rule rule, Severity severity) {
        return rule.wire() + "/" + severity.wire();
    }

    void evaluatedTo(Instant ts) { evaluatedTo = ts; }
    Sample last() { return last; }
    void last(Sample s) { last = s; }
    Sample rateAnchor() { return rateAnchor; }
    void rateAnchor(Sample s) { rateAnchor = s; }
    Map<String, Episode> episodes() { return episodes; }

    long cumulativeMs(String key) {
        return cumulativeMs.getOrDefault(key, 0L);
    }

    void cumulativeMs(String key, long ms) {
        if (ms == 0) {
            cumulativeMs.remove(key);
        } else {
            cumulativeMs.put(key, ms);
        }
    }
}
