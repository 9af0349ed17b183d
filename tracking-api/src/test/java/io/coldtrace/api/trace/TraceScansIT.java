package io.coldtrace.api.trace;

import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.Http;
import io.coldtrace.api.testing.TestApi;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scans are counted (time, place, client class) off the request path; QA sees codes scanned in too many places. */
class TraceScansIT {
    static final String WECHAT = "Mozilla/5.0 (iPhone; CPU iPhone OS 16_0 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.40(0x18002831) NetType/WIFI Language/zh_CN";
    private static TestApi api;
    private static WebClient web;
    private static TraceWorld world;

    @BeforeAll
    static void start() {
        api = TestApi.startWith("trace-scans", c -> c.withTrace(c.trace()
                .behind(Set.of("127.0.0.1"), "X-Client-Region")));
        web = WebClient.create(api.running().vertx(), new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(api.running().port()));
        world = new TraceWorld(api, "sc");
    }

    @AfterAll
    static void stop() {
        web.close();
        api.close();
    }

    private static HttpResponse<Buffer> scan(String code, String place, String agent) {
        var r = web.get("/t/" + code).putHeader("X-Forwarded-For", "192.0.2." + (place.hashCode() & 0x7f))
                .putHeader("User-Agent", agent);
        if (!place.isEmpty()) {
            r.putHeader("X-Client-Region", place);
        }
        return Http.await(r.send());
    }

    /** Waits (polling, up to 10 s) until {@code sql} counts {@code expected}; the scans are written in batches. */
    private static void awaitCount(String sql, long expected, Object... params) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (api.number(sql, params) < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(api.number(sql, params)).as(sql).isEqualTo(expected);
    }

    @Test
    void eachScanIsCountedAndACodeScannedInFarMorePlacesThanItsLotWentIsFlaggedToQa() throws Exception {
        String sister = api.seeds().traceCode(api.seeds().lotId("sc", "L1-b"));
        // header values are ASCII: a proxy sends region codes, or names percent-encoded (北京市 here)
        List<String> places = List.of("CN-GD Zhuhai", "%E5%8C%97%E4%BA%AC%E5%B8%82", "CN-SH Shanghai",
                "CN-SC Chengdu", "CN-HA Zhengzhou", "CN-LN Shenyang");
        for (String place : places) {
            assertThat(scan(world.traceCode, place, WECHAT).statusCode()).isEqualTo(200);
        }
        assertThat(scan(world.traceCode, "", "AlipayClient/10.3 Mobile").statusCode()).isEqualTo(200);
        assertThat(scan(world.traceCode, "", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120").statusCode())
                .isEqualTo(200);
        // a robot in many places does not count towards the flag
        for (String place : List.of("A", "B", "C", "D", "E", "F", "G")) {
            scan(sister, place, "Googlebot/2.1");
        }
        scan(sister, "CN-GD Zhuhai", WECHAT);
        String lot = "SELECT count(*) FROM trace_scan WHERE lot_id = ?::uuid";
        awaitCount(lot, 8, world.lotId);
        assertThat(api.rows("""
                SELECT client_class || ':' || coalesce(place, '-') || ':' || format FROM trace_scan
                WHERE lot_id = ?::uuid ORDER BY id""", world.lotId)).containsExactly("wechat:CN-GD Zhuhai:html",
                "wechat:北京市:html", "wechat:CN-SH Shanghai:html", "wechat:CN-SC Chengdu:html",
                "wechat:CN-HA Zhengzhou:html", "wechat:CN-LN Shenyang:html", "alipay:-:html", "desktop:-:html");
        assertThat(api.number("SELECT count(*) FROM trace_scan WHERE lot_id = ?::uuid AND "
                + "scanned_at > now() - interval '1 minute'", world.lotId)).isEqualTo(8);

        // L1-a went to one buyer and was scanned in six places (> 3 × 1, ≥ 5): flagged; its sister lot is not
        awaitCount("SELECT count(*) FROM trace_scan WHERE org_id = 'sc'", 16);
        JsonObject flagged = expect(api.http().get("/api/v1/trace/suspicious", api.token(Role.QA, "sc")), 200);
        JsonArray items = flagged.getJsonArray("items");
        assertThat(items).hasSize(1);
        JsonObject item = items.getJsonObject(0);
        assertThat(item.getString("lot")).isEqualTo("L1-a");
        assertThat(item.getLong("places")).isEqualTo(6);
        assertThat(item.getLong("scans")).isEqualTo(8);
        assertThat(item.getLong("delivered_to_buyers")).isEqualTo(1);
        assertThat(flagged.getJsonObject("rule").getInteger("factor")).isEqualTo(3);
        // another organisation's QA sees none of it
        api.seeds().org("other", "Other Co");
        assertThat(expect(api.http().get("/api/v1/trace/suspicious", api.token(Role.QA, "other")), 200)
                .getJsonArray("items")).isEmpty();
    }

    @Test
    void theVerifiedMarkGoesWhenAnEventOfTheLotIsRewritten() throws SQLException {
        TraceWorld tampered = new TraceWorld(api, "tm");
        assertThat(scan(tampered.traceCode, "", WECHAT).bodyAsString()).contains("记录已核验");
        // a superuser rewrites the harvest's quantity without rehashing: the lot's record no longer verifies
        try (Connection c = DriverManager.getConnection(api.db().url(), api.db().user(), api.db().password())) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL session_replication_role = replica");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE trace_event SET body = jsonb_set(body, "
                    + "'{quantity}', '2000') WHERE org_id = 'tm' AND type = 'harvest'")) {
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            c.commit();
        }
        String html = scan(tampered.traceCode, "", WECHAT).bodyAsString();
        assertThat(html).contains("记录未能核验").doesNotContain("记录已核验");
        JsonObject json = Http.await(web.get("/t/" + tampered.traceCode + ".json").send()).bodyAsJsonObject();
        assertThat(json.getJsonObject("record").getBoolean("verified")).isFalse();
    }
}
