package io.coldtrace.api.recall;

import static io.coldtrace.api.events.LotChain.item;
import static io.coldtrace.api.events.LotChain.items;
import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.events.LotChain;
import io.coldtrace.api.testing.TestApi;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recall cases (issue 8 §3) over a small chain: batch B1 packed into L1 (room r1) and L2 (room r2); L1 split into S1
 * and S2; S1 shipped and delivered to buyer, S2 delivered in part to buyer2, L2 delivered in part to buyer3. A case
 * from L1 reaches L1, S1, S2 and buyer and buyer2 only; it holds S1, S2 (and L1) until released.
 */
class RecallIT {
    private static final Instant T0 = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
    private static TestApi api;
    private static LotChain w;
    private static String qa;
    private static long alarm;

    @BeforeAll
    static void start() {
        api = TestApi.start("recall");
        w = new LotChain(api, "rec");
        api.seeds().party("rec-buyer2", "rec", "buyer", "500103");
        api.seeds().party("rec-buyer3", "rec", "buyer", "500103");
        api.seeds().webhook("rec", "http://127.0.0.1:9/hook", "0123456789abcdef");
        qa = api.token(Role.QA, "rec");
        w.harvest("B1", 1000, h(0));
        w.pack("B1", 400, "L1", 400, "r1", h(1));
        w.pack("B1", 400, "L2", 400, "r2", h(1));
        w.post("transform", h(2), w.unit("r1"), new JsonObject().put("kind", "split")
                .put("inputs", items(item("L1", 400))).put("outputs", items(w.output("S1", 150), w.output("S2", 250))));
        w.post("ship", h(3), w.unit("r1"), new JsonObject().put("to_party_id", "rec-buyer")
                .put("lots", items(item("S1", 150))));
        deliver("rec-buyer", h(4), item("S1", 150));
        deliver("rec-buyer2", h(4), item("S2", 100));
        deliver("rec-buyer3", h(4), item("L2", 100));
        alarm = api.seeds().alarm("rec-r1", "high", "critical", h(1.5), h(1.75)).id();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Instant h(double hours) {
        return LotChain.after(T0, hours);
    }

    private static JsonObject deliver(String buyer, Instant at, JsonObject lot) {
        return w.post("deliver", at, new JsonObject().put("party_id", buyer), new JsonObject().put("lots", items(lot)));
    }

    private static io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> open(JsonObject body) {
        return api.http().post("/api/v1/recalls", qa, body);
    }

    private static Set<String> codes(JsonObject scope) {
        Set<String> out = new TreeSet<>();
        scope.getJsonArray("lots").forEach(l -> out.add(((JsonObject) l).getString("code")));
        return out;
    }

    private static Set<String> buyers(JsonObject scope) {
        Set<String> out = new TreeSet<>();
        scope.getJsonArray("buyers").forEach(b -> out.add(((JsonObject) b).getString("party_id")));
        return out;
    }

    @Test
    void aRecallFromSeedLotsReachesDerivedLotsAndTheRightBuyersHoldsThemAndReleases() {
        JsonObject k = expect(open(new JsonObject().put("lots", new JsonArray().add("L1")).put("reason",
                "residue test failed")), 201);
        String id = k.getString("id");
        JsonObject scope = k.getJsonObject("scope");
        assertThat(codes(scope)).containsExactly("L1", "S1", "S2");
        assertThat(buyers(scope)).containsExactly("rec-buyer", "rec-buyer2");
        JsonObject b1 = scope.getJsonArray("buyers").getJsonObject(0);
        assertThat(b1.getString("party_id")).isEqualTo("rec-buyer");
        // shipped then delivered: what the buyer got is the delivery
        assertThat(b1.getJsonArray("lots").getJsonObject(0).getMap()).containsEntry("code", "S1")
                .containsEntry("uom", "kg");
        assertThat(b1.getJsonArray("lots").getJsonObject(0).getValue("quantity").toString()).isEqualTo("150");
        assertThat(k.getString("status")).isEqualTo("open");
        assertThat(k.getBoolean("holds")).isTrue();
        assertThat(k.getJsonObject("elapsed_to_scope").getBoolean("within_brcgs_4h")).isTrue();
        assertThat(k.getJsonObject("effectiveness").getJsonObject("by_uom").getJsonObject("kg").getValue("shipped")
                .toString()).isEqualTo("250");

        // held: the single POST and the bulk import refuse ship and deliver with 409 naming the case
        JsonObject refused = assertError(w.send(w.event("deliver", h(5), new JsonObject().put("party_id",
                "rec-buyer2"), new JsonObject().put("lots", items(item("S2", 10))))), 409, "body.lots[0].lot");
        assertThat(refused.getString("message")).contains(id).contains("S2");
        assertThat(assertError(w.bulk(new JsonArray().add(w.event("ship", h(5), w.unit("r1"), new JsonObject()
                .put("to_party_id", "rec-buyer3").put("lots", items(item("S2", 10)))))), 409,
                "events[0].body.lots[0].lot").getString("message")).contains(id);
        // moving a held lot inside the cold store is allowed
        w.to("move", "r2", h(5), item("S2", 150));
        // so is splitting it, but what is made from a held lot is held too: alone, and within one bulk request
        w.post("transform", h(5.1), w.unit("r2"), new JsonObject().put("kind", "split")
                .put("inputs", items(item("S2", 60))).put("outputs", items(w.output("S2a", 60))));
        assertThat(assertError(w.send(w.event("deliver", h(5.2), new JsonObject().put("party_id", "rec-buyer2"),
                new JsonObject().put("lots", items(item("S2a", 10))))), 409, "body.lots[0].lot")
                .getString("message")).contains(id).contains("S2a");
        assertThat(assertError(w.bulk(new JsonArray()
                .add(w.event("transform", h(5.3), w.unit("r2"), new JsonObject().put("kind", "split")
                        .put("inputs", items(item("S2", 30))).put("outputs", items(w.output("S2b", 30)))))
                .add(w.event("ship", h(5.4), w.unit("r2"), new JsonObject().put("to_party_id", "rec-buyer3")
                        .put("lots", items(item("S2b", 30)))))), 409, "events[1].body.lots[0].lot")
                .getString("message")).contains(id).contains("lot S2, which it was made from");
        assertThat(api.number("SELECT count(*) FROM lot WHERE org_id = 'rec' AND code = 'S2b'")).isZero();

        // released: holds lifted
        JsonObject released = expect(api.http().post("/api/v1/recalls/" + id + "/status", qa,
                new JsonObject().put("status", "released").put("note", "test was wrong")), 200);
        assertThat(released.getBoolean("holds")).isFalse();
        assertThat(released.getJsonArray("history").stream().map(e -> ((JsonObject) e).getString("status")))
                .containsExactly("open", "released");
        deliver("rec-buyer2", h(6), item("S2", 10));
        assertError(api.http().post("/api/v1/recalls/" + id + "/status", qa,
                new JsonObject().put("status", "recalled")), 409, "status");
        // the frozen scope never changed, and still hashes to its hash
        assertThat(released.getJsonObject("scope")).isEqualTo(scope);
        assertThat(released.getString("scope_sha256")).isEqualTo(k.getString("scope_sha256"));
        assertThat(released.getBoolean("scope_verified")).isTrue();
    }

    @Test
    void aDrillFromAnExposureChangesNothing() {
        JsonObject k = expect(open(new JsonObject().put("exposure", new JsonObject().put("unit_id", "rec-r2")
                .put("from", h(0).toString()).put("to", h(1.5).toString())).put("reason", "mock recall")
                .put("drill", true)), 201);
        assertThat(codes(k.getJsonObject("scope"))).containsExactly("L2");
        assertThat(buyers(k.getJsonObject("scope"))).containsExactly("rec-buyer3");
        assertThat(k.getJsonObject("scope").getJsonObject("seeds").getJsonObject("exposure").getString("unit_id"))
                .isEqualTo("rec-r2");
        assertThat(k.getBoolean("holds")).isFalse();
        assertThat(api.number("SELECT count(*) FROM recall_case_lot WHERE case_id = ?::uuid AND on_hold",
                k.getString("id"))).isZero();
        deliver("rec-buyer3", h(5), item("L2", 10));
        assertError(api.http().post("/api/v1/recalls/" + k.getString("id") + "/status", qa,
                new JsonObject().put("status", "recalled")), 409, "status");
        assertThat(api.number("SELECT count(*) FROM recall_notice WHERE case_id = ?::uuid", k.getString("id")))
                .isZero();
        // the buyer's page shows no notice for a drill
        String trace = api.rows("SELECT trace_code FROM lot WHERE org_id = 'rec' AND code = 'L2'").get(0);
        assertThat(expect(api.http().get("/t/" + trace + ".json"), 200).getValue("recall")).isNull();
    }

    @Test
    void aDrillFromAnAlarmScopesTheLotsInItsRoom() {
        JsonObject k = expect(open(new JsonObject().put("alarm_id", alarm).put("reason", "compressor failed")
                .put("drill", true)), 201);
        assertThat(codes(k.getJsonObject("scope"))).containsExactly("L1", "S1", "S2");
        assertThat(k.getJsonObject("scope").getJsonObject("seeds").getJsonObject("exposure").getLong("alarm_id"))
                .isEqualTo(alarm);
    }

    @Test
    void recalledCaseNotifiesBuyersCountsAcknowledgementsAndShowsOnTheBuyersPage() {
        JsonObject k = expect(open(new JsonObject().put("lots", new JsonArray().add("S1"))
                .put("reason", "listeria")), 201);
        String id = k.getString("id");
        JsonObject recalled = expect(api.http().post("/api/v1/recalls/" + id + "/status", qa,
                new JsonObject().put("status", "recalled")), 200);
        assertThat(recalled.getJsonArray("notices")).hasSize(1);
        assertThat(api.number("SELECT count(*) FROM webhook_delivery d JOIN recall_notice n ON n.id = "
                + "d.recall_notice_id WHERE n.case_id = ?::uuid", id)).isEqualTo(1);
        assertThat(api.rows("SELECT payload->'buyer'->>'party_id' || ' ' || (payload->'lots'->0->>'code') || ' ' "
                + "|| (payload->'lots'->0->>'quantity') FROM recall_notice WHERE case_id = ?::uuid", id))
                .containsExactly("rec-buyer S1 150");

        String acks = "/api/v1/recalls/" + id + "/acknowledgements";
        JsonObject a = expect(api.http().post(acks, qa, new JsonObject().put("party_id", "rec-buyer").put("lots",
                new JsonArray().add(new JsonObject().put("lot", "S1").put("returned", 100).put("destroyed", 20)))),
                201);
        JsonObject kg = a.getJsonObject("effectiveness").getJsonObject("by_uom").getJsonObject("kg");
        // buyer got 150 of S1: 120 of 150 accounted for
        assertThat(kg.getValue("shipped").toString()).isEqualTo("150");
        assertThat(kg.getValue("accounted").toString()).isEqualTo("120");
        assertThat(kg.getDouble("ratio")).isEqualTo(0.8);
        long first = a.getJsonArray("ids").getLong(0);
        // a correction is a new row; the corrected one stops counting
        JsonObject c = expect(api.http().post(acks, qa, new JsonObject().put("party_id", "rec-buyer")
                .put("supersedes", first).put("lots", new JsonArray().add(new JsonObject().put("lot", "S1")
                        .put("returned", 150)))), 201);
        assertThat(c.getJsonObject("effectiveness").getJsonObject("by_uom").getJsonObject("kg").getDouble("ratio"))
                .isEqualTo(1.0);
        assertError(api.http().post(acks, qa, new JsonObject().put("party_id", "rec-buyer").put("supersedes", first)
                .put("lots", new JsonArray())), 409, "supersedes");
        assertError(api.http().post(acks, qa, new JsonObject().put("party_id", "rec-buyer").put("lots",
                new JsonArray().add(new JsonObject().put("lot", "S1").put("destroyed", 0.5)))), 422,
                "lots[0].destroyed");
        assertError(api.http().post(acks, qa, new JsonObject().put("party_id", "rec-buyer2")), 422, "party_id");
        assertError(api.http().post(acks, qa, new JsonObject().put("party_id", "rec-buyer").put("lots",
                new JsonArray().add(new JsonObject().put("lot", "S2")))), 422, "lots[0].lot");
        assertThatThrownBy(() -> api.sql("UPDATE recall_ack SET returned = 0 WHERE id = ?", first))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> api.sql("UPDATE recall_case SET scope = '{}' WHERE id = ?::uuid", id))
                .hasMessageContaining("frozen");

        JsonObject report = expect(api.http().get("/api/v1/recalls/" + id, qa), 200);
        assertThat(report.getJsonArray("acknowledgements")).hasSize(2);
        assertThat(report.getJsonArray("acknowledgements").getJsonObject(0).getBoolean("counts")).isFalse();
        assertThat(report.getString("scope_sha256")).isEqualTo(Scope.sha256(report.getJsonObject("scope").encode()))
                .isEqualTo(k.getString("scope_sha256"));
        String csv = api.http().get("/api/v1/recalls/" + id + "/buyers.csv", qa).bodyAsString();
        assertThat(csv).contains(",rec-buyer,").contains(",S1,150,kg,150,150,150,0");
        assertThat(expect(api.http().get("/api/v1/recalls?status=recalled", qa), 200).getJsonArray("items")
                .stream().map(x -> ((JsonObject) x).getString("id"))).contains(id);

        String trace = api.rows("SELECT trace_code FROM lot WHERE org_id = 'rec' AND code = 'S1'").get(0);
        JsonObject page = expect(api.http().get("/t/" + trace + ".json"), 200);
        assertThat(page.getJsonObject("recall").getBoolean("recalled")).isTrue();
        assertThat(page.getJsonObject("recall").getString("message_zh")).contains("召回");
        assertThat(api.http().get("/t/" + trace).bodyAsString()).contains("召回通知").contains("Recall notice");
    }

    /** Time to scope and freeze a case of 1,001 lots (a batch packed into 1,000 lots), as the case reports it. */
    @Test
    void scopesAThousandLots() {
        w.harvest("B9", 1000, h(0));
        JsonArray packs = new JsonArray();
        for (int p = 0; p < 2; p++) {
            JsonArray outputs = new JsonArray();
            for (int i = 0; i < 500; i++) {
                outputs.add(w.output("K" + p + "-" + i, 1));
            }
            packs.add(w.event("pack", h(1), w.unit("r1"), new JsonObject().put("inputs", items(item("B9", 500)))
                    .put("outputs", outputs)));
        }
        expect(w.bulk(packs), 201);
        JsonObject k = expect(open(new JsonObject().put("lots", new JsonArray().add("B9")).put("reason", "bench")),
                201);
        assertThat(k.getJsonObject("scope").getJsonArray("lots")).hasSize(1001);
        assertThat(api.number("SELECT count(*) FROM recall_case_lot WHERE case_id = ?::uuid AND on_hold",
                k.getString("id"))).isEqualTo(1001);
        long ms = k.getJsonObject("elapsed_to_scope").getLong("ms");
        System.out.println("recall_case_1001_lots_ms=" + ms);
        assertThat(ms).isLessThan(10_000);
    }

    @Test
    void badInputNamesTheField() {
        assertError(open(new JsonObject().put("reason", "x")), 422, "lots");
        assertError(open(new JsonObject().put("reason", "x").put("lots", new JsonArray().add("L1"))
                .put("alarm_id", alarm)), 422, "exposure");
        assertError(open(new JsonObject().put("lots", new JsonArray().add("L1"))), 422, "reason");
        assertError(open(new JsonObject().put("reason", "x").put("lots", new JsonArray().add("L1").add("nope"))),
                422, "lots[1]");
        assertError(open(new JsonObject().put("reason", "x").put("lots", new JsonArray())), 422, "lots");
        assertError(open(new JsonObject().put("reason", "x").put("exposure", new JsonObject()
                .put("unit_id", "rec-r1").put("to", h(2).toString()))), 422, "exposure.from");
        assertError(open(new JsonObject().put("reason", "x").put("exposure", new JsonObject()
                .put("unit_id", "nope").put("from", h(0).toString()).put("to", h(2).toString()))), 422,
                "exposure.unit_id");
        assertError(open(new JsonObject().put("reason", "x").put("exposure", new JsonObject()
                .put("unit_id", "rec-r1").put("from", h(2).toString()).put("to", h(1).toString()))), 422,
                "exposure.to");
        assertError(open(new JsonObject().put("reason", "x").put("alarm_id", 999999)), 422, "alarm_id");
        assertError(open(new JsonObject().put("reason", "x").put("lots", new JsonArray().add("L1"))
                .put("drill", "yes")), 422, "drill");
        assertError(api.http().get("/api/v1/recalls/" + java.util.UUID.randomUUID(), qa), 404, null);
        JsonObject k = expect(open(new JsonObject().put("lots", new JsonArray().add("L2")).put("reason", "x")
                .put("drill", true)), 201);
        assertError(api.http().post("/api/v1/recalls/" + k.getString("id") + "/status", qa,
                new JsonObject().put("status", "closed")), 422, "status");
    }
}
