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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Custody legs joined to bindings and readings in SQL: figures, verdicts, gaps, unmonitored time, shelf life. */
class CustodyIT {
    private static TestApi api;
    private static final Instant T0 = Instant.now().minus(Duration.ofDays(6)).truncatedTo(ChronoUnit.HOURS);

    @BeforeAll
    static void start() {
        api = TestApi.start("custody");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Instant h(double hours) {
        return T0.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    private static void constant(Seeds.Device d, Instant from, Instant to, Duration step, double c) {
        api.seeds().readings(d, Seeds.every(from, to, step).map(t -> Reading.at(t).air(c).build()).toList());
    }

    private static JsonObject custody(LotChain w, String lot) {
        String id = api.seeds().lotId(w.org, lot);
        return expect(api.http().get("/api/v1/lots/" + id + "/custody", api.token(Role.QA, w.org)), 200);
    }

    private static JsonObject leg(JsonObject custody, String lot, String place) {
        for (Object o : custody.getJsonArray("legs")) {
            JsonObject l = (JsonObject) o;
            if (l.getString("lot_code").equals(lot) && l.getJsonObject("place").getString("id").equals(place)) {
                return l;
            }
        }
        throw new AssertionError("no leg of " + lot + " at " + place + " in " + custody.encodePrettily());
    }

    @Test
    void theShelfLifeVectorOfDomainMdFromTheTemperaturesTheLotHad() {
        // 14 days at 0 °C, Q10 = 3: 2 days at 2 °C, 12 h at 10 °C, 1 day at 4 °C use 5.54 days; 8.46 remain at 0 °C
        LotChain w = new LotChain(api, "shelf");
        Seeds.Device r1 = api.seeds().device("shelf-d1", "shelf-o", 3600);
        Seeds.Device r2 = api.seeds().device("shelf-d2", "shelf-o", 3600);
        Seeds.Device d1 = api.seeds().device("shelf-d3", "shelf-dc", 3600);
        api.seeds().bind(r1, "shelf-r1", h(-1), null);
        api.seeds().bind(r2, "shelf-r2", h(-1), null);
        api.seeds().bind(d1, "shelf-d1", h(-1), null);
        constant(r1, h(-1), h(100), Duration.ofHours(1), 2.0);
        constant(r2, h(-1), h(100), Duration.ofHours(1), 10.0);
        constant(d1, h(-1), h(100), Duration.ofHours(1), 4.0);
        w.harvest("B1", 100, h(0));
        w.pack("B1", 100, "L1", 100, "r1", h(0));
        w.to("move", "r2", h(48), item("L1", 100));
        w.to("move", "d1", h(60), item("L1", 100));
        w.post("deliver", h(84), new JsonObject().put("party_id", "shelf-buyer"),
                new JsonObject().put("lots", LotChain.items(item("L1", 100))));

        JsonObject c = custody(w, "L1");
        JsonObject shelf = c.getJsonObject("shelf_life");
        assertThat(shelf.getDouble("used_fraction") * 14).isCloseTo(5.54, within(0.01));
        assertThat(shelf.getDouble("remaining_days")).isCloseTo(8.46, within(0.02));
        assertThat(shelf.getString("as_of")).isEqualTo(h(84).toString());
        assertThat(Instant.parse(shelf.getString("predicted_expiry")))
                .isCloseTo(h(84).plus(Duration.ofMinutes(Math.round(8.46 * 1440))), within(30, ChronoUnit.MINUTES));
        JsonObject hot = leg(c, "L1", "shelf-r2");
        assertThat(hot.getDouble("mkt_c")).isCloseTo(10.0, within(0.01));
        assertThat(hot.getDouble("above_minutes")).isEqualTo(720.0);
        assertThat(hot.getDouble("life_used") * 14).isCloseTo(1.5, within(0.01));
        assertThat(hot.getJsonObject("verdict").getString("en")).isEqualTo("above 8.0 °C for 12 h, peak 10.0 °C");
        assertThat(hot.getJsonObject("verdict").getString("zh")).isEqualTo("高于 8.0 °C 共 12 小时，最高 10.0 °C");
        JsonObject cold = leg(c, "L1", "shelf-r1");
        assertThat(cold.getJsonObject("verdict").getString("en")).isEqualTo("kept at 2.0 °C");
        assertThat(cold.getDouble("completeness")).isEqualTo(1.0);
        assertThat(cold.getLong("readings")).isEqualTo(48);

        // the figure read is kept for the lots list, which filters on it
        String qa = api.token(Role.QA, "shelf");
        JsonObject below9 = expect(api.http().get("/api/v1/lots?shelf_life_below_days=9", qa), 200);
        assertThat(below9.getJsonArray("items").getJsonObject(0).getJsonObject("shelf_life")
                .getDouble("remaining_days")).isEqualTo(8.5);
        assertThat(expect(api.http().get("/api/v1/lots?shelf_life_below_days=8", qa), 200).getInteger("count"))
                .isZero();
        assertError(api.http().get("/api/v1/lots?shelf_life_below_days=soon", qa), 400, "shelf_life_below_days");
    }

    @Test
    void theRefreshComputesTheShelfLifeOfLotsNobodyLookedAtAndLeavesLotsThatLeft() throws Exception {
        LotChain w = new LotChain(api, "fresh");
        w.harvest("B1", 10, h(0));
        w.pack("B1", 10, "L1", 10, "r1", h(1));
        String id = api.seeds().lotId("fresh", "L1");
        java.util.function.Function<String, String> row = column -> api.rows("SELECT " + column
                + "::text FROM lot_shelf_life WHERE lot_id = ?::uuid", id).get(0);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(api.db().url(), api.db().user(),
                api.db().password())) {
            refreshUntil(c, () -> api.number("SELECT count(*) FROM lot_shelf_life WHERE lot_id = ?::uuid", id) > 0);
            // no device in room 1: every hour since packing counted at the chilled band's 8 °C (Q10 3 from 0 °C)
            double hours = Duration.between(h(0), Instant.now()).toMinutes() / 60.0;
            double used = hours / 24 / (14 * Math.pow(3, -0.8));
            assertThat(Double.parseDouble(row.apply("used_fraction"))).isCloseTo(used, within(0.01));
            assertThat(row.apply("on_hand")).isEqualTo("true");

            // a stale figure of a lot on hand is recomputed; once the lot has left, it is no longer revisited
            api.sql("UPDATE lot_shelf_life SET computed_at = now() - interval '1 hour' WHERE lot_id = ?::uuid", id);
            w.post("deliver", h(2), new JsonObject().put("party_id", "fresh-buyer"),
                    new JsonObject().put("lots", LotChain.items(item("L1", 10))));
            refreshUntil(c, () -> row.apply("on_hand").equals("false"));
            String left = row.apply("computed_at");
            api.sql("UPDATE lot_shelf_life SET computed_at = now() - interval '1 hour' WHERE lot_id = ?::uuid", id);
            String stale = row.apply("computed_at");
            ShelfLifeRefresh.refresh(c, Instant.now(), Duration.ofSeconds(5));
            assertThat(row.apply("computed_at")).isEqualTo(stale).isNotEqualTo(left);
        }
    }

    /** Runs refresh rounds until {@code done} (each must refresh something), at most 50. */
    private static void refreshUntil(java.sql.Connection c, java.util.function.BooleanSupplier done)
            throws java.sql.SQLException {
        for (int i = 0; i < 50 && !done.getAsBoolean(); i++) {
            assertThat(ShelfLifeRefresh.refresh(c, Instant.now(), Duration.ofSeconds(5))).isPositive();
        }
        assertThat(done.getAsBoolean()).isTrue();
    }

    @Test
    void degreeMinutesMktAndAnExcursionWithTheAlarmOfThatUnit() {
        LotChain w = new LotChain(api, "dose");
        Seeds.Device d = api.seeds().device("dose-d2", "dose-o", 600);
        api.seeds().bind(d, "dose-r2", h(-1), null);
        double[] vector = {7.5, 8.2, 9.0, 10.1, 9.4, 8.6, 7.9};
        List<Reading> readings = new java.util.ArrayList<>();
        for (int i = 0; i < vector.length; i++) {
            readings.add(Reading.at(h(3).plus(Duration.ofMinutes(10L * i))).air(vector[i]).build());
        }
        api.seeds().readings(d, readings);
        api.seeds().alarm("dose-r2", "high", "warning", h(3.2), h(3.9));
        w.harvest("B1", 100, h(0));
        w.pack("B1", 100, "L1", 100, "pc", h(1));
        w.to("store_in", "r2", h(3), item("L1", 100));
        w.to("move", "r1", h(3).plus(Duration.ofMinutes(70)), item("L1", 100));

        JsonObject leg = leg(custody(w, "L1"), "L1", "dose-r2");
        // domain.md §4: 10-min readings against L = 8 °C give 53 °C·min
        assertThat(leg.getDouble("degree_minutes_above")).isCloseTo(53.0, within(0.01));
        assertThat(leg.getDouble("above_minutes")).isEqualTo(50.0);
        assertThat(leg.getDouble("max_c")).isCloseTo(10.1, within(0.001));
        assertThat(leg.getDouble("min_c")).isCloseTo(7.5, within(0.001));
        JsonArray excursions = leg.getJsonArray("excursions");
        assertThat(excursions).hasSize(1);
        assertThat(excursions.getJsonObject(0).getDouble("peak_c")).isCloseTo(10.1, within(0.001));
        assertThat(excursions.getJsonObject(0).getDouble("minutes")).isEqualTo(50.0);
        assertThat(leg.getJsonArray("alarms")).hasSize(1);
        assertThat(leg.getJsonObject("verdict").getString("en")).isEqualTo("above 8.0 °C for 50 min, peak 10.1 °C");
        // the plot and the pre-cooler had no device: not monitored, never "OK"
        JsonObject c = custody(w, "L1");
        JsonObject pc = leg(c, "L1", "dose-pc");
        assertThat(pc.getBoolean("monitored")).isFalse();
        assertThat(pc.getJsonObject("verdict").getString("en")).isEqualTo("not monitored for 2 h");
        assertThat(pc.getJsonObject("verdict").getString("status")).isEqualTo("unmonitored");
    }

    @Test
    void aDeviceMovedBetweenRoomsCountsOnlyWhereItWasAndALotSplitAcrossTwoRoomsHasALegInEach() {
        LotChain w = new LotChain(api, "moved");
        Seeds.Device d = api.seeds().device("moved-d", "moved-o", 600);
        // in room 1 until 10:00, then in room 2 (which is warm); room 1 has no device after 10:00
        api.seeds().bind(d, "moved-r1", h(0), h(10));
        api.seeds().bind(d, "moved-r2", h(10), null);
        constant(d, h(0), h(10), Duration.ofMinutes(10), 3.0);
        constant(d, h(10), h(20), Duration.ofMinutes(10), 9.0);
        w.harvest("B1", 800, h(0));
        w.pack("B1", 800, "L1", 800, "pc", h(1));
        w.to("store_in", "r1", h(4), item("L1", 500));
        w.to("store_in", "r2", h(4), item("L1", 300).put("from_unit_id", "moved-pc"));
        w.to("load", "t1", h(16), item("L1", 500).put("from_unit_id", "moved-r1"));

        JsonObject c = custody(w, "L1");
        JsonObject r1 = leg(c, "L1", "moved-r1");
        assertThat(r1.getString("quantity")).isEqualTo("500");
        assertThat(r1.getDouble("max_c")).isEqualTo(3.0);
        assertThat(r1.getDouble("unmonitored_minutes")).isEqualTo(360.0);
        assertThat(r1.getJsonObject("verdict").getString("en")).isEqualTo("kept at 3.0 °C; no data for 6 h");
        assertThat(r1.getJsonObject("verdict").getString("status")).isEqualTo("partial");
        JsonObject r2 = leg(c, "L1", "moved-r2");
        assertThat(r2.getString("quantity")).isEqualTo("300");
        assertThat(r2.getBoolean("open")).isTrue();
        // readings before the device was bound to room 2 are room 1's, not room 2's
        assertThat(r2.getDouble("min_c")).isEqualTo(9.0);
        assertThat(r2.getDouble("unmonitored_minutes")).isEqualTo(360.0);
        // unbound time is unmonitored, not a gap; the device went quiet after 20:00 and that is a gap until now
        assertThat(r2.getJsonArray("gaps").getJsonObject(0).getString("from")).isEqualTo(h(20).toString());
        assertThat(r2.getJsonObject("verdict").getString("en")).startsWith("above 8.0 °C for 10 h, peak 9.0 °C; "
                + "no data for");
        // the truck leg is open and unmonitored
        assertThat(leg(c, "L1", "moved-t1").getBoolean("monitored")).isFalse();
    }

    @Test
    void aUnitWatchedByItsProductProbeIsJudgedByThatProbeOnRawAndRollupLegs() {
        LotChain w = new LotChain(api, "probe");
        api.seeds().profile("probe-pp", "probe", "product probe", "product", null, null, 5.0, null);
        api.sql("UPDATE unit SET profile_id = 'probe-pp' WHERE id IN ('probe-r1', 'probe-r2')");
        Seeds.Device d1 = api.seeds().device("probe-d1", "probe-o", 600);
        Seeds.Device d2 = api.seeds().device("probe-d2", "probe-o", 600);
        api.seeds().bind(d1, "probe-r1", h(0), null);
        api.seeds().bind(d2, "probe-r2", h(0), null);
        // the air is cold and steady; the product probe reads 5 °C with half an hour at 9 °C in room 1
        api.seeds().readings(d1, Seeds.every(h(0), h(12), Duration.ofMinutes(10)).map(t -> Reading.at(t).air(2.0)
                .product(!t.isBefore(h(6)) && t.isBefore(h(6.5)) ? 9.0 : 5.0).build()).toList());
        api.seeds().readings(d2, Seeds.every(h(10), h(14), Duration.ofMinutes(10))
                .map(t -> Reading.at(t).air(1.0).product(4.0).build()).toList());
        w.harvest("B1", 100, h(0));
        w.pack("B1", 100, "L1", 100, "pc", h(1));
        w.to("store_in", "r1", h(2), item("L1", 100));
        w.to("move", "r2", h(11), item("L1", 100));
        w.to("load", "t1", h(13), item("L1", 100));

        JsonObject c = custody(w, "L1");
        // nine hours in room 1: read from the rollups (whole in-band hours from the hour rollup)
        JsonObject r1 = leg(c, "L1", "probe-r1");
        assertThat(r1.getString("source")).isEqualTo("rollup");
        assertThat(r1.getDouble("min_c")).isEqualTo(5.0);
        assertThat(r1.getDouble("max_c")).isEqualTo(9.0);
        assertThat(r1.getDouble("above_minutes")).isEqualTo(30.0);
        // 54 readings of ten minutes: three at 9 °C, the rest at 5 °C
        assertThat(r1.getDouble("mean_c")).isCloseTo((3 * 9.0 + 51 * 5.0) / 54, within(0.01));
        // two hours in room 2: read raw
        JsonObject r2 = leg(c, "L1", "probe-r2");
        assertThat(r2.getString("source")).isEqualTo("raw");
        assertThat(r2.getDouble("mean_c")).isEqualTo(4.0);
        assertThat(r2.getDouble("max_c")).isEqualTo(4.0);
    }

    @Test
    void anotherOrganisationsLotIs404() {
        LotChain w = new LotChain(api, "mine");
        w.harvest("B1", 10, h(0));
        w.pack("B1", 10, "L1", 10, "pc", h(1));
        String id = api.seeds().lotId("mine", "L1");
        api.seeds().org("theirs", "Theirs Ltd");
        assertError(api.http().get("/api/v1/lots/" + id + "/custody", api.token(Role.QA, "theirs")), 404, null);
        assertError(api.http().get("/api/v1/lots/not-a-uuid/custody", api.token(Role.QA, "mine")), 404, null);
    }
}
