package io.coldtrace.api.epcis;

import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.events.LotChain;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.ids.Gs1;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * EPCIS capture, round trip: a chain with every event type of one organisation, exported, captured by a partner
 * into another organisation holding the same master data (products with the same GTIN, places and parties with the
 * same GLNs), exported again: the same events, the same lots where they were; captured again: nothing new.
 */
class CaptureIT {
    private static final Instant T0 = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
    static final String GTIN = "09520123456788";
    private static TestApi api;
    private static LotChain from;
    private static LotChain into;
    private static String partner;

    @BeforeAll
    static void start() {
        api = TestApi.start("capture");
        from = located(api, new LotChain(api, "ca"));
        into = located(api, new LotChain(api, "cb"));
        from.everyEventType(CaptureIT::h);
        partner = api.seeds().token(Role.PARTNER, "cb", "cb's supplier system").secret();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static Instant h(double hours) {
        return LotChain.after(T0, hours);
    }

    /** A GLN with a valid check digit, the {@code n}th of one company prefix. */
    static String gln(int n) {
        String body = "061414" + String.format("%06d", n);
        return body + Gs1.checkDigit(body);
    }

    /** The chain's product with {@link #GTIN}, its sites, units, plot and parties with the GLNs every chain shares. */
    static LotChain located(TestApi api, LotChain c) {
        String o = c.org;
        api.sql("UPDATE product SET gtin = ? WHERE id = ?", GTIN, o + "-cabbage");
        api.sql("UPDATE site SET gln = ? WHERE id = ?", gln(1), o + "-o");
        api.sql("UPDATE site SET gln = ? WHERE id = ?", gln(2), o + "-dc");
        String[] units = {"r1", "r2", "pc", "t1", "d1"};
        for (int i = 0; i < units.length; i++) {
            api.sql("UPDATE unit SET gln = ? WHERE id = ?", gln(10 + i), o + "-" + units[i]);
        }
        api.sql("UPDATE farm_plot SET gln = ? WHERE id = ?", gln(20), o + "-plot");
        String[] parties = {"farm", "carrier", "buyer"};
        for (int i = 0; i < parties.length; i++) {
            api.sql("UPDATE party SET gln = ? WHERE id = ?", gln(30 + i), o + "-" + parties[i]);
        }
        return c;
    }

    static HttpResponse<Buffer> capture(String token, String document) {
        return api.http().send(HttpMethod.POST, "/epcis/capture", token, document);
    }

    private static String export(String org) {
        var r = api.http().get("/epcis/events?GE_eventTime=" + h(-1) + "&LT_eventTime=" + h(30),
                api.token(Role.QA, org));
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r.bodyAsString();
    }

    private static List<JsonObject> events(String document) {
        List<JsonObject> out = new ArrayList<>();
        new JsonObject(document).getJsonObject("epcisBody").getJsonArray("eventList")
                .forEach(o -> out.add((JsonObject) o));
        return out;
    }

    /** An exported event without its hash IDs, its organisation's own URIs written for any organisation's. */
    private static String comparable(JsonObject event, String org) {
        JsonObject e = event.copy();
        e.remove("eventID");
        if (e.getJsonObject("errorDeclaration") != null) {
            e.getJsonObject("errorDeclaration").remove("correctiveEventIDs");
        }
        return e.encode().replace("/id/" + org + "/", "/id/ORG/").replace("/id/" + org + "\"", "/id/ORG\"");
    }

    @Test
    void aCapturedExportExportsAsTheSameEventsAndCapturingItAgainStoresNothing() {
        String exported = export("ca");
        List<JsonObject> original = events(exported);
        assertThat(original.stream().map(e -> e.getString("bizStep")).toList()).containsExactly(
                "creating_class_instance", "other", "commissioning", "storing", "storing", "picking", "loading",
                "shipping", "unloading", "receiving", "repackaging", "shipping", "destroying", "destroying",
                "destroying");

        var r = capture(partner, exported);
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(202);
        assertThat(r.getHeader("content-type")).startsWith("application/json");
        JsonObject job = expect(api.http().get(r.getHeader("location"), partner), 200);
        assertThat(job.getString("captureID")).isEqualTo(r.getHeader("location").replace("/epcis/capture/", ""));
        assertThat(job.getBoolean("running")).isFalse();
        assertThat(job.getBoolean("success")).isTrue();
        assertThat(job.getString("captureErrorBehaviour")).isEqualTo("rollback");
        assertThat(job.getJsonArray("errors")).isEmpty();
        // 15 EPCIS events: the replacement of the corrected loss is stored within its correction
        assertThat(job.getInteger("eventCount")).isEqualTo(15);
        assertThat(job.getInteger("created")).isEqualTo(14);
        assertThat(job.getInteger("existing")).isZero();
        assertThat(api.rows("SELECT DISTINCT recorded_by FROM trace_event WHERE org_id = 'cb'"))
                .containsExactly("cb's supplier system");
        assertThat(api.rows("SELECT type FROM trace_event WHERE org_id = 'cb' ORDER BY seq")).containsExactly(
                "harvest", "pre_cool", "pack", "store_in", "store_in", "store_out", "load", "ship", "unload",
                "receive", "transform", "deliver", "loss", "correction");

        List<JsonObject> again = events(export("cb"));
        assertThat(again.stream().map(e -> comparable(e, "cb")).toList())
                .containsExactlyElementsOf(original.stream().map(e -> comparable(e, "ca")).toList());
        int sameIds = 0;
        for (int i = 0; i < original.size(); i++) {
            if (!comparable(original.get(i), "ca").contains("/id/ORG")) {
                // named by GTINs and GLNs only: the same event, so the same hash ID
                assertThat(again.get(i).getString("eventID")).isEqualTo(original.get(i).getString("eventID"));
                sameIds++;
            }
        }
        assertThat(sameIds).as("events named by GS1 keys only").isGreaterThanOrEqualTo(6);
        JsonObject declared = again.get(13);
        assertThat(declared.getString("eventID")).isEqualTo(again.get(12).getString("eventID"));
        assertThat(declared.getJsonObject("errorDeclaration").getString("reason")).isEqualTo("incorrect_data");
        assertThat(declared.getJsonObject("errorDeclaration").getJsonArray("correctiveEventIDs"))
                .containsExactly(again.get(14).getString("eventID"));
        assertThat(again.get(14).getJsonArray("quantityList").getJsonObject(0).getDouble("quantity")).isEqualTo(4.0);

        // the projections agree lot by lot: where each lot is, and how much
        for (String lot : new String[] {"B1", "L1", "L2", "L9"}) {
            assertThat(into.holdings(lot)).as(lot).isEqualTo(from.holdings(lot).replace("ca-", "cb-"));
        }
        assertThat(expect(api.http().get("/api/v1/events/verify?org_id=cb", api.token(Role.ADMIN)), 200)
                .getBoolean("ok")).isTrue();

        long stored = api.number("SELECT count(*) FROM trace_event WHERE org_id = 'cb'");
        var twice = capture(partner, exported);
        assertThat(twice.statusCode()).as(twice.bodyAsString()).isEqualTo(202);
        JsonObject second = new JsonObject(twice.bodyAsString());
        assertThat(second.getInteger("created")).isZero();
        assertThat(second.getInteger("existing")).isEqualTo(14);
        assertThat(second.getString("captureID")).isNotEqualTo(job.getString("captureID"));
        assertThat(api.number("SELECT count(*) FROM trace_event WHERE org_id = 'cb'")).isEqualTo(stored);
        assertThat(api.number("SELECT count(*) FROM lot WHERE org_id = 'cb'")).isEqualTo(4);
    }

    @Test
    void eventsWithoutAnEventIdAreKeptUnderTheirHashSoADocumentIsCapturedOnce() {
        LotChain c = located(api, new LotChain(api, "cn"));
        c.harvest("B7", 30, h(0));
        String token = api.token(Role.QA, "cn");
        JsonObject in = new JsonObject().put("type", "ObjectEvent").put("eventTime", h(1).toString())
                .put("eventTimeZoneOffset", "+08:00").put("action", "OBSERVE").put("bizStep", "storing")
                .put("readPoint", new JsonObject().put("id", "https://id.gs1.org/414/" + gln(12)))
                .put("quantityList", new JsonArray().add(new JsonObject()
                        .put("epcClass", "https://partner.example/id/any/lot/B7").put("quantity", 30)
                        .put("uom", "KGM")));
        // the same room by the project's own URI of its id (any base, any organisation segment)
        JsonObject out = in.copy().put("eventTime", h(2).toString()).put("bizStep", "picking")
                .put("readPoint", new JsonObject().put("id", "https://partner.example/id/cn/unit/cn-pc"));
        String document = document(in, out);
        JsonObject first = new JsonObject(capture(token, document).bodyAsString());
        assertThat(first.getInteger("created")).isEqualTo(2);
        assertThat(api.rows("SELECT client_event_id FROM trace_event WHERE org_id = 'cn' AND type = 'store_in'"))
                .containsExactly(EventHash.id(in, java.util.Map.of()));
        JsonObject second = new JsonObject(capture(token, document).bodyAsString());
        assertThat(second.getInteger("created")).isZero();
        assertThat(second.getInteger("existing")).isEqualTo(2);
        assertThat(c.holdings("B7")).isEqualTo("site cn-o=30");
    }

    /** An EPCIS document of {@code events}. */
    static String document(JsonObject... events) {
        JsonArray list = new JsonArray();
        for (JsonObject e : events) {
            list.add(e);
        }
        return new JsonObject().put("@context", new JsonArray().add(EpcisMapper.CONTEXT))
                .put("type", "EPCISDocument").put("schemaVersion", "2.0").put("creationDate", "2025-03-01T00:00:00Z")
                .put("epcisBody", new JsonObject().put("eventList", list)).encode();
    }
}
