package io.coldtrace.api.genealogy;

import static io.coldtrace.api.events.LotChain.item;
import static io.coldtrace.api.events.LotChain.items;
import static io.coldtrace.api.genealogy.TraceAnswers.edges;
import static io.coldtrace.api.genealogy.TraceAnswers.lotCodes;
import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.events.LotChain;
import io.coldtrace.api.testing.TestApi;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Traces across organisations (issue 8 §6). Organisation xa harvests B1, packs L (800 kg) and ships 500 kg of it to
 * its buyer party that is organisation xb; xb receives 500 kg as its lot R recording L's trace code as the external
 * code, splits R into S1 (200) and S2 (300) and delivers them to two buyers. Each trace crosses the hand-over only
 * where the organisation on the far side granted the tracing one, and stops again once the grant is revoked; a
 * third organisation, xc, sees none of it. The tests run in order: grants are given and revoked as they go.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrossOrgTraceIT {
    private static final Instant T0 = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
    private static TestApi api;
    private static String qaA;
    private static String qaB;
    private static String qaC;
    private static String grantOfB;

    @BeforeAll
    static void start() {
        api = TestApi.start("cross-org");
        LotChain a = new LotChain(api, "xa");
        LotChain b = new LotChain(api, "xb");
        new LotChain(api, "xc");
        api.seeds().party("xb-supplier", "xb", "packer", "500238");
        api.seeds().party("xb-buyer2", "xb", "buyer", "500103");
        qaA = api.token(Role.QA, "xa");
        qaB = api.token(Role.QA, "xb");
        qaC = api.token(Role.QA, "xc");
        a.harvest("B1", 1000, h(0));
        a.pack("B1", 800, "L", 800, "r1", h(1));
        a.post("ship", h(2), a.unit("r1"), new JsonObject().put("to_party_id", "xa-buyer")
                .put("lots", items(item("L", 500))));
        // G: 100 kg more of B1, delivered to B, which records it the GS1 way (A's lot code, a product of A's GTIN)
        api.seeds().gtin("xa-cabbage", "09520123456788");
        api.sql("""
                INSERT INTO product (id, org_id, name_zh, name_en, commodity, unit_of_measure, temp_class, gtin,
                    shelf_life_ref_c, shelf_life_days, q10) VALUES ('xb-gcab', 'xb', '白菜', 'Cabbage', 'cabbage', 'kg',
                    'chilled', '09520123456788', 0, 14, 3)""");
        a.pack("B1", 100, "G", 100, "r1", h(1.5));
        a.post("deliver", h(2), new JsonObject().put("party_id", "xa-buyer"),
                new JsonObject().put("lots", items(item("G", 100))));
        b.post("receive", h(3), new JsonObject().put("site_id", "xb-dc").put("party_id", "xb-supplier"),
                new JsonObject().put("acceptance", "accept").put("handover_temp_c", 3.0)
                        .put("outputs", items(item("G", 100).put("product_id", "xb-gcab"))));
        String traceCode = api.seeds().traceCode(api.seeds().lotId("xa", "L"));
        b.post("receive", h(3), new JsonObject().put("site_id", "xb-dc").put("party_id", "xb-supplier"),
                new JsonObject().put("acceptance", "accept").put("handover_temp_c", 3.0)
                        .put("outputs", items(b.output("R", 500).put("external_code", traceCode))));
        b.post("transform", h(4), new JsonObject().put("site_id", "xb-dc"), new JsonObject().put("kind", "split")
                .put("inputs", items(item("R", 500))).put("outputs", items(b.output("S1", 200), b.output("S2", 300))));
        b.post("deliver", h(5), new JsonObject().put("party_id", "xb-buyer"),
                new JsonObject().put("lots", items(item("S1", 200))));
        b.post("deliver", h(5), new JsonObject().put("party_id", "xb-buyer2"),
                new JsonObject().put("lots", items(item("S2", 300))));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Instant h(double hours) {
        return LotChain.after(T0, hours);
    }

    private static String path(String org, String code, String direction) {
        return "/api/v1/lots/" + api.seeds().lotId(org, code) + "/trace/" + direction;
    }

    private static JsonObject trace(String token, String org, String code, String direction) {
        return expect(api.http().get(path(org, code, direction), token), 200);
    }

    private static JsonObject grant(String token, String grantee) {
        return expect(api.http().post("/api/v1/trace-grants", token, new JsonObject().put("grantee_org", grantee)),
                201);
    }

    private static JsonObject edge(JsonObject t, String kind) {
        return t.getJsonArray("edges").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("kind").equals(kind)).findFirst().orElseThrow();
    }

    /** A's forward trace of L, as it is when B has not granted A (before the grant and after its revocation). */
    private static void assertForwardStopsAtTheHandover() {
        JsonObject t = trace(qaA, "xa", "L", "forward");
        assertThat(lotCodes(t)).containsExactly("L@0");
        assertThat(edges(t)).containsExactly("L -shipped 500 kg-> party:xa-buyer");
        JsonObject shipped = edge(t, "shipped");
        // the hand-over says only that the trace does not go on here, not whether anything lies beyond it
        assertThat(shipped.fieldNames()).containsExactlyInAnyOrder("from", "to", "kind", "quantity", "uom",
                "event_id", "at", "continues_in_org");
        assertThat(shipped.getValue("continues_in_org")).isNull();
        assertThat(t.encode()).doesNotContain("xb", "S1", "S2");
    }

    @Test
    @Order(1)
    void withoutGrantsEachTraceStopsAtTheHandover() {
        assertForwardStopsAtTheHandover();
        JsonObject back = trace(qaB, "xb", "S1", "backward");
        assertThat(lotCodes(back)).containsExactly("S1@0", "R@1");
        assertThat(edges(back)).containsExactly("R -transformed 200 kg-> S1",
                "party:xb-supplier -received 500 kg-> R");
        assertThat(edge(back, "received").getValue("continues_in_org")).isNull();
        assertThat(back.encode()).doesNotContain("xa", "B1");
    }

    @Test
    @Order(2)
    void withBsGrantAsForwardTraceGoesOnIntoBsSplitLotsAndBuyers() {
        JsonObject g = grant(qaB, "xa");
        grantOfB = g.getString("id");
        assertThat(g.getString("grantor_org")).isEqualTo("xb");
        assertThat(g.getBoolean("in_force")).isTrue();

        JsonObject t = trace(qaA, "xa", "L", "forward");
        assertThat(lotCodes(t)).containsExactlyInAnyOrder("L@0", "R@1", "S1@2", "S2@2");
        assertThat(edges(t)).containsExactly(
                "L -handed_over 500 kg-> R",
                "L -shipped 500 kg-> party:xa-buyer",
                "R -transformed 200 kg-> S1",
                "R -transformed 300 kg-> S2",
                "S1 -delivered 200 kg-> party:xb-buyer",
                "S2 -delivered 300 kg-> party:xb-buyer2");
        assertThat(edge(t, "shipped").getString("continues_in_org")).isEqualTo("xb");
        JsonObject crossing = edge(t, "handed_over");
        assertThat(crossing.getString("from_org")).isEqualTo("xa");
        assertThat(crossing.getString("to_org")).isEqualTo("xb");
        assertThat(crossing.getString("handover_kind")).isEqualTo("ship");
        // each node says whose it is; B's lots show places by name, not B's ids
        for (Object o : t.getJsonArray("nodes")) {
            JsonObject n = (JsonObject) o;
            if (n.getString("type").equals("lot")) {
                boolean ofB = !n.getString("code").equals("L");
                assertThat(n.getString("org_id")).isEqualTo(ofB ? "xb" : "xa");
                assertThat(n.containsKey("site_id")).isEqualTo(!ofB);
                if (ofB) {
                    assertThat(n.getString("site_name")).isEqualTo("DC");
                    assertThat(n.getJsonObject("product").getValue("id")).isNull();
                    assertThat(n.getJsonObject("product").getString("name_en")).isEqualTo("Cabbage");
                }
            }
        }
        assertThat(t.getJsonArray("recipients").stream().map(r -> ((JsonObject) r).getJsonObject("party")
                .getString("party_id") + " " + ((JsonObject) r).getJsonObject("delivered").encode()))
                .containsExactlyInAnyOrder("xa-buyer {}", "xb-buyer {\"kg\":200}", "xb-buyer2 {\"kg\":300}");
        // the crossing counts as a hop of depth: S1 and S2 lie two hops from L
        assertThat(assertError(api.http().get(path("xa", "L", "forward") + "?depth=1", qaA), 422, "depth")
                .getInteger("limit")).isEqualTo(1);
        assertThat(expect(api.http().get(path("xa", "L", "forward") + "?depth=2", qaA), 200).getInteger("depth"))
                .isEqualTo(2);
        assertThat(assertError(api.http().get(path("xa", "L", "forward") + "?width=3", qaA), 422, "width")
                .getInteger("limit")).isEqualTo(3);
        // the GS1 way: B's lot G of a product with A's GTIN, under A's lot code
        JsonObject gs1 = trace(qaA, "xa", "G", "forward");
        assertThat(lotCodes(gs1)).containsExactly("G@0", "G@1");
        assertThat(edges(gs1)).containsExactly("G -delivered 100 kg-> party:xa-buyer", "G -handed_over 100 kg-> G");
        assertThat(edge(gs1, "delivered").getString("continues_in_org")).isEqualTo("xb");
        // a grant is one way: B still does not trace back into A
        assertThat(lotCodes(trace(qaB, "xb", "S1", "backward"))).containsExactly("S1@0", "R@1");
    }

    @Test
    @Order(3)
    void withAsGrantBsBackwardTraceGoesBackIntoAToTheFarm() {
        grant(qaA, "xb");
        JsonObject t = trace(qaB, "xb", "S1", "backward");
        assertThat(lotCodes(t)).containsExactlyInAnyOrder("S1@0", "R@1", "L@2", "B1@3");
        assertThat(edges(t)).containsExactly(
                "B1 -transformed 800 kg-> L",
                "L -handed_over 500 kg-> R",
                "R -transformed 200 kg-> S1",
                "party:xa-farm -farms-> plot:xa-plot",
                "party:xb-supplier -received 500 kg-> R",
                "plot:xa-plot -harvested 1000 kg-> B1");
        assertThat(edge(t, "received").getString("continues_in_org")).isEqualTo("xa");
        // a trace shows no people: not the grower, not who recorded or granted anything
        assertThat(t.encode()).doesNotContain("Chen", "13800000000", "granted_by");
    }

    @Test
    @Order(4)
    void aThirdOrganisationSeesNoneOfIt() {
        assertThat(api.http().get(path("xa", "L", "forward"), qaC).statusCode()).isEqualTo(404);
        assertThat(api.http().get(path("xb", "S1", "backward"), qaC).statusCode()).isEqualTo(404);
        assertThat(expect(api.http().get("/api/v1/trace-grants", qaC), 200).getInteger("count")).isZero();
        assertThat(api.http().post("/api/v1/trace-grants/" + grantOfB + "/revoke", qaC, new JsonObject())
                .statusCode()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void bothSidesListTheirGrantsTheGranteeWithoutTheGrantorsPeople() {
        JsonObject list = expect(api.http().get("/api/v1/trace-grants", qaB), 200);
        assertThat(list.getInteger("count")).isEqualTo(2);
        for (Object o : list.getJsonArray("items")) {
            JsonObject g = (JsonObject) o;
            boolean given = g.getString("grantor_org").equals("xb");
            assertThat(g.getString("direction")).isEqualTo(given ? "given" : "received");
            assertThat(g.getValue("granted_by") != null).isEqualTo(given);
        }
        JsonObject given = expect(api.http().get("/api/v1/trace-grants?direction=given", qaB), 200);
        assertThat(given.getInteger("count")).isEqualTo(1);
        assertThat(given.getJsonArray("items").getJsonObject(0).getString("grantee_org")).isEqualTo("xa");
        assertError(api.http().get("/api/v1/trace-grants?direction=sideways", qaB), 400, "direction");
    }

    @Test
    @Order(6)
    void afterBRevokesAsTraceStopsAtTheHandoverAgain() {
        // only the grantor revokes
        assertThat(api.http().post("/api/v1/trace-grants/" + grantOfB + "/revoke", qaA, new JsonObject())
                .statusCode()).isEqualTo(404);
        JsonObject revoked = expect(api.http().post("/api/v1/trace-grants/" + grantOfB + "/revoke", qaB,
                new JsonObject()), 200);
        assertThat(revoked.getBoolean("in_force")).isFalse();
        assertThat(revoked.getString("revoked_at")).isNotNull();
        assertError(api.http().post("/api/v1/trace-grants/" + grantOfB + "/revoke", qaB, new JsonObject()), 409,
                "id");
        assertForwardStopsAtTheHandover();
        // the revocation is a row of its own; the grant is as it was given
        assertThat(api.rows("SELECT grantee_org || ' ' || granted_by FROM trace_grant WHERE id = ?::uuid", grantOfB))
                .hasSize(1);
        assertThat(api.rows("SELECT grant_id::text FROM trace_grant_revocation")).containsExactly(grantOfB);
        // and B may grant again
        grant(qaB, "xa");
        assertThat(lotCodes(trace(qaA, "xa", "L", "forward"))).hasSize(4);
    }

    @Test
    @Order(7)
    void badGrantsAre4xxNamingTheFieldAndStoreNothing() {
        int before = api.rows("SELECT id FROM trace_grant").size();
        assertError(api.http().post("/api/v1/trace-grants", qaA, new JsonObject().put("grantee_org", "nobody")),
                422, "grantee_org");
        assertError(api.http().post("/api/v1/trace-grants", qaA, new JsonObject().put("grantee_org", "xa")),
                422, "grantee_org");
        assertError(api.http().post("/api/v1/trace-grants", qaA, new JsonObject()), 422, "grantee_org");
        assertError(api.http().post("/api/v1/trace-grants", qaA, new JsonObject().put("grantee_org", 7)),
                422, "grantee_org");
        assertError(api.http().post("/api/v1/trace-grants", qaA, new JsonObject().put("grantee_org", "xc")
                .put("org_id", "xb")), 422, "org_id");
        assertError(api.http().post("/api/v1/trace-grants", qaA, new JsonObject().put("grantee_org", "xc")
                .put("until", "never")), 422, "until");
        // A's grant to B is in force (test 3)
        assertError(api.http().post("/api/v1/trace-grants", qaA, new JsonObject().put("grantee_org", "xb")),
                409, "grantee_org");
        assertThat(api.http().post("/api/v1/trace-grants", api.token(Role.OPERATOR, "xa"),
                new JsonObject().put("grantee_org", "xc")).statusCode()).isEqualTo(403);
        assertThat(api.http().post("/api/v1/trace-grants/not-a-uuid/revoke", qaA, new JsonObject()).statusCode())
                .isEqualTo(404);
        assertThat(api.rows("SELECT id FROM trace_grant")).hasSize(before);
        // an admin of the organisation grants like its QA; an admin of none names the grantor
        String adminA = api.token(Role.ADMIN, "xa");
        assertThat(grant(adminA, "xc").getString("grantor_org")).isEqualTo("xa");
        assertError(api.http().post("/api/v1/trace-grants", api.token(Role.ADMIN), new JsonObject()
                .put("grantee_org", "xa")), 422, "org_id");
    }

    @Test
    @Order(8)
    void theDatabaseRefusesToChangeOrDeleteAGrantOrARevocation() {
        assertThatThrownBy(() -> api.sql("UPDATE trace_grant SET grantee_org = 'xc' WHERE id = ?::uuid", grantOfB))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> api.sql("DELETE FROM trace_grant WHERE id = ?::uuid", grantOfB))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> api.sql("DELETE FROM trace_grant_revocation WHERE grant_id = ?::uuid", grantOfB))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> api.sql("TRUNCATE trace_grant_revocation"))
                .hasMessageContaining("append-only");
        assertThat(api.rows("SELECT grant_id::text FROM trace_grant_revocation")).containsExactly(grantOfB);
    }
}
