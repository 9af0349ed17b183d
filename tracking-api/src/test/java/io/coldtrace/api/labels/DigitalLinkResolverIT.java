package io.coldtrace.api.labels;

import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.Http;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.ids.TraceCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Digital Link resolver's link types on real lots (GS1-Conformant resolver 1.x): the default link and gs1:pip to
 * the buyer's page, gs1:traceability to the lot's EPCIS events behind QA's token, gs1:recallStatus to a public
 * answer (JSON, or the page's notice for a browser) that follows a real recall, the RFC 9264 linkset, a link type
 * the lot has no link of, and no internal id in any public answer.
 */
class DigitalLinkResolverIT {
    private static final String GTIN = "09520123456788";
    private static final String ORG = "dlres7";
    private static final Instant T0 = Instant.parse("2025-07-01T01:00:00Z");
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,"
            + "image/avif,image/webp,*/*;q=0.8";

    private static TestApi api;
    private static WebClient noRedirects;
    private static LabelWorld world;
    private static String base;
    private static String link;
    private static TraceCode code;
    private static String page;
    /** Every public answer the tests saw, to look for internal ids in. */
    private static final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() {
        api = TestApi.start("labels-resolver");
        noRedirects = WebClient.create(api.running().vertx(), new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(api.running().port()).setFollowRedirects(false));
        base = "http://127.0.0.1:" + api.running().port();
        world = new LabelWorld(api, ORG, GTIN);
        world.harvest("B1", 300, T0);
        world.pack("B1", T0.plusSeconds(3600), 100, "L-0701-1", "L/0701/2");
        link = "/01/" + GTIN + "/10/L-0701-1";
        code = world.traceCode("L-0701-1");
        page = base + "/t/" + code.grouped();
    }

    @AfterAll
    static void stop() throws Exception {
        noRedirects.close();
        api.close();
    }

    @Test
    void theDefaultLinkAndPipRedirectToTheBuyersPageWithTheLinksetInALinkHeader() {
        for (String asked : new String[] {"", "?linkType=gs1:pip", "?linkType=https://gs1.org/voc/pip",
                "?linkType=https%3A%2F%2Fref.gs1.org%2Fvoc%2Fpip", "?linkType=gs1:defaultLink"}) {
            HttpResponse<Buffer> r = get(link + asked, null);
            assertThat(r.statusCode()).as(asked).isEqualTo(307);
            assertThat(r.getHeader("location")).as(asked).isEqualTo(page);
            assertThat(r.getHeader("link")).as(asked).isEqualTo("<" + base + link + "?linkType=linkset>; "
                    + "rel=\"linkset\"; type=\"application/linkset+json\"; title=\"Links for this lot\"");
            assertThat(r.getHeader("access-control-allow-origin")).isEqualTo("*");
        }
        // the rest of the query is passed on: the page answers in English
        HttpResponse<Buffer> r = get(link + "?linkType=gs1:pip&lang=en", null);
        assertThat(r.getHeader("location")).isEqualTo(page + "?lang=en");
        HttpResponse<Buffer> english = api.http().get(local(r.getHeader("location")));
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.bodyAsString()).contains("Crisp red plum").contains(code.grouped());
        // a trailing slash is tolerated
        assertThat(get(link + "/", null).getHeader("location")).isEqualTo(page);
    }

    @Test
    void traceabilityPointsAtTheLotsEpcisEventsWhichAskForQa() {
        HttpResponse<Buffer> r = get(link + "?linkType=gs1:traceability", null);
        assertThat(r.statusCode()).isEqualTo(307);
        String target = r.getHeader("location");
        assertThat(target).isEqualTo(base + "/api/v1/lots/by-code/" + code.grouped() + "/epcis");
        // the resolver only redirects: the target asks for QA's token
        assertThat(api.http().get(local(target)).statusCode()).isEqualTo(401);
        assertError(api.http().get(local(target), api.token(Role.OPERATOR, ORG)), 403, null);
        HttpResponse<Buffer> events = api.http().get(local(target), api.token(Role.QA, ORG));
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.getHeader("content-type")).isEqualTo("application/ld+json");
        JsonArray byCode = events.bodyAsJsonObject().getJsonObject("epcisBody").getJsonArray("eventList");
        JsonArray byId = expect(api.http().get("/api/v1/lots/" + world.lotId("L-0701-1") + "/epcis",
                api.token(Role.QA, ORG)), 200).getJsonObject("epcisBody").getJsonArray("eventList");
        assertThat(byCode).isEqualTo(byId);
        assertThat(byCode).hasSize(2); // the harvest and the pack
        // the code in any form the reader takes; another organisation's QA does not find it
        assertThat(api.http().get("/api/v1/lots/by-code/" + code.value().toLowerCase() + "/epcis",
                api.token(Role.QA, ORG)).statusCode()).isEqualTo(200);
        new LabelWorld(api, "dlrival", null);
        assertError(api.http().get(local(target), api.token(Role.QA, "dlrival")), 404, null);
    }

    @Test
    void recallStatusAnswersPubliclyAndFollowsARealRecall() {
        TraceCode other = world.traceCode("L/0701/2");
        String otherLink = "/01/" + GTIN + "/10/L%2F0701%2F2";
        HttpResponse<Buffer> r = get(otherLink + "?linkType=gs1:recallStatus", null);
        assertThat(r.statusCode()).isEqualTo(307);
        String json = base + "/t/" + other.grouped() + "/recall.json";
        assertThat(r.getHeader("location")).isEqualTo(json);
        assertThat(get(otherLink + "?linkType=gs1:recallStatus", "application/json").getHeader("location"))
                .isEqualTo(json);
        // a browser prefers the page, at its notice
        assertThat(get(otherLink + "?linkType=gs1:recallStatus", BROWSER_ACCEPT).getHeader("location"))
                .isEqualTo(base + "/t/" + other.grouped() + "#recall");
        assertThat(recallStatus(json)).isEqualTo(new JsonObject().put("trace_code", other.grouped())
                .put("recalled", false).putNull("since").put("message_zh", "此批次没有召回通知。")
                .put("message_en", "There is no recall notice for this lot."));
        // QA opens a recall of the lot: open, nothing to announce yet; recalled, the notice
        String qa = api.token(Role.QA, ORG);
        String caseId = expect(api.http().post("/api/v1/recalls", qa, new JsonObject().put("reason", "test")
                .put("lots", new JsonArray().add(world.lotId("L/0701/2")))), 201).getString("id");
        assertThat(recallStatus(json).getBoolean("recalled")).isFalse();
        expect(api.http().post("/api/v1/recalls/" + caseId + "/status", qa,
                new JsonObject().put("status", "recalled")), 200);
        JsonObject recalled = recallStatus(json);
        assertThat(recalled.getBoolean("recalled")).isTrue();
        assertThat(recalled.getString("since")).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        assertThat(recalled.getString("message_en")).startsWith("Recall notice: this lot has been recalled.");
        assertThat(recalled.fieldNames()).containsExactlyInAnyOrder("trace_code", "recalled", "since", "message_zh",
                "message_en");
        String html = api.http().get("/t/" + other.grouped()).bodyAsString();
        assertThat(html).contains("<section id=\"recall\" class=\"banner recall\"");
        // an unknown code: the page's JSON miss
        HttpResponse<Buffer> miss = api.http().get("/t/" + TraceCode.random().grouped() + "/recall.json");
        assertThat(assertError(miss, 404, null).getString("message")).contains("No lot has this trace code");
        // the other lot of the pack is not in the case
        assertThat(recallStatus(base + "/t/" + code.grouped() + "/recall.json").getBoolean("recalled")).isFalse();
    }

    @Test
    void theLinksetListsTheLotsLinkTypesAsRfc9264Json() {
        String anchor = base + link;
        JsonObject pageLink = new JsonObject().put("href", page).put("title", "产品追溯 / Product trace")
                .put("type", "text/html").put("hreflang", new JsonArray().add("zh").add("en"));
        JsonObject expected = new JsonObject().put("linkset", new JsonArray().add(new JsonObject()
                .put("anchor", anchor)
                .put("https://gs1.org/voc/pip", new JsonArray().add(pageLink))
                .put("https://gs1.org/voc/traceability", new JsonArray().add(new JsonObject()
                        .put("href", base + "/api/v1/lots/by-code/" + code.grouped() + "/epcis")
                        .put("title", "EPCIS 2.0 事件（须质量管理登录）/ EPCIS 2.0 events (QA sign-in)")
                        .put("type", "application/ld+json")))
                .put("https://gs1.org/voc/recallStatus", new JsonArray()
                        .add(new JsonObject().put("href", page + "/recall.json").put("title", "召回状态 / Recall status")
                                .put("type", "application/json"))
                        .add(new JsonObject().put("href", page + "#recall").put("title", "召回通知 / Recall notice")
                                .put("type", "text/html").put("hreflang", new JsonArray().add("zh").add("en"))))
                .put("https://gs1.org/voc/defaultLink", new JsonArray().add(new JsonObject().put("href", page)
                        .put("title", "产品追溯 / Product trace")))));
        for (String[] ask : new String[][] {{"?linkType=linkset", null}, {"?linkType=all", null},
                {"", "application/linkset+json"}, {"", "application/json;q=0.5, application/linkset+json"}}) {
            HttpResponse<Buffer> r = get(link + ask[0], ask[1]);
            assertThat(r.statusCode()).as(ask[0] + " " + ask[1]).isEqualTo(200);
            assertThat(r.getHeader("content-type")).isEqualTo("application/linkset+json");
            assertThat(r.getHeader("link")).contains("rel=\"http://www.w3.org/ns/json-ld#context\"");
            assertThat(r.bodyAsJsonObject()).as(ask[0] + " " + ask[1]).isEqualTo(expected);
        }
        // a link type asked for by name wins over the linkset's media type
        assertThat(get(link + "?linkType=gs1:pip", "application/linkset+json").statusCode()).isEqualTo(307);
        // a link to a lot code with '/' has it percent-encoded in its anchor
        assertThat(get("/01/" + GTIN + "/10/L%2F0701%2F2?linkType=linkset", null).bodyAsJsonObject()
                .getJsonArray("linkset").getJsonObject(0).getString("anchor"))
                .isEqualTo(base + "/01/" + GTIN + "/10/L%2F0701%2F2");
    }

    @Test
    void aLinkTypeTheLotHasNoLinkOfIsA404NamingIt() {
        for (String type : new String[] {"gs1:epil", "https://gs1.org/voc/allergenInfo", "gs1:PIP", "pip", "foo"}) {
            HttpResponse<Buffer> r = get(link + "?linkType=" + type, null);
            JsonObject body = assertError(r, 404, "linkType");
            assertThat(body.getString("message")).as(type).contains("'" + type + "'").contains("gs1:pip")
                    .contains("gs1:recallStatus");
        }
        // a link that is not a Digital Link is a 400, whatever the link type
        assertError(get("/01/09520123456787/10/L-0701-1?linkType=gs1:pip", null), 400, "link");
    }

    @Test
    void theResolverDescribesItselfAtTheWellKnownPlace() {
        JsonObject d = expect(api.http().get("/.well-known/gs1resolver"), 200);
        seen.add(d.encode());
        assertThat(d.getString("resolverRoot")).isEqualTo(base);
        assertThat(d.getJsonArray("supportedPrimaryKeys")).containsExactly("01");
        assertThat(d.getJsonArray("supportedLinkType").getJsonObject(0).getString("namespace"))
                .isEqualTo("https://gs1.org/voc/");
    }

    @Test
    void noPublicAnswerCarriesAnInternalId() {
        for (String asked : new String[] {"", "?linkType=gs1:traceability", "?linkType=gs1:recallStatus",
                "?linkType=linkset", "?linkType=gs1:epil"}) {
            get(link + asked, null);
        }
        get("/01/" + GTIN + "/10/L-9999", null);
        get("/01/" + GTIN, null);
        recallStatus(page + "/recall.json");
        String lotId = world.lotId("L-0701-1");
        String eventId = api.rows("SELECT born_event_id::text FROM lot WHERE id = ?::uuid", lotId).get(0);
        assertThat(seen).hasSizeGreaterThan(5).allSatisfy(answer -> assertThat(answer)
                .doesNotContain(lotId, eventId, ORG, world.lotId("L/0701/2")));
    }

    private static JsonObject recallStatus(String url) {
        HttpResponse<Buffer> r = api.http().get(local(url));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.getHeader("content-type")).startsWith("application/json");
        seen.add(r.bodyAsString());
        return r.bodyAsJsonObject();
    }

    /** A public GET without following redirects, with an Accept header (null: none); what came back is kept. */
    private static HttpResponse<Buffer> get(String uri, String accept) {
        var request = noRedirects.get(uri);
        if (accept != null) {
            request.putHeader("accept", accept);
        }
        HttpResponse<Buffer> r = Http.await(request.send());
        seen.add(r.statusCode() + " " + r.headers() + " " + r.bodyAsString());
        return r;
    }

    private static String local(String url) {
        assertThat(url).startsWith(base);
        return url.substring(base.length());
    }
}
