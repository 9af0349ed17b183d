package io.coldtrace.api.bindings;

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
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Device bindings: claim, move (the old binding ends where the new starts), unbind, history, overlaps 409. */
class BindingsIT {
    private static TestApi api;
    private static TwoOrgs orgs;
    private static String op;

    @BeforeAll
    static void start() {
        api = TestApi.start("bindings");
        orgs = new TwoOrgs(api);
        op = orgs.acme(Role.OPERATOR);
        Seeds s = api.seeds();
        s.unit("acme-u2", "acme-s1", "truck_compartment", "T2", "chilled", null);
        for (String d : new String[] {"dev-claim", "dev-past", "dev-same", "dev-bad"}) {
            s.device(d, "acme-s1");
        }
        // in rival's room through January
        s.bind(s.device("dev-overlap", "acme-s1"), "rival-u1", Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-02-01T00:00:00Z"));
        // in rival's room now
        s.bind(s.device("dev-foreign", "rival-s1"), "rival-u1", Instant.now().minus(Duration.ofDays(1)), null);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonObject bind(String device) {
        return new JsonObject().put("device", device);
    }

    private static long bindings() {
        return api.number("SELECT count(*) FROM device_binding");
    }

    @Test
    void claimingAnUnclaimedDeviceThenMovingItClosesTheOldBindingWhereTheNewStarts() {
        JsonObject claimed = expect(api.http().post("/api/v1/units/acme-u1/devices", op, bind("dev-claim")), 201);
        assertThat(claimed.getString("unit_id")).isEqualTo("acme-u1");
        assertThat(claimed.getString("device")).isEqualTo("dev-claim");
        assertThat(claimed.getValue("to")).isNull();
        assertThat(claimed.getValue("moved_from")).isNull();
        assertThat(Instant.parse(claimed.getString("from"))).isBefore(Instant.now().plusSeconds(5));
        assertThat(api.number("SELECT count(*) FROM device_unclaimed WHERE ext_id = 'dev-claim'")).isZero();

        JsonObject moved = expect(api.http().post("/api/v1/units/acme-u2/devices", op, bind("dev-claim")), 201);
        assertThat(moved.getString("moved_from")).isEqualTo("acme-u1");
        JsonArray history = expect(api.http().get("/api/v1/units/acme-u1/devices", orgs.acme(Role.QA)), 200)
                .getJsonArray("items");
        assertThat(history).filteredOn(b -> ((JsonObject) b).getString("device").equals("dev-claim"))
                .singleElement()
                .satisfies(b -> assertThat(((JsonObject) b).getString("to")).isEqualTo(moved.getString("from")));

        JsonObject ended = expect(api.http().delete("/api/v1/units/acme-u2/devices/dev-claim", op), 200);
        assertThat(ended.getString("to")).isNotNull();
        assertError(api.http().delete("/api/v1/units/acme-u2/devices/dev-claim", op), 404, null);
        assertThat(api.number("SELECT count(*) FROM device_unclaimed WHERE ext_id = 'dev-claim'")).isOne();
    }

    @Test
    void aMoveMustStartAfterTheCurrentBindingStarted() {
        expect(api.http().post("/api/v1/units/acme-u1/devices", op,
                bind("dev-past").put("from", "2025-03-01T00:00:00Z")), 201);
        long before = bindings();
        assertError(api.http().post("/api/v1/units/acme-u2/devices", op,
                bind("dev-past").put("from", "2025-02-01T00:00:00Z")), 409, "from");
        assertThat(bindings()).isEqualTo(before);
        JsonObject moved = expect(api.http().post("/api/v1/units/acme-u2/devices", op,
                bind("dev-past").put("from", "2025-03-02T12:00:00+02:00")), 201);
        assertThat(moved.getString("from")).isEqualTo("2025-03-02T10:00:00Z");
        JsonArray history = expect(api.http().get("/api/v1/units/acme-u1/devices", op), 200).getJsonArray("items");
        assertThat(history).anySatisfy(b -> assertThat(((JsonObject) b).getString("to"))
                .isEqualTo("2025-03-02T10:00:00Z"));
    }

    @Test
    void aBindingOverlappingAnEarlierOneIs409AndStoresNothing() {
        long before = bindings();
        assertError(api.http().post("/api/v1/units/acme-u1/devices", op,
                bind("dev-overlap").put("from", "2025-01-15T00:00:00Z")), 409, "from");
        assertThat(bindings()).isEqualTo(before);
        expect(api.http().post("/api/v1/units/acme-u1/devices", op,
                bind("dev-overlap").put("from", "2025-02-01T00:00:00Z")), 201);
    }

    @Test
    void bindingTwiceToTheSameUnitOrStealingFromAnotherOrganisationIs409() {
        expect(api.http().post("/api/v1/units/acme-u1/devices", op, bind("dev-same")), 201);
        long before = bindings();
        assertError(api.http().post("/api/v1/units/acme-u1/devices", op, bind("dev-same")), 409, "device");
        assertError(api.http().post("/api/v1/units/acme-u1/devices", op, bind("dev-foreign")), 409, "device");
        assertThat(bindings()).isEqualTo(before);
        expect(api.http().post("/api/v1/units/acme-u1/devices", orgs.admin(), bind("dev-foreign")), 201);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"device\":\"no-such-device\"}|422|device",
        "{}|422|device",
        "{\"device\":17}|422|device",
        "{\"device\":\"dev-bad\",\"from\":\"yesterday\"}|422|from",
        "{\"device\":\"dev-bad\",\"from\":1700000000}|422|from",
        "{\"device\":\"dev-bad\",\"unit\":\"acme-u2\"}|422|unit",
        "{\"device\":|400|body"})
    void badBindRequestsNameTheFieldAndStoreNothing(String body, int status, String field) {
        long before = bindings();
        assertError(api.http().send(HttpMethod.POST, "/api/v1/units/acme-u1/devices", op, body), status, field);
        assertThat(bindings()).isEqualTo(before);
    }

    @Test
    void anotherOrganisationsUnitIs404ForEveryBindingRoute() {
        long before = bindings();
        assertError(api.http().post("/api/v1/units/rival-u1/devices", op, bind("dev-bad")), 404, null);
        assertError(api.http().get("/api/v1/units/rival-u1/devices", op), 404, null);
        assertError(api.http().delete("/api/v1/units/rival-u1/devices/dev-foreign", op), 404, null);
        assertError(api.http().post("/api/v1/units/nowhere/devices", op, bind("dev-bad")), 404, null);
        assertThat(bindings()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"DISPATCHER", "QA"})
    void dispatchersAndQaReadHistoryButDoNotBind(Role role) {
        expect(api.http().get("/api/v1/units/acme-u1/devices", orgs.acme(role)), 200);
        assertError(api.http().post("/api/v1/units/acme-u1/devices", orgs.acme(role), bind("dev-bad")), 403, null);
        assertError(api.http().delete("/api/v1/units/acme-u1/devices/dev-bad", orgs.acme(role)), 403, null);
    }

    @Test
    void withoutATokenIs401() {
        assertError(api.http().get("/api/v1/units/acme-u1/devices"), 401, null);
        assertError(api.http().post("/api/v1/units/acme-u1/devices", null, bind("dev-bad")), 401, null);
        assertError(api.http().delete("/api/v1/units/acme-u1/devices/dev-bad", null), 401, null);
    }
}
