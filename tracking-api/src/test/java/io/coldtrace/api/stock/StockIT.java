package io.coldtrace.api.stock;

import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.events.LotChain;
import io.coldtrace.api.testing.TestApi;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stock and the early warning (issue 9 §5) on a hand-made stock history whose answers are known. At the origin site
 * (rooms r1, r2), 20 days ago B1 (1,500 kg) was packed into L1 600 kg (r1), L2 300 kg (r1), L3 200 kg (r2) and
 * L4 100 kg (r2); 12 days ago 420 kg of L1 were delivered (the only sale in the 14-day window: 30 kg a day); 8 days
 * ago L2 moved from r1 to r2 (not a sale). Remaining lives (the stored figures): L4 0.5 days, L3 5, L2 12, L1 30.
 * First-expiry-first-out at 30 kg a day: L4 clears in 3.3 days (85 kg at risk, urgent: under a day of life), L3 with
 * L4 ahead in 10 (150 kg at risk, warning), L2 in 20 (240 kg at risk, warning), L1 in 26 days against 30 of life
 * (watch: it clears within the last quarter), nothing of L1 at risk.
 */
class StockIT {
    private static final Instant T0 = Instant.now().minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.MINUTES);
    private static TestApi api;
    private static LotChain w;
    private static String operator;
    private static final Map<String, String> IDS = new HashMap<>();

    @BeforeAll
    static void start() {
        api = TestApi.start("stock");
        w = StockWorld.build(api, T0, IDS);
        operator = api.token(Role.OPERATOR, "st");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Map<String, JsonObject> byCode(JsonArray items) {
        Map<String, JsonObject> out = new HashMap<>();
        items.forEach(o -> out.put(((JsonObject) o).getString("code"), (JsonObject) o));
        return out;
    }

    @Test
    void theSiteStockIsAssessedFirstExpiryFirstOutAtTheRecentRate() {
        JsonObject stock = expect(api.http().get("/api/v1/stock?site=st-o&still_days=30", operator), 200);
        Map<String, JsonObject> lots = byCode(stock.getJsonArray("items"));
        assertThat(lots.keySet()).containsExactlyInAnyOrder("L1", "L2", "L3", "L4");
        assertThat(stock.getInteger("lots_on_hand")).isEqualTo(4);
        assertThat(lots.get("L1").getDouble("quantity")).isEqualTo(180.0);
        assertThat(lots.get("L2").getString("place_id")).isEqualTo("st-r2");
        // the move between rooms is no sale: 420 kg over 14 days
        JsonObject l4 = lots.get("L4").getJsonObject("warning");
        assertThat(l4.getDouble("rate_per_day")).isCloseTo(30.0, within(0.01));
        assertThat(l4.getString("grade")).isEqualTo("urgent");
        assertThat(l4.getDouble("at_risk")).isCloseTo(85.0, within(0.1));
        JsonObject l3 = lots.get("L3").getJsonObject("warning");
        assertThat(l3.getString("grade")).isEqualTo("warning");
        assertThat(l3.getDouble("clear_days")).isCloseTo(10.0, within(0.01));
        assertThat(l3.getDouble("at_risk")).isCloseTo(150.0, within(0.1));
        JsonObject l2 = lots.get("L2").getJsonObject("warning");
        assertThat(l2.getString("grade")).isEqualTo("warning");
        assertThat(l2.getDouble("at_risk")).isCloseTo(240.0, within(0.1));
        JsonObject l1 = lots.get("L1").getJsonObject("warning");
        assertThat(l1.getString("grade")).isEqualTo("watch");
        assertThat(l1.getDouble("at_risk")).isZero();
        assertThat(l1.getDouble("clear_days")).isCloseTo(26.0, within(0.01));
        assertThat(l3.getString("en")).contains("30 kg a day").contains("150 kg will not have sold");
        assertThat(l3.getString("zh")).contains("日均出库 30 kg").contains("150 kg 无法售出");
        JsonObject totals = stock.getJsonArray("products").getJsonObject(0);
        assertThat(totals.getDouble("quantity")).isEqualTo(780.0);
        assertThat(totals.getDouble("at_risk")).isCloseTo(475.0, within(0.3));
    }

    @Test
    void lotsThatHaveNotMovedForNDaysAreWarnedOfTooAndThePassRanksTheWorstFirst() {
        // N = 7: L3 (19 days still) is urgent, L1 (12 days since its delivery) a warning
        JsonObject pass = expect(api.http().get("/api/v1/stock/warnings?min_grade=warning", operator), 200);
        assertThat(pass.getInteger("lots_assessed")).isEqualTo(4);
        JsonArray items = pass.getJsonArray("items");
        assertThat(items.stream().map(o -> ((JsonObject) o).getString("code") + ":"
                + ((JsonObject) o).getJsonObject("warning").getString("grade")))
                .containsExactly("L3:urgent", "L4:urgent", "L2:warning", "L1:warning");
        assertThat(pass.getJsonObject("counts").getInteger("urgent")).isEqualTo(2);
        assertThat(pass.getJsonObject("counts").getInteger("watch")).isZero();
        // another organisation sees none of it
        new LotChain(api, "st2");
        assertThat(expect(api.http().get("/api/v1/stock/warnings", api.token(Role.QA, "st2")), 200)
                .getJsonArray("items")).isEmpty();
        assertThat(expect(api.http().get("/api/v1/stock?site=st-o", api.token(Role.QA, "st2")), 200)
                .getJsonArray("items")).isEmpty();
        assertError(api.http().get("/api/v1/stock", operator), 400, "site");
        assertError(api.http().get("/api/v1/stock/warnings?min_grade=bad", operator), 400, "min_grade");
    }

    @Test
    void buyersAreProposedForALotAtRiskWithTheirReasons() {
        JsonObject m = expect(api.http().get("/api/v1/stock/lots/" + IDS.get("L3") + "/buyers?site=st-o", operator),
                200);
        JsonArray proposals = m.getJsonArray("proposals");
        assertThat(proposals.stream().map(o -> ((JsonObject) o).getString("party_id")))
                .containsExactly("st-buyer", "st-canteen");
        JsonObject first = proposals.getJsonObject(0);
        // bought 420 kg of cabbage 12 days ago (40) and ~3 days of life on arrival after 2 days' travel (9)
        assertThat(first.getDouble("score")).isCloseTo(49.0, within(0.2));
        assertThat(first.getJsonArray("why").encode()).contains("bought 420 of cabbage");
        assertThat(proposals.getJsonObject(1).getJsonArray("why").encode()).contains("canteen");
        // a lot with half a day of life reaches no one in time
        assertThat(expect(api.http().get("/api/v1/stock/lots/" + IDS.get("L4") + "/buyers?site=st-o", operator), 200)
                .getJsonArray("proposals")).isEmpty();
        assertError(api.http().get("/api/v1/stock/lots/" + IDS.get("L3") + "/buyers?site=st-dc", operator), 404,
                null);
        assertError(api.http().get("/api/v1/stock/lots/not-a-lot/buyers?site=st-o", operator), 404, null);
        assertError(api.http().get("/api/v1/stock/lots/" + IDS.get("L3") + "/buyers", operator), 400, "site");
        assertError(api.http().get("/api/v1/stock?site=st-o&window_days=0", operator), 400, "window_days");
    }
}
