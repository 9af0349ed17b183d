package io.coldtrace.api.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A limit profile validates every field with a message naming it, and defaults what is absent as the table does. */
class LimitProfileTest {
    private static JsonObject minimal() {
        return new JsonObject().put("id", "chilled-1").put("org_id", "acme").put("name", "Chilled");
    }

    private static LimitProfile parse(JsonObject json) {
        return LimitProfile.from(JsonBody.of(json, LimitProfile.CREATE_FIELDS), null);
    }

    @Test
    void absentFieldsTakeTheTableDefaults() {
        LimitProfile p = parse(minimal());
        assertThat(p.probe()).isEqualTo("air");
        assertThat(p.warnDelayS()).isEqualTo(900);
        assertThat(p.critDelayS()).isEqualTo(300);
        assertThat(p.delayMode()).isEqualTo("single");
        assertThat(p.hysteresisC()).isEqualTo(0.5);
        assertThat(p.clearDelayS()).isEqualTo(300);
        assertThat(p.suppressDefrost()).isTrue();
        assertThat(p.suppressDoor()).isTrue();
        assertThat(p.suppressCapS()).isEqualTo(2700);
        assertThat(p.highWarnC()).isNull();
        assertThat(p.offlineFactor()).isNull();
    }

    @Test
    void everyColumnIsReadFromItsField() {
        LimitProfile p = parse(minimal().put("probe", "product").put("high_warn_c", 5).put("high_crit_c", 8)
                .put("low_warn_c", 0).put("low_crit_c", -1.5).put("warn_delay_s", 600).put("crit_delay_s", 120)
                .put("delay_mode", "cumulative").put("hysteresis_c", 1).put("clear_delay_s", 60)
                .put("door_open_max_s", 300).put("offline_factor", 3).put("suppress_defrost", false)
                .put("suppress_door", false).put("suppress_cap_s", 0).put("rate_max_c_per_min", 0.5)
                .put("battery_low_pct", 20).put("escalate_after_s", 1800));
        assertThat(p.values()).containsExactly("Chilled", "product", 5.0, 8.0, 0.0, -1.5, 600, 120, "cumulative",
                1.0, 60, 300, 3, false, false, 0, 0.5, 20.0, 1800);
        assertThat(LimitProfile.COLUMNS).hasSize(p.values().length);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "id|\"-starts-badly\"|id must be 1..64",
        "name|\"\"|name must be 1..200",
        "probe|\"core\"|probe must be one of air, return, supply, product",
        "high_warn_c|101|high_warn_c must be within -100.0..100.0",
        "high_crit_c|\"hot\"|high_crit_c must be a number",
        "low_warn_c|-100.5|low_warn_c must be within",
        "low_crit_c|true|low_crit_c must be a number",
        "warn_delay_s|-1|warn_delay_s must be within 0..604800",
        "crit_delay_s|1.5|crit_delay_s must be a whole number",
        "delay_mode|\"rolling\"|delay_mode must be one of single, cumulative",
        "hysteresis_c|-0.1|hysteresis_c must be within 0.0..20.0",
        "clear_delay_s|604801|clear_delay_s must be within",
        "door_open_max_s|0|door_open_max_s must be within 1..",
        "offline_factor|1|offline_factor must be within 2..100",
        "offline_factor|101|offline_factor must be within 2..100",
        "suppress_defrost|\"yes\"|suppress_defrost must be true or false",
        "suppress_door|1|suppress_door must be true or false",
        "suppress_cap_s|-5|suppress_cap_s must be within",
        "rate_max_c_per_min|0|rate_max_c_per_min must be within 0.01..100.0",
        "battery_low_pct|100.5|battery_low_pct must be within 0.0..100.0",
        "escalate_after_s|0|escalate_after_s must be within 1..",
        "unknown_field|1|unknown field unknown_field"})
    void eachBadFieldIsNamedWithAPreciseMessage(String field, String json, String message) {
        JsonObject body = minimal().put(field, new JsonObject("{\"v\":" + json + "}").getValue("v"));
        ClientError e = catchThrowableOfType(ClientError.class, () -> parse(body));
        assertThat(e).as("%s=%s is rejected", field, json).isNotNull();
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).contains(message);
    }

    @ParameterizedTest
    @CsvSource({
        "high_warn_c, 8, high_crit_c, 5, high_crit_c, high_crit_c must be at least high_warn_c",
        "low_warn_c, -5, low_crit_c, -2, low_crit_c, low_crit_c must be at most low_warn_c",
        "low_warn_c, 5, high_warn_c, 5, low_warn_c, low_warn_c must be below high_warn_c"})
    void limitsMustBeOrdered(String f1, double v1, String f2, double v2, String field, String message) {
        ClientError e = catchThrowableOfType(ClientError.class, () -> parse(minimal().put(f1, v1).put(f2, v2)));
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).contains(message);
    }

    @Test
    void nameIsRequired() {
        JsonObject body = minimal();
        body.remove("name");
        ClientError e = catchThrowableOfType(ClientError.class, () -> parse(body));
        assertThat(e.field()).isEqualTo("name");
        assertThat(e.getMessage()).isEqualTo("name is required");
    }
}
