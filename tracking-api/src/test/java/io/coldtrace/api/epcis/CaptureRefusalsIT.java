package io.coldtrace.api.epcis;

import static io.coldtrace.api.epcis.CaptureIT.document;
import static io.coldtrace.api.epcis.CaptureIT.gln;
import static io.coldtrace.api.epcis.CaptureIT.h;
import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.events.LotChain;
import io.coldtrace.api.testing.TestApi;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Documents capture refuses, each with the REST binding's RFC 7807 problem naming the element at fault, and nothing
 * of them stored: a document GS1's schema refuses, an event the ledger refuses (mass balance, a cycle), an event no
 * stored type records, one naming a place the organisation does not have, documents over the limits. And the
 * partner token: capture into its organisation, nothing else.
 */
class CaptureRefusalsIT {
    private static final String DL = "https://id.gs1.org/01/" + CaptureIT.GTIN + "/10/";
    private static final String ROOM_1 = "https://id.gs1.org/414/" + gln(10);
    private static final String ROOM_2 = "https://id.gs1.org/414/" + gln(11);
    private static final String DC = "https://id.gs1.org/414/" + gln(2);
    private static TestApi api;
    private static LotChain chain;
    private static String partner;
    private long stored;

    @BeforeAll
    static void start() {
        api = TestApi.start("capture-refusals");
        chain = CaptureIT.located(api, new LotChain(api, "cr"));
        CaptureIT.located(api, new LotChain(api, "cx"));
        chain.harvest("B1", 100, h(0));
        chain.pack("B1", 100, "L1", 100, "r1", h(1));
        // the partner's own lot: the refusals leave L1 in room 1, this one is captured into room 2
        chain.harvest("B2", 50, h(0));
        chain.pack("B2", 50, "L3", 50, "r1", h(1));
        partner = api.seeds().token(Role.PARTNER, "cr", "cr partner").secret();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void count() {
        stored = events();
    }

    private static long events() {
        return api.number("SELECT count(*) FROM trace_event");
    }

    private static HttpResponse<Buffer> capture(String document) {
        return api.http().send(HttpMethod.POST, "/epcis/capture", partner, document);
    }

    /** The problem {@code r} answers: its status, media type and EPCIS exception type checked. */
    private JsonObject problem(HttpResponse<Buffer> r, int status, String type) {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
        assertThat(r.getHeader("content-type")).isEqualTo("application/problem+json");
        JsonObject p = new JsonObject(r.bodyAsString());
        assertThat(p.getString("type")).isEqualTo(type);
        assertThat(p.getInteger("status")).isEqualTo(status);
        assertThat(p.getString("title")).isNotBlank();
        assertThat(p.getString("detail")).isNotBlank();
        assertThat(events()).as("nothing stored").isEqualTo(stored);
        return p;
    }

    private static JsonObject observe(String bizStep, double hours, String readPoint, String lot, double quantity) {
        return new JsonObject().put("type", "ObjectEvent").put("eventTime", h(hours).toString())
                .put("eventTimeZoneOffset", "+08:00").put("action", "OBSERVE").put("bizStep", bizStep)
                .put("readPoint", new JsonObject().put("id", readPoint)).put("quantityList", quantities(lot, quantity));
    }

    private static JsonObject repackaging(double hours, String in, double quantity, String out) {
        return new JsonObject().put("type", "TransformationEvent").put("eventTime", h(hours).toString())
                .put("eventTimeZoneOffset", "+08:00").put("bizStep", "repackaging")
                .put("readPoint", new JsonObject().put("id", ROOM_1))
                .put("inputQuantityList", quantities(in, quantity)).put("outputQuantityList", quantities(out, quantity));
    }

    private static JsonArray quantities(String lot, double quantity) {
        return new JsonArray().add(new JsonObject().put("epcClass", DL + lot).put("quantity", quantity)
                .put("uom", "KGM"));
    }

    @Test
    void aDocumentTheSchemaRefusesIsAValidationProblemNamingThePointer() {
        JsonObject bad = observe("storing", 2, ROOM_1, "L1", 10).put("eventTime", "yesterday");
        JsonObject p = problem(capture(document(observe("storing", 2, ROOM_1, "L1", 10), bad)), 400,
                EpcisProblems.VALIDATION);
        assertThat(p.getString("pointer")).isEqualTo("/epcisBody/eventList/1/eventTime");
        assertThat(p.getString("detail")).contains("GS1's EPCIS 2.0 JSON schema");
        assertThat(p.getJsonArray("errors").getJsonObject(0).getString("pointer"))
                .isEqualTo("/epcisBody/eventList/1/eventTime");
        problem(capture("{\"type\": "), 400, EpcisProblems.VALIDATION);
    }

    @Test
    void aSecondEventBreakingMassBalanceRefusesTheWholeDocumentNamingIt() {
        String before = chain.holdings("L1");
        JsonObject loss = observe("destroying", 3, ROOM_1, "L1", 500).put("action", "DELETE")
                .put("disposition", "destroyed");
        loss.remove("readPoint");
        JsonObject p = problem(capture(document(observe("storing", 2, ROOM_2, "L1", 100), loss)), 400,
                EpcisProblems.VALIDATION);
        assertThat(p.getInteger("eventIndex")).isEqualTo(1);
        assertThat(p.getString("pointer")).isEqualTo("/epcisBody/eventList/1/quantityList/0");
        assertThat(p.getString("detail")).startsWith("event 1 (/epcisBody/eventList/1/quantityList/0)");
        assertThat(chain.holdings("L1")).isEqualTo(before);
    }

    @Test
    void aTransformationWhoseOutputIsItsOwnAncestorIsRefused() {
        JsonObject self = problem(capture(document(repackaging(2, "L1", 10, "L1"))), 400, EpcisProblems.VALIDATION);
        assertThat(self.getInteger("eventIndex")).isZero();
        assertThat(self.getString("pointer")).isEqualTo("/epcisBody/eventList/0/outputQuantityList/0");
        assertThat(self.getString("detail")).contains("cycle");
        // L5 from L1, then L1 from L5: L1 would be its own grandchild
        JsonObject back = problem(capture(document(repackaging(2, "L1", 10, "L5"), repackaging(3, "L5", 10, "L1"))),
                400, EpcisProblems.VALIDATION);
        assertThat(back.getInteger("eventIndex")).isEqualTo(1);
        assertThat(back.getString("pointer")).isEqualTo("/epcisBody/eventList/1/outputQuantityList/0");
        assertThat(api.number("SELECT count(*) FROM lot WHERE org_id = 'cr' AND code = 'L5'")).isZero();
    }

    @Test
    void eventsNoStoredTypeRecordsAndPlacesTheOrganisationLacksAreNamed() {
        UnaryOperator<JsonObject> aggregation = e -> e.put("type", "AggregationEvent").put("action", "ADD")
                .put("parentID", "https://id.gs1.org/00/106141412345678908").put("childQuantityList",
                        e.remove("quantityList"));
        JsonObject p = problem(capture(document(aggregation.apply(observe("packing", 2, ROOM_1, "L1", 10)))), 400,
                EpcisProblems.VALIDATION);
        assertThat(p.getString("pointer")).isEqualTo("/epcisBody/eventList/0/type");
        String nowhere = "https://id.gs1.org/414/" + gln(99);
        p = problem(capture(document(observe("storing", 2, nowhere, "L1", 10))), 400, EpcisProblems.VALIDATION);
        assertThat(p.getString("pointer")).isEqualTo("/epcisBody/eventList/0/readPoint/id");
        assertThat(p.getString("detail")).contains("no site, unit or plot with GLN " + gln(99));
        // a place of another organisation, by its own URI, is no place of this one
        p = problem(capture(document(observe("storing", 2, "https://x.example/id/cx/unit/cx-r2", "L1", 10))), 400,
                EpcisProblems.VALIDATION);
        assertThat(p.getString("pointer")).isEqualTo("/epcisBody/eventList/0/readPoint");
        assertThat(p.getString("detail")).contains("no unit cx-r2");
        JsonObject receiving = observe("receiving", 2, DC, "L1", 10);
        p = problem(capture(document(receiving)), 400, EpcisProblems.VALIDATION);
        assertThat(p.getString("pointer")).isEqualTo("/epcisBody/eventList/0/sensorElementList");
    }

    @Test
    void documentsOverTheLimitsAndOtherMediaAreRefused() {
        JsonObject[] many = new JsonObject[CaptureDocument.MAX_EVENTS + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = observe("storing", 2, ROOM_1, "L1", 1).put("eventID", "urn:uuid:" + java.util.UUID.randomUUID());
        }
        JsonObject p = problem(capture(document(many)), 413, EpcisProblems.CAPTURE_LIMIT);
        assertThat(p.getInteger("limit")).isEqualTo(CaptureDocument.MAX_EVENTS);
        String huge = document(observe("storing", 2, ROOM_1, "L1", 1)) + " ".repeat((int) CaptureRoutes.MAX_BYTES);
        problem(capture(huge), 413, EpcisProblems.CAPTURE_LIMIT);
        problem(api.http().upload("/epcis/capture", partner, "text/plain",
                document(observe("storing", 2, ROOM_1, "L1", 1)).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                415, EpcisProblems.IMPLEMENTATION);
    }

    @Test
    void aPartnerTokenCapturesIntoItsOrganisationAndCallsNothingElse() {
        var ok = capture(document(observe("storing", 2, ROOM_2, "L3", 50)));
        assertThat(ok.statusCode()).as(ok.bodyAsString()).isEqualTo(202);
        stored = events();
        assertThat(api.http().get(ok.getHeader("location"), partner).statusCode()).isEqualTo(200);
        assertThat(chain.holdings("L3")).isEqualTo("unit cr-r2=50");
        assertThat(api.rows("SELECT recorded_by FROM trace_event WHERE org_id = 'cr' ORDER BY seq DESC LIMIT 1"))
                .containsExactly("cr partner");
        problem(api.http().send(HttpMethod.POST, "/epcis/capture?org_id=cx", partner,
                document(observe("storing", 2, ROOM_2, "L3", 50))), 422, EpcisProblems.VALIDATION);
        problem(api.http().get(ok.getHeader("location"), api.token(Role.PARTNER, "cx")), 404,
                EpcisProblems.NO_SUCH_NAME);
        for (String route : new String[] {"/api/v1/lots", "/api/v1/events", "/api/v1/session",
                "/epcis/events?GE_eventTime=" + h(0) + "&LT_eventTime=" + h(9), "/api/v1/epcis/events?GE_eventTime="
                + h(0) + "&LT_eventTime=" + h(9)}) {
            assertThat(api.http().get(route, partner).statusCode()).as(route).isEqualTo(403);
        }
        assertThat(api.http().send(HttpMethod.POST, "/api/v1/events/bulk", partner, "[]").statusCode())
                .isEqualTo(403);
        problem(api.http().get("/epcis/events?GE_eventTime=" + h(0) + "&LT_eventTime=" + h(9), partner), 403,
                EpcisProblems.SECURITY);
        assertThat(api.http().post("/api/v1/session", null, new JsonObject().put("token", partner)).statusCode())
                .as("a partner has no pages to sign in to").isEqualTo(403);
        assertThat(api.http().post("/api/v1/users", api.token(Role.ADMIN), new JsonObject().put("id", "p1")
                .put("org_id", "cr").put("name", "A partner").put("role", "partner")).statusCode()).isEqualTo(422);
        var made = api.createToken("--role", "partner", "--name", "cr EDI", "--org", "cr");
        assertThat(made.exitCode()).isZero();
        assertThat(api.http().get(ok.getHeader("location"), made.out()).statusCode()).isEqualTo(200);
        assertThat(api.createToken("--role", "partner", "--name", "orgless").exitCode()).isEqualTo(2);
    }
}
