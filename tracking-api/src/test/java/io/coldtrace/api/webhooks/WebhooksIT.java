package io.coldtrace.api.webhooks;

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

/** Webhooks: operators (own organisation) and admins register, list (never the secret) and delete them. */
class WebhooksIT {
    private static final String SECRET = "s3cret-s3cret-s3cret";
    private static TestApi api;
    private static TwoOrgs orgs;

    @BeforeAll
    static void start() {
        api = TestApi.start("webhooks");
        orgs = new TwoOrgs(api);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonObject hook(String url) {
        return new JsonObject().put("url", url).put("secret", SECRET);
    }

    private static long hooks() {
        return api.number("SELECT count(*) FROM webhook");
    }

    @Test
    void anOperatorRegistersListsAndDeletesItsOrganisationsWebhook() {
        String op = orgs.acme(Role.OPERATOR);
        JsonObject created = expect(api.http().post("/api/v1/webhooks", op, hook("https://hooks.acme.test/a")), 201);
        assertThat(created.getString("org_id")).isEqualTo("acme");
        assertThat(created.encode()).doesNotContain(SECRET);
        long id = created.getLong("id");
        assertThat(expect(api.http().get("/api/v1/webhooks", op), 200).encode())
                .contains("hooks.acme.test").doesNotContain(SECRET);
        assertThat(expect(api.http().get("/api/v1/webhooks", orgs.rival(Role.OPERATOR)), 200).encode())
                .doesNotContain("hooks.acme.test");
        assertError(api.http().delete("/api/v1/webhooks/" + id, orgs.rival(Role.OPERATOR)), 404, null);
        assertThat(expect(api.http().delete("/api/v1/webhooks/" + id, op), 200).getBoolean("active")).isFalse();
        assertError(api.http().delete("/api/v1/webhooks/" + id, op), 404, null);
        assertThat(expect(api.http().get("/api/v1/webhooks", op), 200).encode()).doesNotContain("hooks.acme.test");
    }

    @Test
    void anAdminNamesTheOrganisation() {
        assertError(api.http().post("/api/v1/webhooks", orgs.admin(), hook("https://x.test")), 422, "org_id");
        JsonObject created = expect(api.http().post("/api/v1/webhooks", orgs.admin(),
                hook("http://x.test/hook").put("org_id", "rival")), 201);
        assertThat(created.getString("org_id")).isEqualTo("rival");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"url\":\"ftp://x.test\",\"secret\":\"" + SECRET + "\"}|422|url",
        "{\"url\":\"not a url\",\"secret\":\"" + SECRET + "\"}|422|url",
        "{\"url\":\"https:///nohost\",\"secret\":\"" + SECRET + "\"}|422|url",
        "{\"secret\":\"" + SECRET + "\"}|422|url",
        "{\"url\":\"https://x.test\",\"secret\":\"short\"}|422|secret",
        "{\"url\":\"https://x.test\"}|422|secret",
        "{\"url\":\"https://x.test\",\"secret\":\"" + SECRET + "\",\"org_id\":\"rival\"}|422|org_id",
        "{\"url\":\"https://x.test\",\"secret\":\"" + SECRET + "\",\"active\":false}|422|active",
        "{\"url\":|400|body"})
    void badWebhooksAreRejectedNamingTheFieldAndStoreNothing(String body, int status, String field) {
        long before = hooks();
        assertError(api.http().send(HttpMethod.POST, "/api/v1/webhooks", orgs.acme(Role.OPERATOR), body), status,
                field);
        assertThat(hooks()).isEqualTo(before);
    }

    @Test
    void badIdsAre400() {
        assertError(api.http().delete("/api/v1/webhooks/abc", orgs.acme(Role.OPERATOR)), 400, "id");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"DISPATCHER", "QA"})
    void dispatchersAndQaHaveNoAccess(Role role) {
        assertError(api.http().get("/api/v1/webhooks", orgs.acme(role)), 403, null);
        assertError(api.http().post("/api/v1/webhooks", orgs.acme(role), hook("https://x.test")), 403, null);
        assertError(api.http().delete("/api/v1/webhooks/1", orgs.acme(role)), 403, null);
    }

    @Test
    void withoutATokenIs401() {
        assertError(api.http().get("/api/v1/webhooks"), 401, null);
        assertError(api.http().post("/api/v1/webhooks", null, hook("https://x.test")), 401, null);
        assertError(api.http().delete("/api/v1/webhooks/1", null), 401, null);
    }
}
