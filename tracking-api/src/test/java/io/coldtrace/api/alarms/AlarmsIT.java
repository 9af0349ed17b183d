package io.coldtrace.api.alarms;

import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.Seeds;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.api.testing.TwoOrgs;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The alarm lifecycle over HTTP, on alarms seeded as ingest stores them, without their events. */
class AlarmsIT {
    private static final String[] KEYS = {"id", "unit_id", "unit_name", "site_id", "site_name", "device", "rule",
        "severity", "state", "started_at", "raised_at", "cleared_at", "limit_value", "peak_value", "message",
        "acknowledged_at", "acknowledged_by", "ack_comment", "resolved_at", "resolved_by", "escalated_at"};

    private static TestApi api;
    private static TwoOrgs orgs;

    @BeforeAll
    static void start() {
        api = TestApi.start("alarms");
        orgs = new TwoOrgs(api);
        Seeds.Device device = api.seeds().device("dev-1", "acme-s1");
        seed(device, "acme-u1", "high", "warning", "open", "10:05", null, "still warm");
        seed(device, "acme-u1", "high", "critical", "open", "10:10", "10:30", "was hot");
        seed(device, "acme-u1", "low", "warning", "resolved", "09:00", "09:20", "was cold");
        seed(device, "acme-u1", "door_open", "warning", "open", "08:00", "08:10", "door left open");
        seed(device, "acme-u1", "offline", "critical", "open", "07:00", "07:30", "lost contact");
        seed(device, "rival-u1", "high", "warning", "open", "11:00", null, "rival alarm");
    }

    /** An alarm raised at {@code raised} on 2025-03-01, limit 5, peak 9.5, with no events but its resolution. */
    private static void seed(Seeds.Device device, String unit, String rule, String severity, String state,
                             String raised, String cleared, String message) {
        Instant at = Instant.parse("2025-03-01T" + raised + ":00Z");
        Seeds.Alarm alarm = api.seeds().alarmWithoutEvents(unit, device, rule, severity, at, at,
                cleared == null ? null : Instant.parse("2025-03-01T" + cleared + ":00Z"), 5.0, 9.5, message);
        if (state.equals("resolved")) {
            api.seeds().resolve(alarm, "seed", null);
        }
    }

    private static long id(String message) {
        return api.number("SELECT id FROM alarm WHERE message = ?", message);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonArray list(String query, String token) {
        return expect(api.http().get("/api/v1/alarms" + query, token), 200).getJsonArray("items");
    }

    private static JsonObject comment(String c) {
        return new JsonObject().put("comment", c);
    }

    @Test
    void theDefaultListIsActiveAlarmsOfTheOwnOrganisationNewestRaisedFirstInTheContractShape() {
        JsonArray items = list("", orgs.acme(Role.DISPATCHER));
        assertThat(items).extracting(o -> ((JsonObject) o).getString("message"))
                .startsWith("was hot", "still warm").doesNotContain("was cold", "rival alarm");
        JsonObject hot = items.getJsonObject(0);
        assertThat(hot.fieldNames()).contains(KEYS);
        assertThat(hot.getString("unit_name")).isEqualTo("acme room 1");
        assertThat(hot.getString("site_id")).isEqualTo("acme-s1");
        assertThat(hot.getString("site_name")).isEqualTo("acme store");
        assertThat(hot.getString("device")).isEqualTo("dev-1");
        assertThat(hot.getString("raised_at")).isEqualTo("2025-03-01T10:10:00Z");
        assertThat(hot.getString("cleared_at")).isEqualTo("2025-03-01T10:30:00Z");
        assertThat(hot.getDouble("peak_value")).isEqualTo(9.5);
        assertThat(list("", orgs.rival(Role.QA))).extracting(o -> ((JsonObject) o).getString("message"))
                .containsExactly("rival alarm");
        assertThat(list("?state=active", orgs.admin())).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void listsFilterByStateUnitSiteAndLimit() {
        String qa = orgs.acme(Role.QA);
        assertThat(list("?state=resolved", qa)).extracting(o -> ((JsonObject) o).getString("message"))
                .containsExactly("was cold");
        assertThat(list("?unit=rival-u1", qa)).isEmpty();
        assertThat(list("?site=acme-s1&limit=1", qa)).hasSize(1);
        assertThat(list("?unit=rival-u1", orgs.admin())).extracting(o -> ((JsonObject) o).getString("message"))
                .containsExactly("rival alarm");
    }

    @ParameterizedTest
    @CsvSource({"state=closed, state", "limit=0, limit", "limit=1001, limit", "unit=, unit"})
    void badListParametersAre400(String query, String field) {
        assertError(api.http().get("/api/v1/alarms?" + query, orgs.acme(Role.QA)), 400, field);
    }

    @Test
    void acknowledgingNeedsACommentAndOnlyAnOpenAlarm() {
        long id = id("still warm");
        String uri = "/api/v1/alarms/" + id + "/acknowledge";
        String op = orgs.acme(Role.OPERATOR);
        assertError(api.http().send(HttpMethod.POST, uri, op), 422, "comment");
        assertError(api.http().post(uri, op, new JsonObject()), 422, "comment");
        assertError(api.http().post(uri, op, comment("   ")), 422, "comment");
        assertError(api.http().post(uri, op, comment("x".repeat(2001))), 422, "comment");
        assertError(api.http().post(uri, op, new JsonObject().put("comment", 5)), 422, "comment");
        assertError(api.http().send(HttpMethod.POST, uri, op, "{\"comment\":"), 400, "body");
        assertError(api.http().post(uri, orgs.acme(Role.DISPATCHER), comment("x")), 403, null);
        assertError(api.http().post(uri, orgs.rival(Role.OPERATOR), comment("x")), 404, null);
        assertThat(api.number("SELECT count(*) FROM alarm_event WHERE alarm_id = ?", id)).isZero();
        assertThat(api.number("SELECT count(*) FROM alarm WHERE id = ? AND state = 'open'", id)).isOne();

        JsonObject acked = expect(api.http().post(uri, op, comment("moved stock to room 2")), 200);
        assertThat(acked.getString("state")).isEqualTo("acknowledged");
        assertThat(acked.getString("acknowledged_by")).isEqualTo("acme operator");
        assertThat(acked.getString("ack_comment")).isEqualTo("moved stock to room 2");
        assertThat(acked.getString("acknowledged_at")).endsWith("Z");
        JsonObject event = acked.getJsonArray("events").getJsonObject(0);
        assertThat(event.getString("action")).isEqualTo("acknowledged");
        assertThat(event.getString("actor")).isEqualTo("acme operator");
        assertThat(event.getString("comment")).isEqualTo("moved stock to room 2");
        assertThat(event.getString("at")).endsWith("Z");

        assertError(api.http().post(uri, orgs.acme(Role.QA), comment("again")), 409, "state");
        assertThat(api.number("SELECT count(*) FROM alarm_event WHERE alarm_id = ?", id)).isOne();
    }

    @Test
    void resolvingNeedsTheConditionCleared() {
        long id = id("still warm");
        assertError(api.http().post("/api/v1/alarms/" + id + "/resolve", orgs.acme(Role.QA), comment("done")), 409,
                "state");
        assertThat(api.number("SELECT count(*) FROM alarm WHERE id = ? AND resolved_at IS NULL", id)).isOne();
    }

    @Test
    void acknowledgeThenResolveAfterClearingListsBothEventsInOrder() {
        long id = id("was hot");
        expect(api.http().post("/api/v1/alarms/" + id + "/acknowledge", orgs.acme(Role.OPERATOR),
                comment("door seal replaced")), 200);
        JsonObject resolved = expect(api.http().post("/api/v1/alarms/" + id + "/resolve", orgs.acme(Role.QA),
                comment("product checked")), 200);
        assertThat(resolved.getString("state")).isEqualTo("resolved");
        assertThat(resolved.getString("resolved_by")).isEqualTo("acme qa");
        assertThat(resolved.getString("resolved_at")).isNotNull();
        JsonObject read = expect(api.http().get("/api/v1/alarms/" + id, orgs.acme(Role.DISPATCHER)), 200);
        assertThat(read.getJsonArray("events")).extracting(e -> ((JsonObject) e).getString("action"))
                .containsExactly("acknowledged", "resolved");
        assertThat(read.getJsonArray("events").getJsonObject(1).getString("comment")).isEqualTo("product checked");
        assertError(api.http().post("/api/v1/alarms/" + id + "/resolve", orgs.acme(Role.QA), new JsonObject()),
                409, "state");
        assertThat(list("?state=resolved", orgs.acme(Role.QA))).extracting(o -> ((JsonObject) o).getLong("id"))
                .contains(id);
    }

    @Test
    void aClearedOpenAlarmResolvesWithoutABodyOrComment() {
        long id = id("door left open");
        JsonObject resolved = expect(api.http().send(HttpMethod.POST, "/api/v1/alarms/" + id + "/resolve",
                orgs.admin()), 200);
        assertThat(resolved.getString("state")).isEqualTo("resolved");
        assertThat(resolved.getJsonArray("events").getJsonObject(0).getValue("comment")).isNull();
    }

    @Test
    void badResolveBodiesAreRejectedAndStoreNothing() {
        long id = id("lost contact");
        String uri = "/api/v1/alarms/" + id + "/resolve";
        assertError(api.http().post(uri, orgs.acme(Role.QA), comment("")), 422, "comment");
        assertError(api.http().post(uri, orgs.acme(Role.QA), new JsonObject().put("note", "x")), 422, "note");
        assertError(api.http().send(HttpMethod.POST, uri, orgs.acme(Role.QA), "[]"), 400, "body");
        assertError(api.http().post(uri, orgs.rival(Role.QA), comment("x")), 404, null);
        assertError(api.http().post(uri, orgs.acme(Role.DISPATCHER), comment("x")), 403, null);
        assertThat(api.number("SELECT count(*) FROM alarm_event WHERE alarm_id = ?", id)).isZero();
        assertThat(api.number("SELECT count(*) FROM alarm WHERE id = ? AND state = 'open'", id)).isOne();
    }

    @Test
    void anotherOrganisationsAlarmAndBadIdsAre404Or400() {
        long rival = id("rival alarm");
        assertError(api.http().get("/api/v1/alarms/" + rival, orgs.acme(Role.QA)), 404, null);
        expect(api.http().get("/api/v1/alarms/" + rival, orgs.rival(Role.QA)), 200);
        assertError(api.http().get("/api/v1/alarms/999999", orgs.admin()), 404, null);
        assertError(api.http().get("/api/v1/alarms/abc", orgs.admin()), 400, "id");
        assertError(api.http().post("/api/v1/alarms/-1/acknowledge", orgs.admin(), comment("x")), 400, "id");
    }

    @Test
    void withoutATokenIs401() {
        assertError(api.http().get("/api/v1/alarms"), 401, null);
        assertError(api.http().get("/api/v1/alarms/1"), 401, null);
        assertError(api.http().post("/api/v1/alarms/1/acknowledge", null, comment("x")), 401, null);
        assertError(api.http().post("/api/v1/alarms/1/resolve", null, comment("x")), 401, null);
    }
}
