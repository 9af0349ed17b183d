package io.coldtrace.api.custody;

import static io.coldtrace.api.events.LotChain.item;
import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.events.LotChain;
import io.coldtrace.api.testing.Seeds;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.telemetry.Reading;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exposure (issue 8 §2): room r1 holds 3 °C but for an excursion to 11 °C from hour 30:10 to 30:50. L1 stayed
 * through it, L3 left halfway, L2 came after it, L4 was never in r1; each lot's dose is its own time in the room.
 */
class ExposureIT {
    private static final Instant T0 = Instant.now().minus(Duration.ofDays(4)).truncatedTo(ChronoUnit.HOURS);
    private static TestApi api;
    private static LotChain w;
    private static long alarm;
    private static List<Reading> readings;

    @BeforeAll
    static void start() {
        api = TestApi.start("exposure");
        w = new LotChain(api, "expo");
        Seeds.Device d = api.seeds().device("expo-d", "expo-o", 60);
        api.seeds().bind(d, "expo-r1", h(-1), null);
        readings = Seeds.every(h(-1), h(48), Duration.ofMinutes(1)).map(t -> Reading.at(t)
                .air(!t.isBefore(h(30 + 10 / 60.0)) && t.isBefore(h(30 + 50 / 60.0)) ? 11.0
                        : 3.0 + 0.5 * Math.sin(t.getEpochSecond() / 1800.0)).build()).toList();
        api.seeds().readings(d, readings);
        w.harvest("B1", 400, h(0));
        w.pack("B1", 100, "L1", 100, "r1", h(0));
        w.pack("B1", 100, "L2", 100, "r2", h(0));
        w.pack("B1", 100, "L3", 100, "r1", h(20));
        w.pack("B1", 100, "L4", 100, "r2", h(0));
        w.to("move", "r1", h(31), item("L2", 100));
        w.to("move", "r2", h(30.5), item("L3", 100));
        w.to("move", "r2", h(40), item("L1", 60));
        alarm = api.seeds().alarm("expo-r1", "high", "critical", h(30 + 10 / 60.0), h(30 + 50 / 60.0)).id();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Instant h(double hours) {
        return T0.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    private static Map<String, JsonObject> byCode(JsonObject answer) {
        Map<String, JsonObject> lots = new HashMap<>();
        answer.getJsonArray("lots").forEach(o -> lots.put(((JsonObject) o).getString("code"), (JsonObject) o));
        return lots;
    }

    private static JsonObject unit(Instant from, Instant to) {
        return expect(api.http().get("/api/v1/units/expo-r1/exposure?from=" + from + "&to=" + to,
                api.token(Role.QA, "expo")), 200);
    }

    @Test
    void eachLotInTheRoomGetsTheDoseOfItsOwnTimeThere() {
        JsonObject answer = unit(h(29), h(32));
        assertThat(answer.getString("source")).isEqualTo("raw");
        Map<String, JsonObject> lots = byCode(answer);
        assertThat(lots.keySet()).containsExactlyInAnyOrder("L1", "L2", "L3");
        JsonObject l1 = lots.get("L1").getJsonObject("dose");
        assertThat(l1.getDouble("minutes_above")).isCloseTo(40, within(0.01));
        assertThat(l1.getDouble("degree_minutes_above")).isCloseTo(40 * 3.0, within(0.1));
        assertThat(l1.getDouble("peak_c")).isCloseTo(11.0, within(0.001));
        assertThat(l1.getDouble("monitored_minutes")).isCloseTo(180, within(0.01));
        assertThat(l1.getDouble("mkt_c")).isCloseTo(mkt(h(29), h(32)), within(0.01));
        JsonObject l3 = lots.get("L3");
        assertThat(l3.getJsonArray("stays").getJsonObject(0).getString("to")).isEqualTo(h(30.5).toString());
        assertThat(l3.getJsonObject("dose").getDouble("minutes_above")).isCloseTo(20, within(0.01));
        assertThat(l3.getJsonObject("dose").getDouble("mkt_c")).isCloseTo(mkt(h(29), h(30.5)), within(0.01));
        JsonObject l2 = lots.get("L2");
        assertThat(l2.getDouble("minutes")).isCloseTo(60, within(0.01));
        assertThat(l2.getJsonObject("dose").getDouble("minutes_above")).isZero();
        assertThat(l2.getJsonObject("dose").getValue("peak_c")).isNull();
        assertThat(l2.getJsonObject("dose").getDouble("max_c")).isLessThan(3.6);
    }

    @Test
    void aLongWindowReadsTheRollupsAndFindsTheSameMinutesBeyondTheBand() {
        JsonObject answer = unit(h(0), h(47));
        assertThat(answer.getString("source")).isEqualTo("rollup");
        Map<String, JsonObject> lots = byCode(answer);
        assertThat(lots.keySet()).containsExactlyInAnyOrder("L1", "L2", "L3");
        // L1: 100 kg until hour 40, then 40 kg: two stays
        assertThat(lots.get("L1").getJsonArray("stays")).hasSize(2);
        assertThat(lots.get("L1").getJsonObject("dose").getDouble("minutes_above")).isCloseTo(40, within(0.01));
        assertThat(lots.get("L1").getJsonObject("dose").getDouble("mkt_c")).isCloseTo(mkt(h(0), h(47)),
                within(0.05));
        assertThat(lots.get("L3").getJsonObject("dose").getDouble("minutes_above")).isCloseTo(20, within(0.01));
        assertThat(lots.get("L2").getJsonObject("dose").getDouble("minutes_above")).isZero();
    }

    @Test
    void lotsInARoomNoDeviceWatchedHaveTimeThereButNoDose() {
        Map<String, JsonObject> lots = byCode(expect(api.http().get("/api/v1/units/expo-r2/exposure?from=" + h(0)
                + "&to=" + h(47), api.token(Role.QA, "expo")), 200));
        assertThat(lots.keySet()).containsExactlyInAnyOrder("L1", "L2", "L3", "L4");
        assertThat(lots.get("L4").getDouble("minutes")).isCloseTo(47 * 60, within(0.01));
        JsonObject dose = lots.get("L4").getJsonObject("dose");
        assertThat(dose.getDouble("monitored_minutes")).isZero();
        assertThat(dose.getValue("max_c")).isNull();
        assertThat(dose.getValue("mkt_c")).isNull();
    }

    @Test
    void anAlarmScopesTheWindowToTheExcursion() {
        JsonObject answer = expect(api.http().get("/api/v1/alarms/" + alarm + "/exposure",
                api.token(Role.QA, "expo")), 200);
        assertThat(answer.getString("from")).isEqualTo(h(30 + 10 / 60.0).toString());
        Map<String, JsonObject> lots = byCode(answer);
        assertThat(lots.keySet()).containsExactlyInAnyOrder("L1", "L3");
        assertThat(lots.get("L1").getJsonObject("dose").getDouble("minutes_above")).isCloseTo(40, within(0.01));
        assertThat(lots.get("L3").getJsonObject("dose").getDouble("minutes_above")).isCloseTo(20, within(0.01));
    }

    @Test
    void badWindowsAndStrangersAreRefused() {
        String qa = api.token(Role.QA, "expo");
        assertError(api.http().get("/api/v1/units/expo-r1/exposure?from=" + h(2) + "&to=" + h(1), qa), 400, "to");
        assertError(api.http().get("/api/v1/units/expo-r1/exposure?from=" + h(0) + "&to=" + h(24 * 40), qa), 400,
                "to");
        assertError(api.http().get("/api/v1/units/expo-r1/exposure?to=" + h(1), qa), 400, "from");
        expect(api.http().get("/api/v1/units/nope/exposure?from=" + h(0) + "&to=" + h(1), qa), 404);
        LotChain other = new LotChain(api, "expo2");
        expect(api.http().get("/api/v1/units/expo-r1/exposure?from=" + h(0) + "&to=" + h(1),
                api.token(Role.QA, other.org)), 404);
        expect(api.http().get("/api/v1/alarms/" + alarm + "/exposure", api.token(Role.QA, other.org)), 404);
        expect(api.http().get("/api/v1/units/expo-r1/exposure?from=" + h(0) + "&to=" + h(1),
                api.token(Role.OPERATOR, "expo")), 403);
    }

    /** MKT of the readings from {@code from} to {@code to}, each weighing its minute, computed here. */
    private static double mkt(Instant from, Instant to) {
        double sum = 0;
        int n = 0;
        for (Reading r : readings) {
            if (!r.ts().isBefore(from) && r.ts().isBefore(to)) {
                sum += Math.exp(-10_000 / (r.airC() + 273.15));
                n++;
            }
        }
        return 10_000 / -Math.log(sum / n) - 273.15;
    }
}
