package io.coldtrace.api.genealogy;

import static io.coldtrace.api.events.LotChain.item;
import static io.coldtrace.api.events.LotChain.items;
import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.events.LotChain;
import io.coldtrace.api.testing.TestApi;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mass balance per lot over a pack, a split, a process that rounds its link quantities, a shipment, a partial
 * receipt, a delivery and a loss; then two faults written past the projection (a delivery hand-over without its
 * movement, a legacy movement without its source) are found, and only they.
 */
class MassBalanceIT {
    private static final Instant T0 = Instant.now().minus(Duration.ofDays(4)).truncatedTo(ChronoUnit.HOURS);
    private static TestApi api;
    private static String qa;

    @BeforeAll
    static void start() {
        api = TestApi.start("mass-balance");
        LotChain w = new LotChain(api, "bal");
        qa = api.token(Role.QA, "bal");
        w.harvest("B1", 100, h(0));
        w.pack("B1", 91, "L1", 91, "r1", h(1));
        w.post("transform", h(2), w.unit("r1"), new JsonObject().put("kind", "split")
                .put("inputs", items(item("L1", 91)))
                .put("outputs", items(w.output("A", 40), w.output("C", 30), w.output("D", 20), w.output("Q", 1))));
        // one kilo processed into three: each link carries 1/3 rounded to 0.333, so 0.001 is unaccounted for
        w.post("transform", h(3), w.unit("r1"), new JsonObject().put("kind", "process")
                .put("inputs", items(item("Q", 1)))
                .put("outputs", items(w.output("Q1", 1), w.output("Q2", 1), w.output("Q3", 1))));
        w.post("ship", h(4), w.unit("r1"), new JsonObject().put("to_party_id", "bal-buyer")
                .put("lots", items(item("A", 40))));
        w.post("receive", h(5), new JsonObject().put("site_id", "bal-dc").put("party_id", "bal-carrier"),
                new JsonObject().put("acceptance", "partial").put("handover_temp_c", 4.0)
                        .put("lots", items(item("A", 30).put("rejected_quantity", 10))));
        w.post("deliver", h(6), new JsonObject().put("party_id", "bal-buyer"), new JsonObject()
                .put("lots", items(item("A", 25).put("from_site_id", "bal-dc"))));
        w.post("loss", h(7), new JsonObject(), new JsonObject().put("reason", "damaged")
                .put("lots", items(item("A", 3).put("from_unit_id", "bal-r1"))));
        // past the projection: a delivery recorded without its movement (a projection bug) ...
        api.sql("""
                INSERT INTO lot_handover (org_id, lot_id, event_id, kind, at, party_id, quantity)
                VALUES ('bal', ?::uuid, gen_random_uuid(), 'deliver', ?::timestamptz, 'bal-buyer', 5)""",
                id("C"), h(8).toString());
        // ... and a legacy import's arrival with no departure
        api.sql("""
                INSERT INTO lot_movement (org_id, lot_id, event_id, at, place_kind, place_id, delta, reason)
                VALUES ('bal', ?::uuid, gen_random_uuid(), ?::timestamptz, 'site', 'bal-dc', 2, 'in')""",
                id("D"), h(8).toString());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Instant h(double hours) {
        return LotChain.after(T0, hours);
    }

    private static String id(String code) {
        return api.seeds().lotId("bal", code);
    }

    private static JsonObject balance(String code, String query) {
        return expect(api.http().get("/api/v1/lots/" + id(code) + "/mass-balance" + query, qa), 200);
    }

    private static String terms(JsonObject b) {
        return b.getString("code") + ": " + b.getValue("produced") + " = " + b.getValue("delivered") + " + "
                + b.getValue("transformed") + " + " + b.getValue("lost") + " + " + b.getValue("on_hand") + " "
                + b.getString("uom") + ", difference " + b.getValue("difference")
                + (b.getBoolean("balanced") ? " balanced" : " OUT");
    }

    private static List<String> faults(String query) {
        JsonObject page = expect(api.http().get("/api/v1/mass-balance/faults" + query, qa), 200);
        List<String> out = new ArrayList<>();
        page.getJsonArray("items").forEach(o -> out.add(terms((JsonObject) o)));
        return out;
    }

    @Test
    void everyLotOfTheChainBalancesTermByTerm() {
        assertThat(terms(balance("B1", ""))).isEqualTo("B1: 100 = 0 + 91 + 0 + 9 kg, difference 0 balanced");
        assertThat(terms(balance("L1", ""))).isEqualTo("L1: 91 = 0 + 91 + 0 + 0 kg, difference 0 balanced");
        // shipped 40 (still on hand), 30 accepted at the DC and 10 rejected (stay in room 1), 25 delivered, 3 lost
        assertThat(terms(balance("A", ""))).isEqualTo("A: 40 = 25 + 0 + 3 + 12 kg, difference 0 balanced");
        assertThat(terms(balance("Q1", ""))).isEqualTo("Q1: 1 = 0 + 0 + 0 + 1 kg, difference 0 balanced");
        JsonObject q = balance("Q", "");
        assertThat(terms(q)).isEqualTo("Q: 1 = 0 + 0.999 + 0 + 0 kg, difference 0.001 balanced");
        assertThat(q.getValue("tolerance")).hasToString("0.01");
        assertThat(terms(balance("Q", "?tolerance=0"))).endsWith("difference 0.001 OUT");
    }

    @Test
    void theFaultsWrittenPastTheProjectionAreListedAndNothingElse() {
        assertThat(terms(balance("C", ""))).isEqualTo("C: 30 = 5 + 0 + 0 + 30 kg, difference -5 OUT");
        assertThat(terms(balance("D", ""))).isEqualTo("D: 20 = 0 + 0 + 0 + 22 kg, difference -2 OUT");
        assertThat(faults("")).containsExactlyInAnyOrder("C: 30 = 5 + 0 + 0 + 30 kg, difference -5 OUT",
                "D: 20 = 0 + 0 + 0 + 22 kg, difference -2 OUT");
        assertThat(faults("?tolerance=0")).hasSize(3).anyMatch(f -> f.startsWith("Q: "));
        assertThat(faults("?tolerance=3")).containsExactly("C: 30 = 5 + 0 + 0 + 30 kg, difference -5 OUT");
        assertThat(faults("?tolerance=5")).isEmpty();
        // pages of one, in id order, through the cursor
        JsonObject first = expect(api.http().get("/api/v1/mass-balance/faults?limit=1", qa), 200);
        String cursor = first.getString("next_cursor");
        assertThat(cursor).isEqualTo(first.getJsonArray("items").getJsonObject(0).getString("lot_id"));
        JsonObject second = expect(api.http().get("/api/v1/mass-balance/faults?limit=1&cursor=" + cursor, qa), 200);
        assertThat(second.getJsonArray("items").getJsonObject(0).getString("lot_id")).isGreaterThan(cursor);
        JsonObject third = expect(api.http().get("/api/v1/mass-balance/faults?limit=1&cursor="
                + second.getString("next_cursor"), qa), 200);
        assertThat(third.getJsonArray("items")).isEmpty();
        assertThat(third.getString("next_cursor")).isNull();
    }

    @Test
    void badInputNamesItsFieldAndOtherOrganisationsSeeNothing() {
        assertError(api.http().get("/api/v1/mass-balance/faults?tolerance=-1", qa), 400, "tolerance");
        assertError(api.http().get("/api/v1/lots/" + id("A") + "/mass-balance?tolerance=lots", qa), 400,
                "tolerance");
        assertError(api.http().get("/api/v1/mass-balance/faults?cursor=nope", qa), 400, "cursor");
        assertThat(api.http().get("/api/v1/lots/" + java.util.UUID.randomUUID() + "/mass-balance", qa).statusCode())
                .isEqualTo(404);
        api.seeds().org("bal-rival", "Rival");
        String rival = api.token(Role.QA, "bal-rival");
        assertThat(api.http().get("/api/v1/lots/" + id("C") + "/mass-balance", rival).statusCode()).isEqualTo(404);
        assertThat(expect(api.http().get("/api/v1/mass-balance/faults", rival), 200).getJsonArray("items"))
                .isEmpty();
    }
}
