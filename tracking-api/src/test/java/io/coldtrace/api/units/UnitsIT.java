package io.coldtrace.api.units;

import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.api.testing.TwoOrgs;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Units: operators write their own organisation's, with a site and profile they see; every role reads its own. */
class UnitsIT {
    private static TestApi api;
    private static TwoOrgs orgs;

    @BeforeAll
    static void start() {
        api = TestApi.start("units");
        orgs = new TwoOrgs(api);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** An update body: a unit's fields without its id. */
    private static JsonObject fields() {
        JsonObject o = unit("ignored");
        o.remove("id");
        return o;
    }

    private static JsonObject unit(String id) {
        return new JsonObject().put("id", id).put("site_id", "acme-s1").put("kind", "truck_compartment")
                .put("name", "Truck 7 front").put("temp_class", "frozen").put("profile_id", "acme-p");
    }

    @Test
    void anOperatorCreatesAUnitAndUpdatesIt() {
        JsonObject created = expect(api.http().post("/api/v1/units", orgs.acme(Role.OPERATOR), unit("t7-front")
                .put("gln", "0123456789128")), 201);
        assertThat(created.getString("org_id")).isEqualTo("acme");
        assertThat(created.getString("gln")).isEqualTo("0123456789128");
        assertThat(created.getString("kind")).isEqualTo("truck_compartment");
        assertThat(created.getString("profile_id")).isEqualTo("acme-p");
        JsonObject updated = expect(api.http().put("/api/v1/units/t7-front", orgs.acme(Role.OPERATOR),
                new JsonObject().put("site_id", "acme-s1").put("kind", "container").put("name", "Box")), 200);
        assertThat(updated.getString("kind")).isEqualTo("container");
        assertThat(updated.getString("temp_class")).isEqualTo("chilled");
        assertThat(updated.getValue("profile_id")).isNull();
        assertThat(updated.getValue("gln")).as("a PUT replaces every field: absent = none").isNull();
    }

    @Test
    void aUnitMovedToAnotherOrganisationsSiteShowsItsNewOrganisation() {
        expect(api.http().post("/api/v1/units", orgs.admin(), unit("u-moved").put("site_id", "rival-s1")
                .put("profile_id", "rival-p")), 201);
        JsonObject moved = expect(api.http().put("/api/v1/units/u-moved", orgs.admin(),
                fields().put("site_id", "acme-s1").put("profile_id", "acme-p")), 200);
        assertThat(moved.getString("site_id")).isEqualTo("acme-s1");
        assertThat(moved.getString("org_id")).as("the new site's organisation, not the old one's").isEqualTo("acme");
    }

    @Test
    void listsAreFilteredByOrganisationAndSite() {
        assertThat(expect(api.http().get("/api/v1/units", orgs.rival(Role.QA)), 200).getJsonArray("items"))
                .extracting(o -> ((JsonObject) o).getString("id")).containsExactly("rival-u1");
        assertThat(expect(api.http().get("/api/v1/units?site=rival-s1", orgs.acme(Role.QA)), 200)
                .getJsonArray("items")).isEmpty();
        assertThat(expect(api.http().get("/api/v1/units?site=rival-s1", orgs.admin()), 200).getJsonArray("items"))
                .extracting(o -> ((JsonObject) o).getString("id")).containsExactly("rival-u1");
        assertError(api.http().get("/api/v1/units?limit=0", orgs.admin()), 400, "limit");
    }

    @Test
    void anotherOrganisationsUnitIs404() {
        assertError(api.http().get("/api/v1/units/acme-u1", orgs.rival(Role.DISPATCHER)), 404, null);
        assertError(api.http().put("/api/v1/units/acme-u1", orgs.rival(Role.OPERATOR),
                fields().put("site_id", "rival-s1").put("profile_id", "rival-p")), 404, null);
        assertThat(api.number("SELECT count(*) FROM unit WHERE id = 'acme-u1' AND site_id = 'acme-s1'")).isOne();
    }

    @ParameterizedTest
    @CsvSource({
        "site_id, rival-s1", "site_id, nowhere", "profile_id, rival-p", "profile_id, nowhere", "kind, fridge",
        "temp_class, warm", "id, bad id", "gln, 0123456789123", "gln, 12345"})
    void unknownOrForeignReferencesAndBadValuesAre422AndStoreNothing(String field, String value) {
        long before = api.number("SELECT count(*) FROM unit");
        assertError(api.http().post("/api/v1/units", orgs.acme(Role.OPERATOR), unit("u-bad").put(field, value)),
                422, field);
        assertError(api.http().put("/api/v1/units/acme-u1", orgs.acme(Role.OPERATOR),
                fields().put(field, value).put("name", "changed")), 422, field);
        assertThat(api.number("SELECT count(*) FROM unit")).isEqualTo(before);
        assertThat(api.number("SELECT count(*) FROM unit WHERE name = 'changed'")).isZero();
    }

    @Test
    void anAdminCannotGiveAUnitAProfileOfAnotherOrganisation() {
        assertError(api.http().post("/api/v1/units", orgs.admin(), unit("u-mixed").put("profile_id", "rival-p")),
                422, "profile_id");
        assertThat(api.number("SELECT count(*) FROM unit WHERE id = 'u-mixed'")).isZero();
    }

    @Test
    void malformedBodiesAndDuplicatesAreRejected() {
        String op = orgs.acme(Role.OPERATOR);
        assertError(api.http().send(HttpMethod.POST, "/api/v1/units", op, "{\"id\":\"x\""), 400, "body");
        assertError(api.http().post("/api/v1/units", op, unit("x").put("name", 42)), 422, "name");
        assertError(api.http().post("/api/v1/units", op, unit("x").put("site_id", null)), 422, "site_id");
        assertError(api.http().post("/api/v1/units", op, unit("acme-u1")), 409, "id");
        assertError(api.http().put("/api/v1/units/acme-u1", op, unit("acme-u1")), 422, "id");
        assertError(api.http().put("/api/v1/units/nowhere", op, fields()), 404, null);
        assertThat(api.number("SELECT count(*) FROM unit WHERE id = 'x'")).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"DISPATCHER", "QA"})
    void dispatchersAndQaReadButDoNotWrite(Role role) {
        expect(api.http().get("/api/v1/units/acme-u1", orgs.acme(role)), 200);
        assertError(api.http().post("/api/v1/units", orgs.acme(role), unit("u-" + role.label())), 403, null);
        assertError(api.http().put("/api/v1/units/acme-u1", orgs.acme(role), unit("acme-u1")), 403, null);
    }

    @Test
    void withoutATokenIs401() {
        assertError(api.http().get("/api/v1/units"), 401, null);
        assertError(api.http().get("/api/v1/units/acme-u1"), 401, null);
        assertError(api.http().post("/api/v1/units", null, unit("x")), 401, null);
        assertError(api.http().put("/api/v1/units/acme-u1", null, unit("x")), 401, null);
    }
}
