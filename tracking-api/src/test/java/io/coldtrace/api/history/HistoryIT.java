package io.coldtrace.api.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.Http;
import io.coldtrace.api.testing.Seeds;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.telemetry.Reading;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Unit history against readings stored through ingest's write path, rollups included. Device dev-1 sits in room-a
 * until 2025-03-01T02:00Z, then in room-b; it reads 3.0 + minute/10 °C every minute from 2025-02-27 to 2025-03-03
 * (door open at minute 0).
 */
class HistoryIT {
    private static TestApi api;
    private static String operator;

    @BeforeAll
    static void seed() {
        api = TestApi.start("history");
        operator = api.token(Role.OPERATOR, "o1");
        Seeds s = api.seeds();
        s.org("o1", "Org One");
        s.org("o2", "Org Two");
        s.site("s1", "o1", "Site s1", "other", "Asia/Shanghai");
        s.site("s2", "o2", "Site s2", "other", "UTC");
        s.profile("p1", "o1", "Profile p1", "air", null, 0.0, 8.0, 10.0);
        s.unit("room-a", "s1", "cold_room", "Unit room-a", "chilled", "p1");
        s.unit("room-b", "s1", "cold_room", "Unit room-b", "chilled", null);
        s.unit("other", "s2", "cold_room", "Unit other", "frozen", null);
        Seeds.Device dev1 = s.device("dev-1", "s1", 60);
        Seeds.Device dev2 = s.device("dev-2", "s2", 60);
        s.bind(dev1, "room-a", t("2025-02-27T00:00:00Z"), t("2025-03-01T02:00:00Z"));
        s.bind(dev1, "room-b", t("2025-03-01T02:00:00Z"), null);
        s.bind(dev2, "other", t("2025-02-27T00:00:00Z"), null);
        s.readings(dev1, minutes(ts -> 3 + ts.atZone(ZoneOffset.UTC).getMinute() / 10.0));
        s.readings(dev2, minutes(ts -> -18.0));
        s.alarm("room-a", "high", "warning", t("2025-03-01T00:30:00Z"), t("2025-03-01T01:00:00Z"));
        s.alarm("room-a", "high", "critical", t("2025-03-01T01:30:00Z"), null);
        s.alarm("room-a", "low", "warning", t("2025-02-25T00:00:00Z"), t("2025-02-26T00:00:00Z"));
        s.alarm("room-a", "door_open", "warning", t("2025-03-01T05:00:00Z"), t("2025-03-01T05:10:00Z"));
    }

    /** Cold-room readings every minute from 2025-02-27 to 2025-03-03 with the air temperature {@code air} gives. */
    private static List<Reading> minutes(Function<Instant, Double> air) {
        return Seeds.every(t("2025-02-27T00:00:00Z"), t("2025-03-03T00:00:00Z"), Duration.ofMinutes(1))
                .map(ts -> Seeds.coldRoom(ts, air.apply(ts))).toList();
    }

    private static Instant t(String iso) {
        return Instant.parse(iso);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void aSpanUpToSixHoursIsRawReadingsClippedToTheBinding() {
        JsonObject a = history("room-a", "2025-03-01T00:00:00Z", "2025-03-01T04:00:00Z");
        assertThat(a.getString("resolution")).isEqualTo("raw");
        JsonArray points = a.getJsonArray("points");
        assertThat(points).hasSize(120);
        assertThat(first(points).getString("ts")).isEqualTo("2025-03-01T00:00:00Z");
        assertThat(last(points).getString("ts")).isEqualTo("2025-03-01T01:59:00Z");
        JsonObject p = points.getJsonObject(5);
        assertThat(p.getDouble("min")).isEqualTo(3.5);
        assertThat(p.getDouble("max")).isEqualTo(3.5);
        assertThat(p.getDouble("avg")).isEqualTo(3.5);
        assertThat(first(points).getBoolean("door_open")).isTrue();
        assertThat(p.getBoolean("door_open")).isFalse();
        assertThat(p.getBoolean("defrost")).isFalse();

        JsonArray b = history("room-b", "2025-03-01T00:00:00Z", "2025-03-01T04:00:00Z").getJsonArray("points");
        assertThat(b).hasSize(120);
        assertThat(first(b).getString("ts")).isEqualTo("2025-03-01T02:00:00Z");
        assertThat(last(b).getString("ts")).isEqualTo("2025-03-01T03:59:00Z");
    }

    @Test
    void aSpanUpToTwoDaysIsMinuteRollupsClippedToTheBinding() {
        JsonObject a = history("room-a", "2025-02-28T00:00:00Z", "2025-03-02T00:00:00Z");
        assertThat(a.getString("resolution")).isEqualTo("1m");
        JsonArray points = a.getJsonArray("points");
        assertThat(points).hasSize(24 * 60 + 120);
        assertThat(first(points).getString("ts")).isEqualTo("2025-02-28T00:00:00Z");
        assertThat(last(points).getString("ts")).isEqualTo("2025-03-01T01:59:00Z");
        assertThat(points.getJsonObject(7).getDouble("avg")).isEqualTo(3.7);
        assertThat(points.getJsonObject(60 * 5 + 3).getBoolean("defrost")).as("05:03 defrost").isTrue();

        JsonArray b = history("room-b", "2025-02-28T00:00:00Z", "2025-03-02T00:00:00Z").getJsonArray("points");
        assertThat(b).hasSize(22 * 60);
        assertThat(first(b).getString("ts")).isEqualTo("2025-03-01T02:00:00Z");
    }

    @Test
    void longerSpansAreHourRollupsWithMinMaxAvgOfTheBucket() {
        JsonObject a = history("room-a", "2025-02-20T00:00:00Z", "2025-03-03T00:00:00Z");
        assertThat(a.getString("resolution")).isEqualTo("1h");
        JsonArray points = a.getJsonArray("points");
        assertThat(points).hasSize(48 + 2);
        assertThat(first(points).getString("ts")).isEqualTo("2025-02-27T00:00:00Z");
        assertThat(last(points).getString("ts")).isEqualTo("2025-03-01T01:00:00Z");
        JsonObject h = first(points);
        assertThat(h.getDouble("min")).isEqualTo(3.0);
        assertThat(h.getDouble("max")).isEqualTo(8.9);
        assertThat(h.getDouble("avg")).isCloseTo(5.95, within(0.001));
        assertThat(h.getBoolean("door_open")).isTrue();
        assertThat(points.getJsonObject(5).getBoolean("defrost")).as("05:00 bucket").isTrue();
        assertThat(points.getJsonObject(6).getBoolean("defrost")).isFalse();

        JsonArray b = history("room-b", "2025-02-20T00:00:00Z", "2025-03-03T00:00:00Z").getJsonArray("points");
        assertThat(b).hasSize(46);
        assertThat(first(b).getString("ts")).isEqualTo("2025-03-01T02:00:00Z");
    }

    @Test
    void theAnswerCarriesTheUnitTheProfilesProbeAndBandAndTheOverlappingAlarms() {
        JsonObject a = history("room-a", "2025-03-01T00:00:00Z", "2025-03-01T04:00:00Z");
        assertThat(a.getJsonObject("unit")).isEqualTo(new JsonObject().put("id", "room-a").put("name", "Unit room-a")
                .put("site_id", "s1").put("site_name", "Site s1").put("kind", "cold_room").put("temp_class", "chilled"));
        assertThat(a.getString("probe")).isEqualTo("air");
        assertThat(a.getJsonObject("band")).isEqualTo(new JsonObject().putNull("low_crit").put("low_warn", 0.0)
                .put("high_warn", 8.0).put("high_crit", 10.0));
        JsonArray alarms = a.getJsonArray("alarms");
        assertThat(alarms).extracting(o -> ((JsonObject) o).getString("started_at"))
                .containsExactly("2025-03-01T00:30:00Z", "2025-03-01T01:30:00Z");
        JsonObject open = alarms.getJsonObject(1);
        assertThat(open.getString("rule")).isEqualTo("high");
        assertThat(open.getString("severity")).isEqualTo("critical");
        assertThat(open.getString("state")).isEqualTo("open");
        assertThat(open.getValue("cleared_at")).isNull();
        assertThat(alarms.getJsonObject(0).getString("cleared_at")).isEqualTo("2025-03-01T01:00:00Z");
        assertThat(open.getLong("id")).isPositive();

        JsonObject b = history("room-b", "2025-03-01T00:00:00Z", "2025-03-01T04:00:00Z");
        assertThat(b.getJsonObject("band")).isEqualTo(new JsonObject().putNull("low_crit").putNull("low_warn")
                .putNull("high_warn").putNull("high_crit"));
        assertThat(b.getJsonArray("alarms")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"2025-03-01T00:00:00Z,2025-03-01T04:00:00Z", "2025-02-28T00:00:00Z,2025-03-02T00:00:00Z",
        "2025-02-20T00:00:00Z,2025-03-03T00:00:00Z"})
    void csvHoldsTheSamePointsAsJson(String from, String to) {
        String query = "/api/v1/units/room-a/history?from=" + from + "&to=" + to;
        HttpResponse<Buffer> csv = api.http().get(query + "&format=csv", operator);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.getHeader("content-type")).startsWith("text/csv");
        assertThat(csv.getHeader("content-disposition")).contains("room-a-history-");
        List<String> lines = csv.bodyAsString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("ts,min,max,avg,door_open,defrost");
        List<String> expected = new ArrayList<>();
        for (Object o : history("room-a", from, to).getJsonArray("points")) {
            JsonObject p = (JsonObject) o;
            expected.add(String.join(",", p.getString("ts"), text(p.getValue("min")), text(p.getValue("max")),
                    text(p.getValue("avg")), p.getBoolean("door_open").toString(), p.getBoolean("defrost").toString()));
        }
        assertThat(lines.subList(1, lines.size())).isNotEmpty().isEqualTo(expected);
    }

    @Test
    void aCsvExportMayChooseRawReadingsOverAYear() {
        HttpResponse<Buffer> r = api.http().get("/api/v1/units/room-a/history?from=2024-03-01T00:00:00Z"
                + "&to=2025-03-01T00:00:00Z&format=csv&resolution=raw", operator);
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        assertThat(r.getHeader("content-disposition")).contains("room-a-history-raw.csv");
        List<String> lines = r.bodyAsString().lines().toList();
        assertThat(lines).hasSize(1 + 2 * 24 * 60);
        assertThat(lines.get(0)).isEqualTo("ts,min,max,avg,door_open,defrost");
        assertThat(lines.get(1)).isEqualTo("2025-02-27T00:00:00Z,3.0,3.0,3.0,true,false");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("2025-02-28T23:59:00Z,8.9,8.9,8.9,false,false");
    }

    @Test
    void aCsvExportMayChooseHourRollupsBeyondTheJsonSpan() {
        HttpResponse<Buffer> csv = api.http().get("/api/v1/units/room-a/history?from=2025-01-25T00:00:00Z"
                + "&to=2025-03-05T00:00:00Z&format=csv&resolution=1h", operator);
        assertThat(csv.statusCode()).as(csv.bodyAsString()).isEqualTo(200);
        List<String> lines = csv.bodyAsString().lines().toList();
        JsonArray json = history("room-a", "2025-02-20T00:00:00Z", "2025-03-03T00:00:00Z").getJsonArray("points");
        assertThat(lines).hasSize(1 + json.size());
        assertThat(lines.get(1)).startsWith(first(json).getString("ts") + "," + first(json).getDouble("min"));
    }

    @ParameterizedTest
    @CsvSource({
        "format=csv&resolution=raw&from=2024-02-29T00:00:00Z&to=2025-03-01T00:00:01Z,to",
        "format=csv&resolution=raw&from=2025-03-01T04:00:00Z&to=2025-03-01T00:00:00Z,to",
        "format=csv&resolution=raw&to=2025-03-01T00:00:00Z,from",
        "format=csv&resolution=5m&from=2025-03-01T00:00:00Z&to=2025-03-01T04:00:00Z,resolution",
        "format=csv&from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:01Z,to",
        "resolution=raw&from=2025-03-01T00:00:00Z&to=2025-03-01T04:00:00Z,resolution",
        "format=json&resolution=1h&from=2025-03-01T00:00:00Z&to=2025-03-01T04:00:00Z,resolution"})
    void exportParametersBeyondTheirLimitsAre400NamingTheField(String query, String field) {
        Http.assertError(api.http().get("/api/v1/units/room-a/history?" + query, operator), 400, field);
    }

    @Test
    void aCsvExportOfAUnitOfAnotherOrganisationIs404BeforeAnyByte() {
        Http.assertError(api.http().get("/api/v1/units/other/history?from=2025-02-01T00:00:00Z"
                + "&to=2025-03-03T00:00:00Z&format=csv&resolution=raw", operator), 404, null);
    }

    @Test
    void anOffsetTimeIsReadAsTheInstantItNames() {
        JsonObject a = Http.json(api.http().get("/api/v1/units/room-a/history?from=2025-03-01T08:00:00%2B08:00"
                + "&to=2025-03-01T09:00:00%2B08:00", operator));
        assertThat(a.getJsonArray("points")).hasSize(60);
        assertThat(first(a.getJsonArray("points")).getString("ts")).isEqualTo("2025-03-01T00:00:00Z");
    }

    @ParameterizedTest
    @CsvSource({
        "to=2025-03-01T04:00:00Z,from",
        "from=2025-03-01T00:00:00Z,to",
        "from=yesterday&to=2025-03-01T04:00:00Z,from",
        "from=2025-03-01T00:00:00&to=2025-03-01T04:00:00Z,from",
        "from=2025-03-01T00:00:00Z&to=2025-03-01,to",
        "from=2025-03-01T04:00:00Z&to=2025-03-01T04:00:00Z,to",
        "from=2025-03-01T05:00:00Z&to=2025-03-01T04:00:00Z,to",
        "from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:01Z,to",
        "from=2025-03-01T00:00:00Z&to=2025-03-01T04:00:00Z&format=xml,format"})
    void badParametersAre400NamingTheField(String query, String field) {
        HttpResponse<Buffer> r = api.http().get("/api/v1/units/room-a/history?" + query, operator);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.json(r).getString("error")).isEqualTo("bad_request");
        assertThat(Http.json(r).getString("field")).isEqualTo(field);
    }

    @Test
    void aUnitOfAnotherOrganisationIs404LikeAnUnknownOne() {
        String range = "/history?from=2025-03-01T00:00:00Z&to=2025-03-01T04:00:00Z";
        HttpResponse<Buffer> other = api.http().get("/api/v1/units/other" + range, operator);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(Http.json(other).getString("error")).isEqualTo("not_found");
        assertThat(api.http().get("/api/v1/units/nope" + range, operator).statusCode()).isEqualTo(404);
        HttpResponse<Buffer> admin = api.http().get("/api/v1/units/other" + range, api.token(Role.ADMIN));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(Http.json(admin).getJsonArray("points")).hasSize(240);
        assertThat(api.http().get("/api/v1/units/other" + range, api.token(Role.QA, "o2")).statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest
    // a partner only captures; an authority reads no organisation's operations
    @EnumSource(value = Role.class, names = {"PARTNER", "AUTHORITY"}, mode = EnumSource.Mode.EXCLUDE)
    void everyRoleOfTheOrganisationMayReadHistory(Role role) {
        HttpResponse<Buffer> r = api.http().get("/api/v1/units/room-a/history?from=2025-03-01T00:00:00Z"
                + "&to=2025-03-01T01:00:00Z", role == Role.ADMIN ? api.token(role) : api.token(role, "o1"));
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void withoutATokenHistoryIs401() {
        assertThat(api.http().get("/api/v1/units/room-a/history?from=2025-03-01T00:00:00Z"
                + "&to=2025-03-01T01:00:00Z").statusCode()).isEqualTo(401);
    }

    private static JsonObject history(String unit, String from, String to) {
        HttpResponse<Buffer> r = api.http().get("/api/v1/units/" + unit + "/history?from=" + from + "&to=" + to,
                operator);
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return Http.json(r);
    }

    private static JsonObject first(JsonArray a) {
        return a.getJsonObject(0);
    }

    private static JsonObject last(JsonArray a) {
        return a.getJsonObject(a.size() - 1);
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString();
    }
}
