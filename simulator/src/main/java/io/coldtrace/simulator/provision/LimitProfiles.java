package io.coldtrace.simulator.provision;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coldtrace.core.json.Json;
import io.coldtrace.simulator.physics.TemperatureClass;

/**
 * The limit profiles an operator would give the simulated units, one per temperature class and judged probe (cold
 * rooms by their air probe, reefer compartments by return air, which is what their loggers report).
 */
final class LimitProfiles {
    static final int WARN_DELAY_S = 15 * 60;
    static final int CRIT_DELAY_S = 30 * 60;
    /**
     * A profile has one critical delay for both directions. Chilled goods freeze within minutes below −1 °C, so the
     * chilled profile takes the shorter low-critical delay (10 min) for its high-critical limit too.
     */
    static final int CHILLED_CRIT_DELAY_S = 10 * 60;

    private LimitProfiles() {
    }

    /** The profile id of a class and probe in an organisation, e.g. {@code demo-chilled-room}. */
    static String id(String orgId, TemperatureClass cls, Probe probe) {
        return orgId + "-" + label(cls) + "-" + probe.suffix;
    }

    /** The temperature class as tracking-api spells it ({@code unit.temp_class}). */
    static String label(TemperatureClass cls) {
        return cls.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Which probe the rules judge, by kind of unit. */
    enum Probe {
        AIR("air", "room", "冷库 cold rooms, air probe"),
        RETURN("return", "reefer", "冷藏车厢 reefer compartments, return air");

        final String api;
        final String suffix;
        final String label;

        Probe(String api, String suffix, String label) {
            this.api = api;
            this.suffix = suffix;
            this.label = label;
        }
    }

    /** The body of {@code POST /api/v1/profiles}; limits a class does not use are sent as null (rule off). */
    static ObjectNode body(String orgId, TemperatureClass cls, Probe probe) {
        ObjectNode p = Json.mapper().createObjectNode()
                .put("id", id(orgId, cls, probe))
                .put("org_id", orgId);
        switch (cls) {
            case FROZEN -> p.put("name", "冷冻 ≤ −18 °C Frozen (" + probe.label + ")")
                    .put("high_warn_c", -15.0).put("high_crit_c", -12.0).putNull("low_warn_c").putNull("low_crit_c")
                    .put("warn_delay_s", WARN_DELAY_S).put("crit_delay_s", CRIT_DELAY_S);
            case CHILLED -> p.put("name", "冷藏 0–4 °C Chilled (" + probe.label + ")")
                    .put("high_warn_c", 8.0).put("high_crit_c", 10.0).put("low_warn_c", 0.0).put("low_crit_c", -1.0)
                    .put("warn_delay_s", WARN_DELAY_S).put("crit_delay_s", CHILLED_CRIT_DELAY_S);
            case COOL -> p.put("name", "恒温 12–14 °C Cool (" + probe.label + ")")
                    .put("high_warn_c", 16.0).put("high_crit_c", 18.0).put("low_warn_c", 11.0).put("low_crit_c", 10.0)
                    .put("warn_delay_s", WARN_DELAY_S).put("crit_delay_s", CRIT_DELAY_S);
            default -> throw new IllegalArgumentException("no profile for " + cls);
        }
        return p.put("probe", probe.api)
                .put("door_open_max_s", 900)
                .put("offline_factor", 5)
                .put("battery_low_pct", 15.0)
                .put("escalate_after_s", 1800);
    }
}
