package io.coldtrace.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.Http;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.testing.Await;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /api/v1/overview and the Server-Sent-Events stream against rows written with SQL. */
class OverviewAndStreamIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static TestApi api;
    private static String acme;

    @BeforeAll
    static void seed() {
        api = TestApi.start("overview");
        acme = api.createToken("--role", "dispatcher", "--name", "disp", "--org", "acme").out();
        api.sql("INSERT INTO org (id, name) VALUES ('acme', 'Acme'), ('other', 'Other')");
        api.sql("INSERT INTO site (id, name, kind, org_id) VALUES ('a1', 'A store', 'origin_cold_store', 'acme'), "
                + "('o1', 'O store', 'other', 'other')");
        api.sql("INSERT INTO limit_profile (id, org_id, name, probe, low_crit_c, low_warn_c, high_warn_c, high_crit_c) "
                + "VALUES ('chilled', 'acme', 'Chilled', 'air', 0, 2, 8, 10), "
                + "('product', 'acme', 'Product probe', 'product', NULL, NULL, 8, NULL)");
        api.sql("INSERT INTO unit (id, site_id, kind, name, temp_class, profile_id) VALUES "
                + "('ok', 'a1', 'cold_room', 'A ok', 'chilled', 'chilled'), "
                + "('hot', 'a1', 'cold_room', 'B hot', 'chilled', 'chilled'), "
                + "('silent', 'a1', 'cold_room', 'C silent', 'chilled', 'chilled'), "
                + "('empty', 'a1', 'container', 'D empty', 'frozen', NULL), "
                + "('prod', 'a1', 'truck_compartment', 'E product', 'chilled', 'product'), "
                + "('theirs', 'o1', 'cold_room', 'Theirs', 'chilled', NULL)");
        api.sql("INSERT INTO device (ext_id, last_ingested_at, report_interval_s) VALUES "
                + "('d-ok', now(), 60), ('d-hot', now(), NULL), ('d-silent', now() - interval '10 minutes', 60), "
                + "('d-prod', now(), 30), ('d-theirs', now(), 60)");
        api.sql("INSERT INTO device_binding (device_id, unit_id, valid) SELECT id, substr(ext_id, 3), "
                + "tstzrange(now() - interval '1 day', NULL) FROM device");
        api.sql("INSERT INTO device_latest (device_id, ts, seq, t_air, t_product, door_open, defrost, ingested_at) "
                + "SELECT id, now(), 1, CASE ext_id WHEN 'd-hot' THEN 10.5 ELSE 4 END, "
                + "CASE ext_id WHEN 'd-prod' THEN 9 END, ext_id = 'd-ok', false, now() FROM device");
        api.sql("INSERT INTO alarm (unit_id, rule, severity, state, started_at, raised_at, message, resolved_at) VALUES "
                + "('hot', 'high', 'critical', 'open', now(), now(), 'hot', NULL), "
                + "('hot', 'high', 'warning', 'resolved', now() - interval '1 day', now() - interval '1 day', 'old', now())");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonObject unit(JsonObject overview, String id) {
        for (Object s : overview.getJsonArray("sites")) {
            for (Object u : ((JsonObject) s).getJsonArray("units")) {
                if (((JsonObject) u).getString("id").equals(id)) {
                    return (JsonObject) u;
                }
            }
        }
        return null;
    }

    @Test
    void theOverviewGroupsTheOrgsUnitsBySiteWithValueBandAndStatus() {
        JsonObject o = Http.json(api.http().get("/api/v1/overview", acme));
        JsonArray sites = o.getJsonArray("sites");
        assertThat(sites).hasSize(1);
        assertThat(sites.getJsonObject(0).getString("name")).isEqualTo("A store");
        assertThat(sites.getJsonObject(0).getString("kind")).isEqualTo("origin_cold_store");
        assertThat(sites.getJsonObject(0).getJsonArray("units")).extracting(u -> ((JsonObject) u).getString("id"))
                .containsExactly("ok", "hot", "silent", "empty", "prod");
        JsonObject ok = unit(o, "ok");
        assertThat(ok.getString("status")).isEqualTo("ok");
        assertThat(ok.getDouble("value")).isEqualTo(4.0);
        assertThat(ok.getString("probe")).isEqualTo("air");
        assertThat(ok.getJsonObject("band")).isEqualTo(new JsonObject().put("low_crit", 0.0f).put("low_warn", 2.0f)
                .put("high_warn", 8.0f).put("high_crit", 10.0f));
        assertThat(ok.getString("device")).isEqualTo("d-ok");
        assertThat(ok.getBoolean("door_open")).isTrue();
        assertThat(ok.getString("ts")).isNotNull();
        assertThat(ok.getString("last_seen")).isNotNull();
        assertThat(ok.getLong("open_alarms")).isZero();
        JsonObject hot = unit(o, "hot");
        assertThat(hot.getString("status")).isEqualTo("critical");
        assertThat(hot.getLong("open_alarms")).as("the resolved one does not count").isEqualTo(1);
        assertThat(unit(o, "silent").getString("status")).isEqualTo("offline");
        JsonObject empty = unit(o, "empty");
        assertThat(empty.getString("status")).isEqualTo("no_data");
        assertThat(empty.getValue("device")).isNull();
        JsonObject prod = unit(o, "prod");
        assertThat(prod.getString("probe")).isEqualTo("product");
        assertThat(prod.getDouble("value")).as("the profile's probe").isEqualTo(9.0);
        assertThat(prod.getString("status")).isEqualTo("warning");
    }

    @Test
    void anAdminWithoutOrgSeesEverySiteAndATokenOfAnOrgWithoutSitesSeesNone() {
        JsonObject all = Http.json(api.http().get("/api/v1/overview", api.token(Role.ADMIN)));
        assertThat(all.getJsonArray("sites")).hasSize(2);
        JsonObject none = Http.json(api.http().get("/api/v1/overview", api.token(Role.OPERATOR, "no-sites")));
        assertThat(none.getJsonArray("sites")).isEmpty();
        assertThat(api.http().get("/api/v1/overview").statusCode()).isEqualTo(401);
    }

    /** An open stream and every line received on it. */
    private record Stream(HttpClient client, HttpClientResponse response, List<String> lines) {
        boolean saw(String fragment) {
            return lines.stream().anyMatch(l -> l.contains(fragment));
        }
    }

    private static Stream open(String token) {
        HttpClient client = api.running().vertx().createHttpClient();
        List<String> lines = new CopyOnWriteArrayList<>();
        StringBuilder pending = new StringBuilder();
        // the handler is set as the response arrives, on its event loop, so no early chunk is missed
        HttpClientResponse response = Http.await(client.request(new RequestOptions().setMethod(HttpMethod.GET)
                        .setHost("127.0.0.1").setPort(api.running().port()).setURI("/api/v1/stream")
                        .putHeader("Authorization", "Bearer " + token))
                .compose(req -> req.send())
                .map(resp -> resp.handler(buf -> {
                    pending.append(buf.toString());
                    int nl;
                    while ((nl = pending.indexOf("\n")) >= 0) {
                        lines.add(pending.substring(0, nl));
                        pending.delete(0, nl + 1);
                    }
                })));
        return new Stream(client, response, lines);
    }

    private static int streamClientsMetric() {
        String text = api.http().get("/metrics", TestApi.METRICS_TOKEN).bodyAsString();
        return text.lines().filter(l -> l.startsWith("coldtrace_api_stream_clients"))
                .mapToInt(l -> (int) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }

    @Test
    void theStreamPushesTheOrgsUnitChangesAndAlarmEventsAndForgetsClientsThatLeave() {
        Stream s = open(acme);
        assertThat(s.response().statusCode()).isEqualTo(200);
        assertThat(s.response().getHeader("content-type")).startsWith("text/event-stream");
        Await.until(WAIT, () -> streamClientsMetric() == 1, () -> "clients " + streamClientsMetric());
        Await.until(WAIT, () -> s.saw(": connected"), () -> String.join(" | ", s.lines()));

        // the other organisation's change first: a filter that failed would deliver it first
        api.sql("UPDATE device_latest SET t_air = 3.25, ingested_at = now() "
                + "WHERE device_id = (SELECT id FROM device WHERE ext_id = 'd-theirs')");
        api.sql("UPDATE device_latest SET t_air = 7.75, ts = now(), ingested_at = now() + interval '1 ms' "
                + "WHERE device_id = (SELECT id FROM device WHERE ext_id = 'd-ok')");
        Await.until(WAIT, () -> s.saw("\"value\":7.75"), () -> String.join(" | ", s.lines()));
        String unitData = s.lines().stream().filter(l -> l.contains("7.75")).findFirst().orElseThrow();
        int at = s.lines().indexOf(unitData);
        assertThat(s.lines().get(at - 1)).isEqualTo("event: unit");
        JsonObject unit = new JsonObject(unitData.substring("data: ".length()));
        assertThat(unit.getString("unit_id")).isEqualTo("ok");
        assertThat(unit.getString("status")).isEqualTo("ok");
        assertThat(unit.getBoolean("door_open")).isTrue();
        assertThat(unit.getString("ts")).isNotNull();
        assertThat(s.saw("3.25")).as("another organisation's unit").isFalse();

        api.sql("INSERT INTO alarm_event (alarm_id, actor, action) SELECT id, 'engine', 'escalated' FROM alarm "
                + "WHERE unit_id = 'hot' AND state = 'open'");
        Await.until(WAIT, () -> s.saw("event: alarm"), () -> String.join(" | ", s.lines()));
        JsonObject alarm = new JsonObject(s.lines().get(s.lines().indexOf("event: alarm") + 1).substring(6));
        assertThat(alarm.getString("unit_id")).isEqualTo("hot");
        assertThat(alarm.getString("unit_name")).isEqualTo("B hot");
        assertThat(alarm.getString("site_name")).isEqualTo("A store");
        assertThat(alarm.getString("state")).isEqualTo("open");
        assertThat(alarm.getString("severity")).isEqualTo("critical");
        assertThat(alarm.getJsonObject("event").getString("action")).isEqualTo("escalated");
        assertThat(alarm.containsKey("org_id")).isFalse();

        Http.await(s.client().close());
        Await.until(WAIT, () -> streamClientsMetric() == 0, () -> "clients " + streamClientsMetric());
    }

    @Test
    void theStreamNeedsCredentials() {
        assertThat(api.http().get("/api/v1/stream").statusCode()).isEqualTo(401);
    }
}
