package io.coldtrace.api.profiles;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A stored limit profile, as the API shows it. Not a {@link LimitProfile}: that one validates what a caller writes,
 * while a stored row is shown as it is, even one written before a rule was tightened.
 */
public record ProfileRow(String id, String orgId, String name, String probe,
                         Double highWarnC, Double highCritC, Double lowWarnC, Double lowCritC,
                         int warnDelayS, int critDelayS, String delayMode, double hysteresisC, int clearDelayS,
                         Integer doorOpenMaxS, Integer offlineFactor, boolean suppressDefrost,
                         boolean suppressDoor, int suppressCapS, Double rateMaxCPerMin, Double batteryLowPct,
                         Integer escalateAfterS, Instant createdAt) {
    /** The columns {@link #MAPPER} reads, for a query over {@code limit_profile p}. */
    static final String COLUMNS = """
            p.id, p.org_id, p.name, p.probe, p.high_warn_c, p.high_crit_c, p.low_warn_c, p.low_crit_c,
            p.warn_delay_s, p.crit_delay_s, p.delay_mode, p.hysteresis_c, p.clear_delay_s, p.door_open_max_s,
            p.offline_factor, p.suppress_defrost, p.suppress_door, p.suppress_cap_s, p.rate_max_c_per_min,
            p.battery_low_pct, p.escalate_after_s, p.created_at""";

    // the limits are real columns: Rows.real shows 3.3 as written, not 3.299999952
    static final RowMapper<ProfileRow> MAPPER = rs -> new ProfileRow(rs.getString("id"), rs.getString("org_id"),
            rs.getString("name"), rs.getString("probe"), Rows.real(rs, "high_warn_c"),
            Rows.real(rs, "high_crit_c"), Rows.real(rs, "low_warn_c"), Rows.real(rs, "low_crit_c"),
            rs.getInt("warn_delay_s"), rs.getInt("crit_delay_s"), rs.getString("delay_mode"),
            Rows.real(rs, "hysteresis_c"), rs.getInt("clear_delay_s"), Rows.integer(rs, "door_open_max_s"),
            Rows.integer(rs, "offline_factor"), rs.getBoolean("suppress_defrost"), rs.getBoolean("suppress_door"),
            rs.getInt("suppress_cap_s"), Rows.real(rs, "rate_max_c_per_min"), Rows.real(rs, "battery_low_pct"),
            Rows.integer(rs, "escalate_after_s"), Rows.instant(rs, "created_at"));

    /** The JSON of the API: the keys are the column names. */
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("org_id", orgId).put("name", name).put("probe", probe)
                .put("high_warn_c", highWarnC).put("high_crit_c", highCritC).put("low_warn_c", lowWarnC)
                .put("low_crit_c", lowCritC).put("warn_delay_s", warnDelayS).put("crit_delay_s", critDelayS)
                .put("delay_mode", delayMode).put("hysteresis_c", hysteresisC).put("clear_delay_s", clearDelayS)
                .put("door_open_max_s", doorOpenMaxS).put("offline_factor", offlineFactor)
                .put("suppress_defrost", suppressDefrost).put("suppress_door", suppressDoor)
                .put("suppress_cap_s", suppressCapS).put("rate_max_c_per_min", rateMaxCPerMin)
                .put("battery_low_pct", batteryLowPct).put("escalate_after_s", escalateAfterS)
                .put("created_at", Rows.iso(createdAt));
    }
}
