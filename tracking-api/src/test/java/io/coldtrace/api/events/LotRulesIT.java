package io.coldtrace.api.events;

import static io.coldtrace.api.events.LotChain.item;
import static io.coldtrace.api.events.LotChain.items;
import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.testing.TestApi;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lots through the ledger: births, moves, splits, hand-overs, and every refusal of docs/trace-events.md. */
class LotRulesIT {
    private static TestApi api;
    private static final Instant T0 = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);

    @BeforeAll
    static void start() {
        api = TestApi.start("lot-rules");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Instant h(double hours) {
        return LotChain.after(T0, hours);
    }

    /** Harvest 1000 kg, pre-cool, pack 800 kg into L1, put 500 in room 1 and 300 in room 2. */
    private static LotChain packedAndSplit(String org) {
        LotChain w = new LotChain(api, org);
        w.harvest("B1", 1000, h(0));
        w.to("pre_cool", "pc", h(1), item("B1", 1000));
        w.pack("B1", 800, "L1", 800, "pc", h(2));
        w.to("store_in", "r1", h(3), item("L1", 500));
        w.to("store_in", "r2", h(3), item("L1", 300).put("from_unit_id", org + "-pc"));
        return w;
    }

    @Test
    void aLotIsBornByPackingAndFollowedThroughRoomsTruckReceiptSplitDeliveryAndLoss() {
        LotChain w = packedAndSplit("flow");
        assertThat(w.holdings("B1")).isEqualTo("gone consumed=800, unit flow-pc=200");
        assertThat(w.holdings("L1")).isEqualTo("unit flow-r1=500, unit flow-r2=300");
        // into room 2: the one other place it is at is where it comes from
        w.to("move", "r2", h(4), item("L1", 100));
        assertThat(w.holdings("L1")).isEqualTo("unit flow-r1=400, unit flow-r2=400");
        w.to("load", "t1", h(5), item("L1", 400).put("from_unit_id", "flow-r1"));
        w.to("load", "t1", h(5), item("L1", 400).put("from_unit_id", "flow-r2"));
        w.post("ship", h(5.5), w.unit("t1"), new JsonObject().put("to_party_id", "flow-buyer")
                .put("lots", items(item("L1", 800))).put("documents", new io.vertx.core.json.JsonArray()
                        .add(new JsonObject().put("type", "delivery_note").put("id", "DN-1"))));
        JsonObject received = w.post("receive", h(10), new JsonObject().put("site_id", "flow-dc")
                .put("party_id", "flow-carrier"), new JsonObject().put("acceptance", "partial")
                .put("handover_temp_c", 3.1).put("lots", items(item("L1", 780).put("rejected_quantity", 20))));
        assertThat(w.holdings("L1")).isEqualTo("site flow-dc=780, unit flow-t1=20");
        assertThat(api.rows("SELECT kind || ':' || quantity || ':' || coalesce(rejected::text, '-') || ':' "
                + "|| coalesce(handover_temp_c::text, '-') FROM lot_handover WHERE event_id = ?::uuid",
                received.getString("id"))).containsExactly("receive:780.000:20.000:3.1");
        w.post("loss", h(10.5), new JsonObject(), new JsonObject().put("reason", "rejected")
                .put("lots", items(item("L1", 20).put("from_unit_id", "flow-t1"))));
        w.post("transform", h(11), new JsonObject().put("site_id", "flow-dc"), new JsonObject().put("kind", "split")
                .put("inputs", items(item("L1", 780)))
                .put("outputs", items(item("L1-a", 500).put("product_id", "flow-cabbage"),
                        item("L1-b", 280).put("product_id", "flow-cabbage"))));
        w.to("store_in", "d1", h(12), item("L1-a", 500));
        w.post("deliver", h(20), new JsonObject().put("party_id", "flow-buyer"),
                new JsonObject().put("lots", items(item("L1-a", 200))));
        w.post("loss", h(21), new JsonObject(), new JsonObject().put("reason", "spoiled")
                .put("lots", items(item("L1-b", 5))));
        assertThat(w.holdings("L1")).isEqualTo("gone consumed=780, gone lost=20");
        assertThat(w.holdings("L1-a")).isEqualTo("gone delivered=200, unit flow-d1=300");
        assertThat(w.holdings("L1-b")).isEqualTo("gone lost=5, site flow-dc=275");
        // genealogy: the batch became L1, which was split into L1-a and L1-b in proportion
        assertThat(api.rows("""
                SELECT p.code || '>' || c.code || '=' || trim_scale(k.quantity) FROM lot_link k
                JOIN lot p ON p.id = k.parent_lot_id JOIN lot c ON c.id = k.child_lot_id
                WHERE p.org_id = 'flow' ORDER BY 1""")).containsExactly("B1>L1=800", "L1>L1-a=500", "L1>L1-b=280");
        // each born lot carries a trace code; the batch does not
        assertThat(api.rows("SELECT code || ':' || (trace_code IS NOT NULL) FROM lot WHERE org_id = 'flow' "
                + "ORDER BY code")).containsExactly("B1:false", "L1:true", "L1-a:true", "L1-b:true");
    }

    @Test
    void everyRefusalNamesItsFieldAndStoresNothing() {
        LotChain w = packedAndSplit("refuse");
        long before = api.number("SELECT count(*) FROM trace_event WHERE org_id = 'refuse'");
        long moves = api.number("SELECT count(*) FROM lot_movement WHERE org_id = 'refuse'");
        JsonObject r1 = w.unit("r1");
        assertError(w.send(w.event("move", h(4), w.unit("r2"), new JsonObject().put("lots", items(item("NOPE", 1))))),
                422, "body.lots[0].lot");
        assertError(w.send(w.event("move", h(4), w.unit("r2"), new JsonObject().put("lots", items(item("L1", 0))))),
                422, "body.lots[0].quantity");
        assertError(w.send(w.event("move", h(4), w.unit("r2"), new JsonObject().put("lots",
                items(item("L1", -5))))), 422, "body.lots[0].quantity");
        // room 1 holds 500: taking 501 would leave less than nothing
        assertError(w.send(w.event("move", h(4), w.unit("r2"), new JsonObject().put("lots",
                items(item("L1", 501))))), 422, "body.lots[0].quantity");
        assertError(w.send(w.event("move", h(4), w.unit("r2"), new JsonObject().put("lots",
                items(item("L1", 5).put("uom", "box"))))), 422, "body.lots[0].uom");
        // in two rooms: the truck must be told which one it is loaded from
        assertError(w.send(w.event("load", h(4), w.unit("t1"), new JsonObject().put("lots",
                items(item("L1", 5))))), 422, "body.lots[0].from_unit_id");
        // before the lot existed
        assertError(w.send(w.event("move", h(1.5), r1, new JsonObject().put("lots",
                items(item("L1", 5).put("from_unit_id", "refuse-pc"))))), 422, "body.lots[0].quantity");
        assertError(w.send(w.event("pack", h(4), r1, new JsonObject().put("inputs", items(item("B1", 10)))
                .put("outputs", items(item("L1", 10).put("product_id", "refuse-cabbage"))))), 422,
                "body.outputs[0].lot");
        assertError(w.send(w.event("deliver", h(4), new JsonObject().put("party_id", "refuse-carrier"),
                new JsonObject().put("lots", items(item("L1", 5))))), 422, "party_id");
        assertError(w.send(w.event("store_in", h(4), new JsonObject(), new JsonObject().put("lots",
                items(item("L1", 5))))), 422, "unit_id");
        assertError(w.send(w.event("receive", h(4), new JsonObject().put("site_id", "refuse-dc"), new JsonObject()
                .put("acceptance", "accept").put("lots", items(item("L1", 5).put("from_unit_id", "refuse-r1"))))),
                422, "body.handover_temp_c");
        assertError(w.send(w.event("store_in", h(4), r1, new JsonObject().put("lots", items(item("L1", 5)))
                .put("colour", "red"))), 422, "body.colour");
        assertError(w.send(w.event("store_in", Instant.now().plus(Duration.ofHours(1)), r1, new JsonObject()
                .put("lots", items(item("L1", 5))))), 422, "event_time");
        assertThat(api.number("SELECT count(*) FROM trace_event WHERE org_id = 'refuse'")).isEqualTo(before);
        assertThat(api.number("SELECT count(*) FROM lot_movement WHERE org_id = 'refuse'")).isEqualTo(moves);
    }

    @Test
    void aLotThatHasLeftCannotMoveAndALateEventMustLeaveEveryLaterStepPossible() {
        LotChain w = packedAndSplit("late");
        w.post("loss", h(5), new JsonObject(), new JsonObject().put("reason", "disposed")
                .put("lots", items(item("B1", 200))));
        JsonObject gone = assertError(w.send(w.event("move", h(6), w.unit("r1"), new JsonObject().put("lots",
                items(item("B1", 1))))), 422, "body.lots[0].lot");
        assertThat(gone.getString("message")).contains("has left");
        w.to("load", "t1", h(8), item("L1", 500).put("from_unit_id", "late-r1"));
        // recorded now for 06:00: room 1 then held 500, but the load at 08:00 took all of it
        JsonObject breaks = assertError(w.send(w.event("loss", h(6), new JsonObject(), new JsonObject()
                .put("reason", "damaged").put("lots", items(item("L1", 50).put("from_unit_id", "late-r1"))))),
                422, "body.lots[0].quantity");
        assertThat(breaks.getString("message")).contains("later");
        // a late event that leaves every later step possible is accepted, and flagged when over a day late
        JsonObject late = w.post("loss", h(6), new JsonObject(), new JsonObject().put("reason", "sample")
                .put("lots", items(item("L1", 50).put("from_unit_id", "late-r2"))));
        assertThat(late.getBoolean("late_recorded")).isTrue();
        assertThat(w.holdings("L1")).isEqualTo("gone lost=50, unit late-r2=250, unit late-t1=500");
    }

    @Test
    void aRetryCreatesNoSecondMovementAndCorrectionsMoveTheProjectionsButKeepTheHistory() {
        LotChain w = new LotChain(api, "fix");
        JsonObject harvest = w.harvest("B1", 1000, h(0));
        JsonObject pack = w.event("pack", h(2), w.unit("pc"), new JsonObject()
                .put("inputs", items(item("B1", 800).put("from_plot_id", "fix-plot")))
                .put("outputs", items(item("L1", 800).put("product_id", "fix-cabbage"))));
        JsonObject packed = expect(w.send(pack), 201);
        assertThat(expect(w.send(pack), 200).getString("id")).isEqualTo(packed.getString("id"));
        assertThat(w.holdings("B1")).isEqualTo("gone consumed=800, plot fix-plot=200");
        w.to("store_in", "r1", h(3), item("L1", 800));

        // the harvest was 900 kg, not 1000: fine, 800 were packed
        JsonObject fix = correction(w, harvest, "replace", "weighed again: 900 kg", 900);
        JsonObject fixed = expect(w.send(fix), 201);
        assertThat(w.holdings("B1")).isEqualTo("gone consumed=800, plot fix-plot=100");
        assertThat(api.rows("SELECT trim_scale(quantity)::text FROM lot WHERE org_id = 'fix' AND code = 'B1'"))
                .containsExactly("900");
        // correcting the same harvest again is refused: correct the correction
        assertError(w.send(correction(w, harvest, "replace", "again", 950)), 409, "corrects_event_id");
        // a replacement is refused like any event, its fields named inside the correction
        JsonObject noGrower = correction(w, fixed, "replace", "no grower", 900);
        noGrower.getJsonObject("body").getJsonObject("event").getJsonObject("body").remove("grower");
        assertError(w.send(noGrower), 422, "body.event.body.grower");
        JsonObject noAction = correction(w, fixed, "replace", "no action", 900);
        noAction.getJsonObject("body").remove("action");
        assertError(w.send(noAction), 422, "body.action");
        // 700 kg would not cover the 800 packed
        JsonObject tooSmall = correction(w, fixed, "replace", "700 after all", 700);
        JsonObject err = assertError(w.send(tooSmall), 422, "corrects_event_id");
        assertThat(err.getString("message")).contains("B1");
        // voiding the pack would strand L1 in room 1
        assertError(w.send(w.event("correction", h(4), new JsonObject().put("corrects_event_id",
                packed.getString("id")).put("correction_reason", "never packed"), new JsonObject()
                .put("action", "void"))), 422, "corrects_event_id");
        // both harvests stay in the ledger
        assertThat(api.number("SELECT count(*) FROM trace_event WHERE org_id = 'fix' AND type IN "
                + "('harvest', 'correction')")).isEqualTo(2);
        JsonObject verify = expect(api.http().get("/api/v1/events/verify", api.token(
                io.coldtrace.api.auth.Role.QA, "fix")), 200);
        assertThat(verify.getBoolean("ok")).isTrue();
    }

    @Test
    void voidingAMistakenMoveReturnsTheLotToWhereItWas() {
        LotChain w = packedAndSplit("void");
        JsonObject wrong = w.to("move", "r2", h(4), item("L1", 200));
        assertThat(w.holdings("L1")).isEqualTo("unit void-r1=300, unit void-r2=500");
        expect(w.send(w.event("correction", h(4.5), new JsonObject().put("corrects_event_id", wrong.getString("id"))
                .put("correction_reason", "scanned the wrong pallet"), new JsonObject().put("action", "void"))), 201);
        assertThat(w.holdings("L1")).isEqualTo("unit void-r1=500, unit void-r2=300");
    }

    @Test
    void theLedgerHoldsEachLotsTraceCodeAndReplayingItGivesTheStoredProjectionsBack() {
        LotChain w = packedAndSplit("replay");
        JsonObject wrong = w.to("move", "r2", h(4), item("L1", 200));
        expect(w.send(w.event("correction", h(4.5), new JsonObject().put("corrects_event_id", wrong.getString("id"))
                .put("correction_reason", "wrong pallet"), new JsonObject().put("action", "void"))), 201);
        w.post("transform", h(5), w.unit("r1"), new JsonObject().put("kind", "split")
                .put("inputs", items(item("L1", 500).put("from_unit_id", "replay-r1")))
                .put("outputs", items(item("L2", 200).put("product_id", "replay-cabbage"),
                        item("L3", 300).put("product_id", "replay-cabbage"))));
        // the code each lot carries is the one its birth recorded in the chain
        String stored = api.rows("SELECT body->'assigned'->>'L2' FROM trace_event WHERE org_id = 'replay' "
                + "AND type = 'transform'").get(0);
        assertThat(api.rows("SELECT trace_code FROM lot WHERE org_id = 'replay' AND code = 'L2'"))
                .containsExactly(stored);
        String qa = api.token(io.coldtrace.api.auth.Role.QA, "replay");
        JsonObject check = expect(api.http().get("/api/v1/events/projections/check", qa), 200);
        assertThat(check.getBoolean("ok")).as(check.encodePrettily()).isTrue();
        assertThat(check.getInteger("events_replayed")).isEqualTo(8);
        // a projection row changed behind the ledger's back is named
        api.sql("UPDATE lot_movement SET delta = delta - 1 WHERE org_id = 'replay' AND reason = 'born' "
                + "AND lot_id = (SELECT id FROM lot WHERE org_id = 'replay' AND code = 'L3')");
        check = expect(api.http().get("/api/v1/events/projections/check", qa), 200);
        assertThat(check.getBoolean("ok")).isFalse();
        assertThat(check.getJsonArray("differences").encode()).contains("movement L3");
        // a caller may not assign codes, and a retry without them is the same event
        JsonObject pack = w.event("pack", h(6), w.unit("r2"), new JsonObject()
                .put("inputs", items(item("L1", 10).put("from_unit_id", "replay-r2")))
                .put("outputs", items(item("L4", 10).put("product_id", "replay-cabbage"))));
        JsonObject forged = pack.copy();
        forged.getJsonObject("body").put("assigned", new JsonObject().put("L4", "0000000000000000" + "0"));
        assertError(w.send(forged), 422, "body.assigned");
        JsonObject first = expect(w.send(pack), 201);
        assertThat(expect(w.send(pack), 200).getString("id")).isEqualTo(first.getString("id"));
    }

    private static JsonObject correction(LotChain w, JsonObject corrected, String action, String reason, double kg) {
        JsonObject replacement = new JsonObject().put("type", "harvest").put("event_time", h(0).toString())
                .put("event_tz_offset", "+08:00").put("plot_id", "fix-plot").put("party_id", "fix-farm")
                .put("body", new JsonObject().put("batch", "B1").put("commodity", "cabbage").put("quantity", kg)
                        .put("uom", "kg").put("grower", new JsonObject().put("name", "Chen")));
        return w.event("correction", h(5), new JsonObject().put("corrects_event_id", corrected.getString("id"))
                .put("correction_reason", reason), new JsonObject().put("action", action).put("event", replacement));
    }
}
