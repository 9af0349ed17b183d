package io.coldtrace.api.genealogy;

import static io.coldtrace.api.events.LotChain.item;
import static io.coldtrace.api.genealogy.TraceAnswers.edges;
import static io.coldtrace.api.genealogy.TraceAnswers.lotCodes;
import static io.coldtrace.api.events.LotChain.items;
import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.events.LotChain;
import io.coldtrace.api.testing.TestApi;
import io.vertx.core.json.JsonArray;
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
 * Backward and forward traces over a merge, a split, a repack, a shipment, a partial receipt and deliveries, with the
 * quantity asserted on every hop; the limits; a cycle refused at capture. Two farms' batches are merged, the merge
 * split in two, one half repacked and received in part at the DC: each buyer is reached from the batches its goods
 * came from and no other.
 */
class GenealogyIT {
    private static final Instant T0 = Instant.now().minus(Duration.ofDays(5)).truncatedTo(ChronoUnit.HOURS);
    private static TestApi api;
    private static LotChain w;
    private static String qa;

    @BeforeAll
    static void start() {
        api = TestApi.start("genealogy");
        w = new LotChain(api, "gen");
        api.seeds().party("gen-farm2", "gen", "farm", "500238");
        api.seeds().plot("gen-plot2", "gen", "gen-farm2", 1.0);
        api.seeds().party("gen-buyer2", "gen", "buyer", "500103");
        api.seeds().party("gen-buyer3", "gen", "buyer", "500103");
        qa = api.token(Role.QA, "gen");
        w.harvest("B1", 1000, h(0));
        w.post("harvest", h(0), new JsonObject().put("plot_id", "gen-plot2").put("party_id", "gen-farm2"),
                new JsonObject().put("batch", "B2").put("commodity", "cabbage").put("quantity", 600).put("uom", "kg")
                        .put("grower", new JsonObject().put("name", "Wang")));
        w.pack("B1", 800, "L1", 800, "r1", h(1));
        w.pack("B2", 600, "L2", 600, "r1", h(1));
        transform("merge", h(2), items(item("L1", 300), item("L2", 200)), items(w.output("M", 500)));
        transform("split", h(3), items(item("M", 500)), items(w.output("S1", 200), w.output("S2", 300)));
        transform("repack", h(4), items(item("S1", 200)), items(w.output("R1", 200)));
        w.post("ship", h(5), w.unit("r1"), new JsonObject().put("to_party_id", "gen-buyer2")
                .put("lots", items(item("S2", 300))));
        w.post("receive", h(6), new JsonObject().put("site_id", "gen-dc").put("party_id", "gen-carrier"),
                new JsonObject().put("acceptance", "partial").put("handover_temp_c", 3.5)
                        .put("lots", items(item("R1", 150).put("rejected_quantity", 50))));
        deliver("gen-buyer", h(7), item("R1", 100).put("from_site_id", "gen-dc"));
        deliver("gen-buyer2", h(7), item("S2", 250));
        deliver("gen-buyer3", h(7), item("L2", 100));
        w.post("loss", h(8), new JsonObject(), new JsonObject().put("reason", "spoiled")
                .put("lots", items(item("S2", 10))));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Instant h(double hours) {
        return LotChain.after(T0, hours);
    }

    private static void transform(String kind, Instant at, JsonArray inputs, JsonArray outputs) {
        w.post("transform", at, w.unit("r1"), new JsonObject().put("kind", kind).put("inputs", inputs)
                .put("outputs", outputs));
    }

    private static void deliver(String buyer, Instant at, JsonObject lot) {
        w.post("deliver", at, new JsonObject().put("party_id", buyer), new JsonObject().put("lots", items(lot)));
    }

    private static String lot(String code) {
        return "lot:" + api.seeds().lotId("gen", code);
    }

    private static JsonObject get(String path) {
        return expect(api.http().get(path, qa), 200);
    }

    private static JsonObject trace(String code, String direction) {
        return get("/api/v1/lots/" + api.seeds().lotId("gen", code) + "/trace/" + direction);
    }

    @Test
    void backwardFromTheRepackedLotReachesBothFarmsWithTheQuantityOfEveryHop() {
        JsonObject t = trace("R1", "backward");
        assertThat(t.getString("root")).isEqualTo(lot("R1"));
        assertThat(t.getInteger("depth")).isEqualTo(4);
        assertThat(lotCodes(t)).containsExactlyInAnyOrder("R1@0", "S1@1", "M@2", "L1@3", "L2@3", "B1@4", "B2@4");
        assertThat(edges(t)).containsExactly(
                "B1 -transformed 800 kg-> L1",
                "B2 -transformed 600 kg-> L2",
                "L1 -transformed 300 kg-> M",
                "L2 -transformed 200 kg-> M",
                "M -transformed 200 kg-> S1",
                "S1 -transformed 200 kg-> R1",
                "party:gen-carrier -received 150 kg-> R1",
                "party:gen-farm -farms-> plot:gen-plot",
                "party:gen-farm2 -farms-> plot:gen-plot2",
                "plot:gen-plot -harvested 1000 kg-> B1",
                "plot:gen-plot2 -harvested 600 kg-> B2");
        JsonObject receipt = t.getJsonArray("edges").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("kind").equals("received")).findFirst().orElseThrow();
        assertThat(receipt.getString("acceptance")).isEqualTo("partial");
        assertThat(receipt.getValue("rejected")).hasToString("50");
        JsonObject split = t.getJsonArray("edges").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("to").equals(lot("S1"))).findFirst().orElseThrow();
        assertThat(split.getString("event_type")).isEqualTo("transform");
        assertThat(split.getString("transform_kind")).isEqualTo("split");
        // 7 lots, 2 plots, 3 parties; the sibling S2 and the buyers are not upstream
        assertThat(t.getJsonArray("nodes")).hasSize(12);
    }

    @Test
    void forwardFromAHarvestReachesTheBuyersOfWhatWasMadeOfItAndNoOthers() {
        JsonObject t = trace("B1", "forward");
        assertThat(lotCodes(t)).containsExactlyInAnyOrder("B1@0", "L1@1", "M@2", "S1@3", "S2@3", "R1@4");
        assertThat(edges(t)).containsExactly(
                "B1 -transformed 800 kg-> L1",
                "L1 -transformed 300 kg-> M",
                "M -transformed 200 kg-> S1",
                "M -transformed 300 kg-> S2",
                "R1 -delivered 100 kg-> party:gen-buyer",
                "S1 -transformed 200 kg-> R1",
                "S2 -delivered 250 kg-> party:gen-buyer2",
                "S2 -shipped 300 kg-> party:gen-buyer2");
        assertThat(recipients(t)).containsExactlyInAnyOrder("gen-buyer delivered {\"kg\":100} shipped {}",
                "gen-buyer2 delivered {\"kg\":250} shipped {\"kg\":300}");
    }

    @Test
    void forwardFromThePlotOfTheOtherFarmAlsoReachesTheBuyerOfItsOwnLot() {
        JsonObject t = get("/api/v1/plots/gen-plot2/trace/forward");
        assertThat(t.getString("root")).isEqualTo("plot:gen-plot2");
        assertThat(lotCodes(t)).containsExactlyInAnyOrder("B2@0", "L2@1", "M@2", "S1@3", "S2@3", "R1@4");
        assertThat(edges(t)).contains("plot:gen-plot2 -harvested 600 kg-> B2",
                "party:gen-farm2 -farms-> plot:gen-plot2",
                "B2 -transformed 600 kg-> L2", "L2 -transformed 200 kg-> M", "L2 -delivered 100 kg-> party:gen-buyer3");
        assertThat(recipients(t)).containsExactlyInAnyOrder("gen-buyer3 delivered {\"kg\":100} shipped {}",
                "gen-buyer delivered {\"kg\":100} shipped {}",
                "gen-buyer2 delivered {\"kg\":250} shipped {\"kg\":300}");
        // the other farm's plot has nothing of B2's
        JsonObject first = get("/api/v1/plots/gen-plot/trace/forward");
        assertThat(recipients(first)).noneMatch(r -> r.startsWith("gen-buyer3"));
    }

    private static List<String> recipients(JsonObject t) {
        List<String> out = new ArrayList<>();
        for (Object o : t.getJsonArray("recipients")) {
            JsonObject r = (JsonObject) o;
            out.add(r.getJsonObject("party").getString("party_id") + " delivered " + r.getJsonObject("delivered")
                    .encode() + " shipped " + r.getJsonObject("shipped").encode());
        }
        return out;
    }

    @Test
    void limitsAnswer422NamingTheFieldAndTheLimit() {
        String r1 = "/api/v1/lots/" + api.seeds().lotId("gen", "R1") + "/trace/backward";
        JsonObject deep = assertError(api.http().get(r1 + "?depth=3", qa), 422, "depth");
        assertThat(deep.getInteger("limit")).isEqualTo(3);
        assertThat(get(r1 + "?depth=4").getInteger("depth")).isEqualTo(4);
        assertThat(assertError(api.http().get(r1 + "?depth=65", qa), 422, "depth").getInteger("limit"))
                .isEqualTo(64);
        assertThat(assertError(api.http().get(r1 + "?width=11", qa), 422, "width").getInteger("limit"))
                .isEqualTo(11);
        assertThat(get(r1 + "?width=12").getJsonArray("nodes")).hasSize(12);
        // the walk itself stops at 4 steps a node: 7 lots cannot be walked in 1 × 4 + 1 steps
        assertThat(assertError(api.http().get(r1 + "?width=1", qa), 422, "width").getString("message"))
                .contains("steps");
        assertThat(assertError(api.http().get(r1 + "?width=10001", qa), 422, "width").getInteger("limit"))
                .isEqualTo(10000);
        assertError(api.http().get(r1 + "?depth=0", qa), 400, "depth");
        assertError(api.http().get(r1 + "?depth=deep", qa), 400, "depth");
        assertThat(api.http().get("/api/v1/lots/" + java.util.UUID.randomUUID() + "/trace/backward", qa)
                .statusCode()).isEqualTo(404);
        assertThat(api.http().get("/api/v1/lots/not-a-lot/trace/forward", qa).statusCode()).isEqualTo(404);
        assertThat(api.http().get("/api/v1/plots/no-plot/trace/forward", qa).statusCode()).isEqualTo(404);
        // operators do not trace; another organisation's QA does not see the lot
        assertThat(api.http().get(r1, api.token(Role.OPERATOR, "gen")).statusCode()).isEqualTo(403);
        api.seeds().org("gen-rival", "Rival");
        assertThat(api.http().get(r1, api.token(Role.QA, "gen-rival")).statusCode()).isEqualTo(404);
    }

    @Test
    void aLotBornFromItselfIsRefusedAtCaptureSoTheGenealogyHasNoCycle() {
        long links = api.number("SELECT count(*) FROM lot_link");
        for (String code : new String[] {"C1", "S2"}) {
            JsonObject e = w.event("transform", h(9), w.unit("r1"), new JsonObject().put("kind", "repack")
                    .put("inputs", items(item(code, 5))).put("outputs", items(w.output(code, 5))));
            assertThat(assertError(w.send(e), 422, "body.outputs[0].lot").getString("message"))
                    .contains("cannot be born from itself");
        }
        assertThat(api.number("SELECT count(*) FROM lot_link")).isEqualTo(links);
        assertThat(api.number("SELECT count(*) FROM lot_link WHERE parent_lot_id = child_lot_id")).isZero();
        assertThat(api.number("SELECT count(*) FROM lot WHERE org_id = 'gen' AND code = 'C1'")).isZero();
    }
}
