package io.coldtrace.api.sites;

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

/** Sites: admins write; every role reads its own organisation's, another's are 404. */
class SitesIT {
    private static TestApi api;
    private static TwoOrgs orgs;

    @BeforeAll
    static void start() {
        api = TestApi.start("sites");
        orgs = new TwoOrgs(api);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonObject site(String id) {
        return new JsonObject().put("id", id).put("org_id", "acme").put("name", "Store " + id)
                .put("kind", "forward_warehouse").put("timezone", "Europe/Berlin").put("lat", 52.5).put("lon", 13.4)
                .put("address", "Hafen 1");
    }

    @Test
    void anAdminCreatesGetsAndUpdatesASite() {
        JsonObject created = expect(api.http().post("/api/v1/sites", orgs.admin(), site("s-new")), 201);
        assertThat(created.getString("org_id")).isEqualTo("acme");
        assertThat(created.getString("kind")).isEqualTo("forward_warehouse");
        assertThat(created.getDouble("lat")).isEqualTo(52.5);
        JsonObject updated = expect(api.http().put("/api/v1/sites/s-new", orgs.admin(),
                new JsonObject().put("name", "Renamed").put("kind", "buyer")), 200);
        assertThat(updated.getString("name")).isEqualTo("Renamed");
        assertThat(updated.getString("org_id")).as("organisation never changes").isEqualTo("acme");
        assertThat(updated.getString("timezone")).as("absent = default").isEqualTo("Asia/Shanghai");
        assertThat(updated.getValue("lat")).isNull();
        JsonObject read = expect(api.http().get("/api/v1/sites/s-new", orgs.acme(Role.QA)), 200);
        assertThat(read.getString("name")).isEqualTo("Renamed");
        JsonObject placed = expect(api.http().put("/api/v1/sites/s-new", orgs.admin(),
                new JsonObject().put("name", "Renamed").put("division_code", "440402")), 200);
        assertThat(placed.getString("division_code")).isEqualTo("440402");
        JsonObject located = expect(api.http().put("/api/v1/sites/s-new", orgs.admin(),
                new JsonObject().put("name", "Renamed").put("gln", "0123456789128")), 200);
        assertThat(located.getString("gln")).isEqualTo("0123456789128");
        assertThat(api.rows("SELECT gln FROM site WHERE id = 's-new'")).containsExactly("0123456789128");
    }

    @Test
    void aScopedCallerListsOnlyItsOwnSitesAndAnotherOrganisationsSiteIs404() {
        assertThat(expect(api.http().get("/api/v1/sites", orgs.rival(Role.DISPATCHER)), 200).getJsonArray("items"))
                .extracting(o -> ((JsonObject) o).getString("id")).containsExactly("rival-s1");
        assertError(api.http().get("/api/v1/sites/acme-s1", orgs.rival(Role.OPERATOR)), 404, null);
        assertThat(expect(api.http().get("/api/v1/sites", orgs.admin()), 200).getJsonArray("items"))
                .extracting(o -> ((JsonObject) o).getString("id")).contains("acme-s1", "rival-s1");
    }

    @Test
    void aTokenOfAnOrganisationWithoutSitesSeesNone() {
        assertThat(expect(api.http().get("/api/v1/sites", api.token(Role.QA, "no-sites")), 200).getJsonArray("items")).isEmpty();
    }

    @Test
    void aScopedAdminUpdatingAnotherOrganisationsSiteGets404() {
        String acmeAdmin = orgs.acme(Role.ADMIN);
        assertError(api.http().put("/api/v1/sites/rival-s1", acmeAdmin, new JsonObject().put("name", "x")), 404,
                null);
        assertThat(api.number("SELECT count(*) FROM site WHERE name = 'x'")).isZero();
        assertError(api.http().post("/api/v1/sites", acmeAdmin, site("s-x").put("org_id", "rival")), 422, "org_id");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "org_id|\"nowhere\"|422",
        "kind|\"shed\"|422",
        "timezone|\"Mars/Olympus\"|422",
        "lat|91|422",
        "lon|\"east\"|422",
        "name|\"\"|422",
        "id|\"has space\"|422",
        "address|5|422",
        "division_code|\"44040\"|422",
        "division_code|\"990000\"|422",
        "gln|\"0123456789123\"|422",
        "gln|\"012345678912\"|422"})
    void badFieldsAre422NamingThemAndStoreNothing(String field, String json, int status) {
        JsonObject body = site("s-bad").put(field, new JsonObject("{\"v\":" + json + "}").getValue("v"));
        assertError(api.http().post("/api/v1/sites", orgs.admin(), body), status, field);
        assertThat(api.number("SELECT count(*) FROM site WHERE id IN ('s-bad', 'has space')")).isZero();
    }

    @Test
    void malformedJsonIs400AndADuplicateIs409() {
        assertError(api.http().send(HttpMethod.POST, "/api/v1/sites", orgs.admin(), "{\"id\":"), 400, "body");
        assertError(api.http().send(HttpMethod.PUT, "/api/v1/sites/acme-s1", orgs.admin(), "nope"), 400, "body");
        assertError(api.http().post("/api/v1/sites", orgs.admin(), site("acme-s1")), 409, "id");
        assertError(api.http().put("/api/v1/sites/acme-s1", orgs.admin(), new JsonObject().put("lat", "x")), 422,
                "name");
        assertThat(api.number("SELECT count(*) FROM site WHERE name LIKE 'Store %'")).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OPERATOR", "DISPATCHER", "QA"})
    void onlyAdminsWriteSites(Role role) {
        assertError(api.http().post("/api/v1/sites", orgs.acme(role), site("s-" + role.label())), 403, null);
        assertError(api.http().put("/api/v1/sites/acme-s1", orgs.acme(role), site("acme-s1")), 403, null);
        expect(api.http().get("/api/v1/sites/acme-s1", orgs.acme(role)), 200);
    }

    @Test
    void withoutATokenEverySiteRouteIs401() {
        assertError(api.http().get("/api/v1/sites"), 401, null);
        assertError(api.http().get("/api/v1/sites/acme-s1"), 401, null);
        assertError(api.http().post("/api/v1/sites", null, site("s")), 401, null);
        assertError(api.http().put("/api/v1/sites/acme-s1", null, site("s")), 401, null);
    }
}
