package io.coldtrace.api.orgs;

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

/** Organisations: admins only. */
class OrgsIT {
    private static TestApi api;
    private static TwoOrgs orgs;

    @BeforeAll
    static void start() {
        api = TestApi.start("orgs");
        orgs = new TwoOrgs(api);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void anAdminCreatesAndListsOrganisations() {
        JsonObject created = expect(api.http().post("/api/v1/orgs", orgs.admin(),
                new JsonObject().put("id", "fresh-foods").put("name", "Fresh Foods")), 201);
        assertThat(created.getString("id")).isEqualTo("fresh-foods");
        assertThat(created.getString("created_at")).endsWith("Z");
        assertThat(expect(api.http().get("/api/v1/orgs", orgs.admin()), 200).getJsonArray("items"))
                .extracting(o -> ((JsonObject) o).getString("id")).contains("acme", "rival", "fresh-foods");
    }

    @Test
    void aDuplicateIdIs409AndStoresNothing() {
        assertError(api.http().post("/api/v1/orgs", orgs.admin(),
                new JsonObject().put("id", "acme").put("name", "Another")), 409, "id");
        assertThat(api.number("SELECT count(*) FROM org WHERE name = 'Another'")).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"id\":\"Bad Id\",\"name\":\"x\"}|422|id",
        "{\"name\":\"x\"}|422|id",
        "{\"id\":\"ok\"}|422|name",
        "{\"id\":\"ok\",\"name\":\"\"}|422|name",
        "{\"id\":7,\"name\":\"x\"}|422|id",
        "{\"id\":\"ok\",\"name\":\"x\",\"colour\":\"red\"}|422|colour",
        "{\"id\":\"ok\",|400|body",
        "[1,2]|400|body",
        "''|400|body"})
    void badBodiesAreRejectedNamingTheFieldAndStoreNothing(String body, int status, String field) {
        long before = api.number("SELECT count(*) FROM org");
        assertError(api.http().send(HttpMethod.POST, "/api/v1/orgs", orgs.admin(), body), status, field);
        assertThat(api.number("SELECT count(*) FROM org")).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OPERATOR", "DISPATCHER", "QA"})
    void otherRolesAre403(Role role) {
        assertError(api.http().get("/api/v1/orgs", orgs.acme(role)), 403, null);
        assertError(api.http().post("/api/v1/orgs", orgs.acme(role),
                new JsonObject().put("id", "x").put("name", "x")), 403, null);
    }

    @Test
    void withoutATokenIs401() {
        assertError(api.http().get("/api/v1/orgs"), 401, null);
        assertError(api.http().post("/api/v1/orgs", null, new JsonObject()), 401, null);
    }
}
