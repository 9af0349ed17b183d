package io.coldtrace.api.profiles;

import io.coldtrace.api.http.Check;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.sites.Site;
import io.coldtrace.core.telemetry.ProbeRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The limits a unit is judged by, exactly the columns of table limit_profile (docs/alarms.md says what each means).
 * A null limit switches its rule off. Every field is validated here with a message naming it; {@code orgId} is null
 * on update (a profile never changes its organisation).
 */
public record LimitProfile(String id, String orgId, String name, String probe,
                           Double highWarnC, Double highCritC, Double lowWarnC, Double lowCritC,
                           int warnDelayS, int critDelayS, String delayMode, double hysteresisC, int clearDelayS,
                           Integer doorOpenMaxS, Integer offlineFactor, boolean suppressDefrost,
                           boolean suppressDoor, int suppressCapS, Double rateMaxCPerMin, Double batteryLowPct,
                           Integer escalateAfterS) {
    /** The writable columns after id and org_id, in the order of {@link #values()}. */
    static final List<String> COLUMNS = List.of("name", "probe", "high_warn_c", "high_crit_c", "low_warn_c",
            "low_crit_c", "warn_delay_s", "crit_delay_s", "delay_mode", "hysteresis_c", "clear_delay_s",
            "door_open_max_s", "offline_factor", "suppress_defrost", "suppress_door", "suppress_cap_s",
            "rate_max_c_per_min", "battery_low_pct", "escalate_after_s");
    static final Set<String> UPDATE_FIELDS = Set.copyOf(COLUMNS);
    static final Set<String> CREATE_FIELDS = with(COLUMNS, "id", "org_id");
    static final List<String> PROBES = ProbeRole.WIRES;
    static final List<String> DELAY_MODES = List.of("single", "cumulative");
    /** Plausible temperatures for a limit, in °C. */
    static final double MIN_C = -100;
    static final double MAX_C = 100;
    /** The longest delay or duration a profile may name: 7 days in seconds. */
    static final int MAX_S = 7 * 24 * 3600;

    public LimitProfile {
        Check.matches("id", id, Site.ID, Site.ID_RULE);
        Check.optText("org_id", orgId, 64);
        Check.text("name", name, 200);
        Check.oneOf("probe", probe, PROBES);
        Check.range("high_warn_c", highWarnC, MIN_C, MAX_C);
        Check.range("high_crit_c", highCritC, MIN_C, MAX_C);
        Check.range("low_warn_c", lowWarnC, MIN_C, MAX_C);
        Check.range("low_crit_c", lowCritC, MIN_C, MAX_C);
        if (highWarnC != null && highCritC != null && highWarnC > highCritC) {
            throw ClientError.invalid("high_crit_c", "high_crit_c must be at least high_warn_c (" + highWarnC
                    + "), was " + highCritC);
        }
        if (lowWarnC != null && lowCritC != null && lowWarnC < lowCritC) {
            throw ClientError.invalid("low_crit_c", "low_crit_c must be at most low_warn_c (" + lowWarnC
                    + "), was " + lowCritC);
        }
        if (lowWarnC != null && highWarnC != null && lowWarnC >= highWarnC) {
            throw ClientError.invalid("low_warn_c", "low_warn_c must be below high_warn_c (" + highWarnC
                    + "), was " + lowWarnC);
        }
        Check.range("warn_delay_s", warnDelayS, 0, MAX_S);
        Check.range("crit_delay_s", critDelayS, 0, MAX_S);
        Check.oneOf("delay_mode", delayMode, DELAY_MODES);
        Check.range("hysteresis_c", hysteresisC, 0.0, 20.0);
        Check.range("clear_delay_s", clearDelayS, 0, MAX_S);
        Check.range("door_open_max_s", doorOpenMaxS, 1, MAX_S);
        Check.range("offline_factor", offlineFactor, 2, 100);
        Check.range("suppress_cap_s", suppressCapS, 0, MAX_S);
        Check.range("rate_max_c_per_min", rateMaxCPerMin, 0.01, 100.0);
        Check.range("battery_low_pct", batteryLowPct, 0.0, 100.0);
        Check.range("escalate_after_s", escalateAfterS, 1, MAX_S);
    }

    /** A profile from a create (id and org_id in the body) or update (id from the path); absent = the default. */
    static LimitProfile from(JsonBody b, String pathId) {
        return new LimitProfile(pathId != null ? pathId : b.text("id", 64), b.optText("org_id", 64),
                b.text("name", 200), b.optText("probe", 16, "air"),
                b.optNumber("high_warn_c"), b.optNumber("high_crit_c"), b.optNumber("low_warn_c"),
                b.optNumber("low_crit_c"), b.optInt("warn_delay_s", 900), b.optInt("crit_delay_s", 300),
                b.optText("delay_mode", 16, "single"), defaulted(b.optNumber("hysteresis_c"), 0.5),
                b.optInt("clear_delay_s", 300), b.optInt("door_open_max_s"), b.optInt("offline_factor"),
                b.optBool("suppress_defrost", true), b.optBool("suppress_door", true),
                b.optInt("suppress_cap_s", 2700), b.optNumber("rate_max_c_per_min"),
                b.optNumber("battery_low_pct"), b.optInt("escalate_after_s"));
    }

    /** The same profile owned by {@code org}. */
    LimitProfile ownedBy(String org) {
        return new LimitProfile(id, org, name, probe, highWarnC, highCritC, lowWarnC, lowCritC, warnDelayS,
                critDelayS, delayMode, hysteresisC, clearDelayS, doorOpenMaxS, offlineFactor, suppressDefrost,
                suppressDoor, suppressCapS, rateMaxCPerMin, batteryLowPct, escalateAfterS);
    }

    /** Values of {@link #COLUMNS}, in order, for binding. */
    Object[] values() {
        return new Object[] {name, probe, highWarnC, highCritC, lowWarnC, lowCritC, warnDelayS, critDelayS,
            delayMode, hysteresisC, clearDelayS, doorOpenMaxS, offlineFactor, suppressDefrost, suppressDoor,
            suppressCapS, rateMaxCPerMin, batteryLowPct, escalateAfterS};
    }

    private static double defaulted(Double v, double def) {
        return v == null ? def : v;
    }

    private static Set<String> with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }
}
