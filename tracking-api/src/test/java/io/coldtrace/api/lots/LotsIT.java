package io.coldtrace.api.lots;

import static io.coldtrace.api.events.LotChain.item;
import static io.coldtrace.api.events.LotChain.items;
import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.events.LotChain;
import io.coldtrace.api.testing.Seeds;
import io.coldtrace.api.testing.TestApi;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lots API over a small chain: L1 packed from a batch of a Chongqing farm (500238) and split over two rooms; L2
 * packed from a Chengdu farm's batch (510100), shipped, received and delivered whole; L3 packed, stored in a room by a
 * move that was then voided; L4 packed by a pack that was voided. Another organisation has a lot of its own.
 */
class LotsIT {
    private static final Instant T0 = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
    private static TestApi api;
    private static LotChain w;
    private static String token;
    private static String voidedMove;
    private static String voidingCorrection;
    private static String rivalLotId;
    private static String rivalTrace;

    @BeforeAll
    static void start() {
        api = TestApi.start("lots");
        w = new LotChain(api, "lots");
        Seeds s = api.seeds();
        s.party("lots-farm2", "lots", "farm", "510100");
        s.plot("lots-plot2", "lots", "lots-farm2", 1.0);
        s.certification("lots-organic", "lots", null, "lots-cabbage", "organic", LocalDate.now().minusYears(1),
                LocalDate.now().plusYears(1));
        s.certification("lots-green", "lots", "lots-farm", null, "green_food", LocalDate.now().minusYears(3),
                LocalDate.now().minusDays(2));
        token = api.token(Role.DISPATCHER, "lots");

        w.harvest("B1", 1000, h(0));
        w.post("harvest", h(0.5), new JsonObject().put("plot_id", "lots-plot2"), new JsonObject().put("batch", "B2")
                .put("commodity", "cabbage").put("quantity", 300).put("uom", "kg")
                .put("grower", new JsonObject().put("name", "Wang")));
        w.pack("B1", 800, "L1", 800, "pc", h(1));
        w.to("store_in", "r1", h(2), item("L1", 500));
        w.to("store_in", "r2", h(2), item("L1", 300).put("from_unit_id", "lots-pc"));
        w.pack("B2", 300, "L2", 300, "pc", h(3));
        w.to("load", "t1", h(4), item("L2", 300));
        w.post("ship", h(4.5), new JsonObject().put("unit_id", "lots-t1"), new JsonObject()
                .put("to_party_id", "lots-buyer").put("lots", items(item("L2", 300))));
        w.post("receive", h(8), new JsonObject().put("site_id", "lots-dc").put("party_id", "lots-carrier"),
                new JsonObject().put("acceptance", "accept").put("handover_temp_c", 3.2)
                        .put("lots", items(item("L2", 300))));
        w.post("deliver", h(9), new JsonObject().put("party_id", "lots-buyer"),
                new JsonObject().put("lots", items(item("L2", 300))));
        w.pack("B1", 100, "L3", 100, "pc", h(5));
        voidedMove = w.to("store_in", "r1", h(6), item("L3", 100)).getString("id");
        voidingCorrection = voidEvent(voidedMove, "stored in the wrong room");
        JsonObject pack4 = w.pack("B1", 50, "L4", 50, "pc", h(7));
        voidEvent(pack4.getString("id"), "packed twice");

        LotChain rival = new LotChain(api, "lots-rival");
        rival.harvest("B1", 100, h(0));
        rival.pack("B1", 100, "R1", 100, "r1", h(1));
        rivalLotId = s.lotId("lots-rival", "R1");
        rivalTrace = api.rows("SELECT trace_code FROM lot WHERE id = ?::uuid", rivalLotId).get(0);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Instant h(double hours) {
        return T0.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    private static String voidEvent(String id, String reason) {
        return w.post("correction", h(10), new JsonObject().put("corrects_event_id", id)
                .put("correction_reason", reason), new JsonObject().put("action", "void")).getString("id");
    }

    private static JsonObject get(String uri) {
        return expect(api.http().get(uri, token), 200);
    }

    /** The codes a list query answers, in its order. */
    private static List<String> codes(String query) {
        return get("/api/v1/lots" + query).getJsonArray("items").stream()
                .map(o -> ((JsonObject) o).getString("code")).toList();
    }

    private static String idOf(String code) {
        return api.seeds().lotId("lots", code);
    }

    @Test
    void theListIsNewestFirstAndFiltersByKindProductStatusOriginPlaceAndCode() {
        assertThat(codes("")).containsExactly("L4", "L3", "L2", "L1");
        assertThat(codes("?kind=harvest_batch")).containsExactly("B2", "B1");
        assertThat(codes("?product_id=lots-cabbage&status=active")).containsExactly("L3", "L1");
        assertThat(codes("?product_id=nothing")).isEmpty();
        assertThat(codes("?status=left")).containsExactly("L2");
        assertThat(codes("?status=voided")).containsExactly("L4");
        // origin follows lot_link up to the harvest batches' farms; a voided pack links nothing any more
        assertThat(codes("?origin=5002")).containsExactly("L3", "L1");
        assertThat(codes("?origin=500238")).containsExactly("L3", "L1");
        assertThat(codes("?origin=51")).containsExactly("L2");
        assertThat(codes("?origin=5")).containsExactly("L3", "L2", "L1");
        assertThat(codes("?origin=5&kind=harvest_batch")).containsExactly("B2", "B1");
        // place: a unit, or a site (its units count); a delivered lot is nowhere
        assertThat(codes("?place=lots-r2")).containsExactly("L1");
        assertThat(codes("?place=lots-o")).containsExactly("L3", "L1");
        assertThat(codes("?place=lots-pc")).containsExactly("L3");
        assertThat(codes("?place=lots-dc")).isEmpty();
        assertThat(codes("?q=l1")).containsExactly("L1");
        assertThat(codes("?q=L")).containsExactly("L4", "L3", "L2", "L1");
        assertError(api.http().get("/api/v1/lots?origin=50a", token), 400, "origin");
        assertError(api.http().get("/api/v1/lots?status=gone", token), 400, "status");
        assertError(api.http().get("/api/v1/lots?kind=pallet", token), 400, "kind");
    }

    @Test
    void aRowCarriesQuantitiesStatusTraceCodeAndThePlacesNow() {
        JsonObject l1 = get("/api/v1/lots?q=L1").getJsonArray("items").getJsonObject(0);
        assertThat(l1.getString("id")).isEqualTo(idOf("L1"));
        assertThat(l1.getJsonObject("product").encode()).isEqualTo(
                "{\"id\":\"lots-cabbage\",\"name_zh\":\"白菜\",\"name_en\":\"Cabbage\"}");
        assertThat(l1.getValue("quantity").toString()).isEqualTo("800");
        assertThat(l1.getValue("on_hand").toString()).isEqualTo("800");
        assertThat(l1.getString("uom")).isEqualTo("kg");
        assertThat(l1.getString("status")).isEqualTo("active");
        assertThat(l1.getString("born_at")).isEqualTo(h(1).toString());
        assertThat(l1.getString("trace_code")).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-.");
        assertThat(places(l1.getJsonArray("places"))).containsExactly("unit lots-r1 room r1 @origin store=500",
                "unit lots-r2 room r2 @origin store=300");
        JsonObject l2 = get("/api/v1/lots?q=L2").getJsonArray("items").getJsonObject(0);
        assertThat(l2.getValue("on_hand").toString()).isEqualTo("0");
        assertThat(l2.getJsonArray("places")).isEmpty();
        // a trace code prefix finds its lot, typed in lower case with its dashes
        String prefix = l1.getString("trace_code").substring(0, 7).toLowerCase(Locale.ROOT);
        assertThat(codes("?q=" + prefix)).containsExactly("L1");
    }

    private static List<String> places(JsonArray places) {
        return places.stream().map(o -> (JsonObject) o).map(p -> p.getString("kind") + " " + p.getString("id") + " "
                + p.getString("name") + " @" + p.getString("site_name") + "=" + p.getValue("quantity")).toList();
    }

    @Test
    void pagesFollowTheCursorToTheEnd() {
        JsonObject first = get("/api/v1/lots?limit=3");
        assertThat(first.getJsonArray("items")).hasSize(3);
        String cursor = first.getString("next_cursor");
        assertThat(cursor).isNotNull();
        JsonObject second = get("/api/v1/lots?limit=3&cursor=" + cursor);
        assertThat(second.getJsonArray("items").getJsonObject(0).getString("code")).isEqualTo("L1");
        assertThat(second.getJsonArray("items")).hasSize(1);
        assertThat(second.getString("next_cursor")).isNull();
        assertError(api.http().get("/api/v1/lots?cursor=not-a-cursor", token), 400, "cursor");
    }

    @Test
    void aLotsPageHoldsItsEventsGenealogyOriginAndCertificationsExpiredMarked() {
        JsonObject l1 = get("/api/v1/lots/" + idOf("L1"));
        assertThat(types(l1.getJsonArray("events"))).containsExactly("pack", "store_in", "store_in");
        JsonObject parent = l1.getJsonArray("parents").getJsonObject(0);
        assertThat(parent.getString("code") + " " + parent.getValue("quantity") + " " + parent.getString("event_type"))
                .isEqualTo("B1 800 pack");
        assertThat(l1.getJsonArray("children")).isEmpty();
        JsonObject origin = l1.getJsonArray("origins").getJsonObject(0);
        assertThat(origin.getJsonObject("party").getString("division_code")).isEqualTo("500238");
        assertThat(origin.getJsonObject("batch").getString("code")).isEqualTo("B1");
        assertThat(l1.getJsonArray("certifications").stream().map(o -> (JsonObject) o)
                .map(c -> c.getString("id") + ":" + c.getString("status")).toList())
                .containsExactly("lots-organic:valid", "lots-green:expired");
        assertThat(l1.getString("labels_url")).isEqualTo("/api/v1/lots/" + idOf("L1") + "/labels.pdf");

        JsonObject b1 = get("/api/v1/lots/" + idOf("B1"));
        assertThat(b1.getJsonArray("children").stream().map(o -> ((JsonObject) o).getString("code")).toList())
                .containsExactly("L1", "L3");
        assertThat(types(b1.getJsonArray("events"))).as("a voided pack stays in the history")
                .containsExactly("harvest", "pack", "pack", "pack", "correction");
    }

    @Test
    void handOversShowTheShipTheReceiptWithItsTemperatureCheckAndTheDelivery() {
        JsonObject l2 = get("/api/v1/lots/" + idOf("L2"));
        assertThat(types(l2.getJsonArray("events")))
                .containsExactly("pack", "load", "ship", "receive", "deliver");
        assertThat(l2.getJsonArray("handovers").stream().map(o -> (JsonObject) o)
                .map(x -> x.getString("kind") + ":" + x.getJsonObject("party").getString("id") + ":"
                        + x.getValue("quantity") + ":" + x.getString("acceptance") + ":"
                        + x.getValue("handover_temp_c")).toList())
                .containsExactly("ship:lots-buyer:300:null:null", "receive:lots-carrier:300:accept:3.2",
                        "deliver:lots-buyer:300:null:null");
        assertThat(l2.getString("status")).isEqualTo("left");
        assertThat(l2.getJsonArray("origins").getJsonObject(0).getJsonObject("party").getString("id"))
                .isEqualTo("lots-farm2");
    }

    @Test
    void correctedEventsStayInTheHistoryMarkedWithTheirCorrection() {
        JsonObject l3 = get("/api/v1/lots/" + idOf("L3"));
        JsonArray events = l3.getJsonArray("events");
        assertThat(types(events)).containsExactly("pack", "store_in", "correction");
        assertThat(events.getJsonObject(1).getString("id")).isEqualTo(voidedMove);
        assertThat(events.getJsonObject(1).getString("corrected_by")).isEqualTo(voidingCorrection);
        assertThat(events.getJsonObject(0).getString("corrected_by")).isNull();
        assertThat(places(l3.getJsonArray("places"))).containsExactly("unit lots-pc room pc @origin store=100");

        JsonObject l4 = get("/api/v1/lots/" + idOf("L4"));
        assertThat(l4.getString("status")).isEqualTo("voided");
        assertThat(l4.getString("voided_by")).isNotNull();
        assertThat(types(l4.getJsonArray("events"))).containsExactly("pack", "correction");
        assertThat(l4.getJsonArray("events").getJsonObject(0).getString("corrected_by"))
                .isEqualTo(l4.getString("voided_by"));
    }

    @Test
    void byCodeTakesTheLotCodeOrItsTraceCodeHoweverTyped() {
        String id = idOf("L1");
        assertThat(get("/api/v1/lots/by-code/L1").getString("id")).isEqualTo(id);
        String trace = api.rows("SELECT trace_code FROM lot WHERE id = ?::uuid", id).get(0);
        String grouped = get("/api/v1/lots/" + id).getString("trace_code");
        assertThat(grouped.replace("-", "")).isEqualTo(trace);
        assertThat(get("/api/v1/lots/by-code/" + grouped.toLowerCase(Locale.ROOT)).getString("id")).isEqualTo(id);
        assertThat(get("/api/v1/lots/by-code/" + trace).getString("id")).isEqualTo(id);
        String spaced = URLEncoder.encode(" " + trace.substring(0, 8) + " " + trace.substring(8).toLowerCase(Locale.ROOT),
                StandardCharsets.UTF_8).replace("+", "%20");
        assertThat(get("/api/v1/lots/by-code/" + spaced).getString("code")).isEqualTo("L1");
        assertError(api.http().get("/api/v1/lots/by-code/NOPE", token), 404, null);
        // one mistyped character fails the check: no lot, not another lot
        char wrong = trace.charAt(3) == '7' ? '8' : '7';
        assertError(api.http().get("/api/v1/lots/by-code/" + trace.substring(0, 3) + wrong + trace.substring(4),
                token), 404, null);
    }

    @Test
    void anotherOrganisationsLotDoesNotExistForTheCaller() {
        assertError(api.http().get("/api/v1/lots/" + rivalLotId, token), 404, null);
        assertError(api.http().get("/api/v1/lots/by-code/R1", token), 404, null);
        assertError(api.http().get("/api/v1/lots/by-code/" + rivalTrace, token), 404, null);
        assertError(api.http().get("/api/v1/lots/not-a-uuid", token), 404, null);
        // (q also matches trace-code prefixes, and a random one of ours may start with R)
        assertThat(codes("?q=R")).doesNotContain("R1");
        // an admin of no organisation sees both
        String admin = api.token(Role.ADMIN);
        assertThat(expect(api.http().get("/api/v1/lots/by-code/" + rivalTrace, admin), 200).getString("code"))
                .isEqualTo("R1");
        assertThat(expect(api.http().get("/api/v1/lots?q=R1", admin), 200).getJsonArray("items")).hasSize(1);
    }

    private static List<String> types(JsonArray events) {
        return events.stream().map(o -> ((JsonObject) o).getString("type")).toList();
    }
}
