package io.coldtrace.api.users;

import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.auth.Tokens;
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

/** Users: admins create them (with a first token shown once), list and disable them. */
class UsersIT {
    private static TestApi api;
    private static TwoOrgs orgs;

    @BeforeAll
    static void start() {
        api = TestApi.start("users");
        orgs = new TwoOrgs(api);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonObject user(String id, String role) {
        return new JsonObject().put("id", id).put("org_id", "acme").put("name", "Name of " + id).put("role", role);
    }

    @Test
    void aCreatedUserGetsATokenOnceThatWorksInItsOrganisationUntilDisabled() {
        JsonObject created = expect(api.http().post("/api/v1/users", orgs.admin(), user("li.wei@acme", "qa")), 201);
        String token = created.getString("token");
        assertThat(token).startsWith("ct_");
        assertThat(created.getString("org_id")).isEqualTo("acme");
        assertThat(api.number("SELECT count(*) FROM api_token WHERE user_id = 'li.wei@acme' AND token_hash = ? "
                + "AND role = 'qa' AND org_id = 'acme'", Tokens.hash(token))).isOne();
        assertThat(expect(api.http().get("/api/v1/sites", token), 200).getJsonArray("items"))
                .extracting(o -> ((JsonObject) o).getString("id")).containsExactly("acme-s1");
        assertThat(expect(api.http().get("/api/v1/users", orgs.admin()), 200).encode())
                .contains("li.wei@acme").doesNotContain(token);

        JsonObject disabled = expect(api.http().send(HttpMethod.POST, "/api/v1/users/li.wei@acme/disable",
                orgs.admin()), 200);
        assertThat(disabled.getString("disabled_at")).isNotNull();
        assertThat(disabled.getInteger("revoked_tokens")).isOne();
        assertError(api.http().get("/api/v1/sites", token), 401, null);
    }

    @Test
    void aDisabledUsersTokenFailsEvenIfItWasNotRevoked() {
        String token = expect(api.http().post("/api/v1/users", orgs.admin(), user("op-2", "operator")), 201)
                .getString("token");
        api.sql("UPDATE app_user SET disabled_at = now() WHERE id = 'op-2'");
        assertError(api.http().get("/api/v1/sites", token), 401, null);
    }

    @Test
    void anAdminWithoutOrganisationMayBeCreated() {
        JsonObject created = expect(api.http().post("/api/v1/users", orgs.admin(),
                user("root2", "admin").putNull("org_id")), 201);
        assertThat(created.getValue("org_id")).isNull();
        expect(api.http().get("/api/v1/orgs", created.getString("token")), 200);
    }

    @ParameterizedTest
    @CsvSource({"role, superuser", "role, ''", "id, -bad", "org_id, nowhere", "name, ''"})
    void badUsersAre422NamingTheFieldAndStoreNothing(String field, String value) {
        long before = api.number("SELECT count(*) FROM app_user") + api.number("SELECT count(*) FROM api_token");
        assertError(api.http().post("/api/v1/users", orgs.admin(), user("u-bad", "qa").put(field, value)), 422,
                field);
        assertThat(api.number("SELECT count(*) FROM app_user") + api.number("SELECT count(*) FROM api_token"))
                .isEqualTo(before);
    }

    @Test
    void aNonAdminNeedsAnOrganisationAndIdsAreUnique() {
        assertError(api.http().post("/api/v1/users", orgs.admin(), user("u-x", "operator").putNull("org_id")), 422,
                "org_id");
        expect(api.http().post("/api/v1/users", orgs.admin(), user("u-dup", "qa")), 201);
        assertError(api.http().post("/api/v1/users", orgs.admin(), user("u-dup", "qa")), 409, "id");
        assertThat(api.number("SELECT count(*) FROM api_token WHERE user_id = 'u-dup'")).isOne();
        assertError(api.http().send(HttpMethod.POST, "/api/v1/users", orgs.admin(), "{"), 400, "body");
        assertError(api.http().send(HttpMethod.POST, "/api/v1/users/nobody/disable", orgs.admin()), 404, null);
    }

    @Test
    void aScopedAdminManagesOnlyItsOwnOrganisationsUsers() {
        String acmeAdmin = orgs.acme(Role.ADMIN);
        assertError(api.http().post("/api/v1/users", acmeAdmin, user("r-1", "qa").put("org_id", "rival")), 422,
                "org_id");
        expect(api.http().post("/api/v1/users", orgs.admin(), user("r-2", "qa").put("org_id", "rival")), 201);
        assertError(api.http().send(HttpMethod.POST, "/api/v1/users/r-2/disable", acmeAdmin), 404, null);
        assertThat(expect(api.http().get("/api/v1/users", acmeAdmin), 200).encode()).doesNotContain("r-2");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OPERATOR", "DISPATCHER", "QA"})
    void onlyAdminsManageUsers(Role role) {
        assertError(api.http().get("/api/v1/users", orgs.acme(role)), 403, null);
        assertError(api.http().post("/api/v1/users", orgs.acme(role), user("x", "qa")), 403, null);
        assertError(api.http().send(HttpMethod.POST, "/api/v1/users/x/disable", orgs.acme(role)), 403, null);
    }

    @Test
    void withoutATokenIs401() {
        assertError(api.http().get("/api/v1/users"), 401, null);
        assertError(api.http().post("/api/v1/users", null, user("x", "qa")), 401, null);
        assertError(api.http().send(HttpMethod.POST, "/api/v1/users/x/disable", null), 401, null);
    }
}
