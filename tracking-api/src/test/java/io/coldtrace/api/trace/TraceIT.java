package io.coldtrace.api.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.Http;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.ids.TraceCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The buyer's page against the real API and database: a hit in both languages and as JSON, nothing private, the
 * 404 of unknown and malformed codes in the time of a hit, the rate limit, scans counted and the copy flag. The API
 * runs behind a trusted proxy (127.0.0.1) that names the client (X-Forwarded-For) and its region, so each test
 * speaks as clients of its own.
 */
class TraceIT {
    static final Duration FLOOR = Duration.ofMillis(100);
    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private static TestApi api;
    private static WebClient web;
    private static TraceWorld world;

    @BeforeAll
    static void start() {
        api = TestApi.startWith("trace", c -> c.withTrace(c.trace().withRate(5, 1).withFloor(FLOOR)
                .behind(Set.of("127.0.0.1"), "X-Client-Region")));
        web = WebClient.create(api.running().vertx(), new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(api.running().port()).setUserAgent("Mozilla/5.0 (Linux; Android 10) Mobile"));
        world = new TraceWorld(api, "pv");
    }

    @AfterAll
    static void stop() {
        web.close();
        api.close();
    }

    /** A GET as a new client (its own address), with {@code headers}. */
    static HttpResponse<Buffer> get(String uri, Map<String, String> headers) {
        HttpRequest<Buffer> r = web.get(uri).putHeader("X-Forwarded-For", "203.0.113."
                + CLIENTS.incrementAndGet() % 250);
        headers.forEach(r::putHeader);
        return Http.await(r.send());
    }

    static String page(String uri) {
        HttpResponse<Buffer> r = get(uri, Map.of());
        assertThat(r.statusCode()).as(uri + ": " + r.bodyAsString()).isEqualTo(200);
        assertThat(r.getHeader("content-type")).isEqualTo("text/html; charset=utf-8");
        return r.bodyAsString();
    }

    @Test
    void aHitShowsOriginJourneyColdChainShelfLifeAndTheVerifiedMarkInChinese() {
        // any form TraceCode.parse reads: lower case, groups
        String html = page("/t/" + new TraceCode(world.traceCode).grouped().toLowerCase(Locale.ROOT));
        assertThat(html).contains("<html lang=\"zh-CN\">", "白菜", "红池坝蔬菜专业合作社",
                "重庆市 巫溪县", "脱贫县", "红池坝3号地块", "Chen", "绿色食品", "LB-45-2411-0099", "中国绿色食品发展中心",
                "有机产品", "已过期", "预冷间", "1号冷藏间", "冷藏车 渝A·12345", "珠海配送中心", "高于 8.0 °C 共 40 分钟，最高 9.5 °C",
                "到货验收，交接温度 3.4 °C，验收合格", "交付超市", "剩余保质期", "记录已核验", "要求温度 0–8 °C",
                ">English</a>");
        // the superseded certificate is not shown; the expired one is never called valid
        assertThat(html).doesNotContain("No. pv-gf-old");
        assertThat(html.substring(html.indexOf("有机产品"), html.indexOf("有机产品") + 80)).contains("c-expired")
                .doesNotContain("c-valid");
        // a chart per monitored leg (room 1, the truck, the DC room), none for the plot, pre-cooler or dock
        assertThat(count(html, "<svg")).isEqualTo(3);
        // the harvest date at the event's offset (+08:00)
        assertThat(html).contains(Lang.ZH.date(world.h(0).atOffset(java.time.ZoneOffset.ofHours(8)).toLocalDate()));
        // self-contained and small
        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(100 * 1024);
        assertThat(html).doesNotContain("<script", "src=", "<link", "http://", "https://", "url(");
    }

    @Test
    void englishByQueryOrByAcceptLanguage() {
        String byQuery = page("/t/" + world.traceCode + "?lang=en");
        assertThat(byQuery).contains("<html lang=\"en\">", "Hongchiba Vegetable Cooperative", "Poverty-alleviated county",
                "above 8.0 °C for 40 min, peak 9.5 °C", "expired", "Delivered to a supermarket",
                "Received, hand-over check 3.4 °C, accepted", "Record verified", "Shelf life left", ">中文</a>");
        HttpResponse<Buffer> byHeader = get("/t/" + world.traceCode, Map.of("Accept-Language", "en-GB,en;q=0.9,zh;q=0.5"));
        assertThat(byHeader.bodyAsString()).contains("<html lang=\"en\">", "Hongchiba Vegetable Cooperative");
        assertThat(get("/t/" + world.traceCode, Map.of("Accept-Language", "zh-CN,en;q=0.8")).bodyAsString())
                .contains("<html lang=\"zh-CN\">");
    }

    @Test
    void theJsonCarriesWhatThePageShows() {
        HttpResponse<Buffer> r = get("/t/" + world.traceCode + ".json", Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.getHeader("content-type")).startsWith("application/json");
        JsonObject j = r.bodyAsJsonObject();
        String zh = page("/t/" + world.traceCode);
        String en = page("/t/" + world.traceCode + "?lang=en");
        assertThat(j.getString("trace_code")).isEqualTo(new TraceCode(world.traceCode).grouped());
        assertThat(j.getString("lot")).isEqualTo("L1-a");
        JsonObject origin = j.getJsonArray("origins").getJsonObject(0);
        assertThat(origin.getString("grower")).isEqualTo("Chen");
        assertThat(origin.getBoolean("poverty_alleviated_county")).isTrue();
        assertThat(origin.getString("county")).isEqualTo("巫溪县");
        JsonArray certs = j.getJsonArray("certifications");
        assertThat(certs.stream().map(o -> ((JsonObject) o).getString("kind") + ":"
                + ((JsonObject) o).getString("status"))).as("what holds today before what lapsed")
                .containsExactly("green_food:valid", "organic:expired");
        List<String> kinds = new ArrayList<>();
        for (Object o : j.getJsonArray("journey")) {
            JsonObject step = (JsonObject) o;
            kinds.add(step.getString("kind"));
            JsonObject verdict = step.getJsonObject("verdict");
            if (verdict != null) {
                assertThat(zh).contains(TracePage.esc(verdict.getString("zh")));
                assertThat(en).contains(TracePage.esc(verdict.getString("en")));
            }
            JsonArray chart = step.getJsonArray("chart");
            if (chart != null) {
                assertThat(chart.size()).isBetween(1, Journey.MAX_POINTS + 1);
            }
            if (step.getString("place") != null) {
                assertThat(zh).contains(TracePage.esc(step.getString("place")));
            }
        }
        assertThat(kinds).containsExactly("harvest", "pre_cool", "packed", "cold_store", "transport", "shipped",
                "received", "site", "repacked", "cold_store", "delivered");
        // each step names its city: the county of the plot and of the cold store, the city of the distribution centre
        List<String> cities = j.getJsonArray("journey").stream().map(o -> ((JsonObject) o).getString("kind") + ":"
                + ((JsonObject) o).getString("city")).toList();
        assertThat(cities).contains("harvest:巫溪县", "pre_cool:巫溪县", "cold_store:巫溪县", "received:珠海市",
                "site:珠海市", "transport:null");
        JsonObject shelf = j.getJsonObject("shelf_life");
        assertThat(shelf.getDouble("remaining_days")).isGreaterThan(0).isLessThan(14);
        assertThat(zh).contains(Lang.ZH.date(java.time.LocalDate.parse(shelf.getString("predicted_expiry"))));
        assertThat(j.getJsonObject("record").getBoolean("verified")).isTrue();
        // harvest, pre-cool, pack, store-in, loss, load, ship, receive, split, store-in, deliver (the voided move
        // left no trace in the lot's projections)
        assertThat(j.getJsonObject("record").getInteger("events_checked")).isEqualTo(11);
        assertThat(j.getJsonObject("band").getDouble("high_c")).isEqualTo(8.0);
    }

    @Test
    void nothingPrivateInTheHtmlOrTheJson() {
        for (String uri : List.of("/t/" + world.traceCode, "/t/" + world.traceCode + "?lang=en",
                "/t/" + world.traceCode + ".json")) {
            HttpResponse<Buffer> r = get(uri, Map.of());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.bodyAsString()).as(uri).doesNotContain(world.privateStrings().toArray(String[]::new));
            // nor any internal id: the lot's, the devices', the parties'
            assertThat(r.bodyAsString()).as(uri).doesNotContain(world.lotId, "pv-farm", "pv-bx", "pv-own", "pv-r1");
        }
    }

    @Test
    void anExternalCodeFindsItsLot() {
        api.sql("UPDATE lot SET external_code = 'CN-500238-2026-000123' WHERE id = ?::uuid", world.lotId);
        assertThat(page("/t/CN-500238-2026-000123")).contains("红池坝蔬菜专业合作社",
                new TraceCode(world.traceCode).grouped());
    }

    @Test
    void unknownAndMalformedCodesGetOneFriendlyBilingual404() {
        HttpResponse<Buffer> unknown = get("/t/" + TraceCode.random().value(), Map.of());
        HttpResponse<Buffer> malformed = get("/t/not-a-code", Map.of());
        HttpResponse<Buffer> hostile = get("/t/%3Cscript%3Ealert(1)%3C%2Fscript%3E", Map.of());
        for (HttpResponse<Buffer> r : List.of(unknown, malformed, hostile)) {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.getHeader("content-type")).isEqualTo("text/html; charset=utf-8");
            assertThat(r.bodyAsString()).isEqualTo(unknown.bodyAsString()).contains("未找到该追溯码",
                    "Trace code not found").doesNotContain("<script");
        }
        HttpResponse<Buffer> json = get("/t/" + TraceCode.random().value() + ".json", Map.of());
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.bodyAsJsonObject().getString("error")).isEqualTo("not_found");
    }

    @Test
    void hitsAndMissesTakeTheSameTime() {
        // medians of interleaved requests (so both meet the same load), each no sooner than the floor, and a miss
        // as long as a recent hit: a miss is not told by its speed, even when a busy machine makes hits slow
        for (int i = 0; i < 5; i++) {
            timed("/t/" + world.traceCode);
        }
        List<Long> hits = new ArrayList<>();
        List<Long> misses = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            hits.add(timed("/t/" + world.traceCode));
            misses.add(timed(i % 2 == 0 ? "/t/" + TraceCode.random().value() : "/t/not-a-code-" + i));
        }
        long hit = median(hits);
        long miss = median(misses);
        assertThat(Collections.min(hits)).isGreaterThanOrEqualTo(FLOOR.toMillis());
        assertThat(Collections.min(misses)).isGreaterThanOrEqualTo(FLOOR.toMillis());
        // a miss is never told by being quicker; it waits for a recent hit, so under load it may run a little longer
        assertThat(miss).as("median hit %d ms, miss %d ms", hit, miss)
                .isGreaterThanOrEqualTo(hit - Math.max(30, hit * 3 / 10))
                .isLessThanOrEqualTo(hit * 2 + 30);
    }

    private static long timed(String uri) {
        long t = System.nanoTime();
        get(uri, Map.of());
        return (System.nanoTime() - t) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void eachClientAddressIsRateLimited() {
        // burst 5, 1 a minute: the sixth request within the minute is refused with when to come back
        Map<String, String> one = Map.of("X-Forwarded-For", "198.51.100.7");
        for (int i = 0; i < 5; i++) {
            assertThat(get("/t/" + (i % 2 == 0 ? world.traceCode : "nope"), one).statusCode()).isIn(200, 404);
        }
        HttpResponse<Buffer> limited = get("/t/" + world.traceCode, one);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(limited.getHeader("retry-after"))).isBetween(1L, 60L);
        assertThat(limited.bodyAsString()).contains("查询过于频繁", "Too many look-ups");
        HttpResponse<Buffer> limitedJson = get("/t/" + world.traceCode + ".json", one);
        assertThat(limitedJson.statusCode()).isEqualTo(429);
        assertThat(limitedJson.bodyAsJsonObject().getString("error")).isEqualTo("too_many_requests");
        // another client is not held back; the proxy's own address is not the client
        assertThat(get("/t/" + world.traceCode, Map.of("X-Forwarded-For", "198.51.100.8")).statusCode()).isEqualTo(200);
        assertThat(get("/t/" + world.traceCode, Map.of("X-Forwarded-For", "198.51.100.9, 127.0.0.1")).statusCode())
                .isEqualTo(200);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
