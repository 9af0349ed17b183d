package io.coldtrace.api.profiles;

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
import org.junit.jupiter.params.provider.EnumSource;

/** Limit profiles: operators write their own organisation's, admins any; every role reads its own. */
class ProfilesIT {
    private static TestApi api;
    private static TwoOrgs orgs;

    @BeforeAll
    static void start() {
        api = TestApi.start("profiles");
        orgs = new TwoOrgs(api);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static long profiles() {
        return api.number("SELECT count(*) FROM limit_profile");
    }

    @Test
    void anOperatorCreatesAProfileInItsOwnOrganisationAndUpdatesIt() {
        JsonObject created = expect(api.http().post("/api/v1/profiles", orgs.acme(Role.OPERATOR),
                new JsonObject().put("id", "frozen").put("name", "Frozen").put("high_warn_c", -15)
                        .put("high_crit_c", -12).put("offline_factor", 4)), 201);
        assertThat(created.getString("org_id")).as("the operator's organisation").isEqualTo("acme");
        assertThat(created.getDouble("high_warn_c")).isEqualTo(-15.0);
        assertThat(created.getInteger("warn_delay_s")).isEqualTo(900);
        assertThat(created.getBoolean("suppress_defrost")).isTrue();
        assertThat(created.fieldNames()).containsAll(LimitProfile.COLUMNS);
        JsonObject updated = expect(api.http().put("/api/v1/profiles/frozen", orgs.acme(Role.OPERATOR),
                new JsonObject().put("name", "Frozen v2").put("high_warn_c", -16).put("delay_mode", "cumulative")),
                200);
        assertThat(updated.getString("delay_mode")).isEqualTo("cumulative");
        assertThat(updated.getValue("offline_factor")).as("replaced: absent = default").isNull();
        assertThat(expect(api.http().get("/api/v1/profiles/frozen", orgs.acme(Role.DISPATCHER)), 200)
                .getString("name")).isEqualTo("Frozen v2");
    }

    @Test
    void realLimitsAreShownAsWrittenAndNullsAsPresentKeys() {
        JsonObject created = expect(api.http().post("/api/v1/profiles", orgs.acme(Role.OPERATOR),
                new JsonObject().put("id", "cool-3").put("name", "Cool").put("high_warn_c", 3.3)
                        .put("hysteresis_c", 0.3)), 201);
        assertThat(created.getValue("high_warn_c")).as("3.3, not 3.299999952").isEqualTo(3.3);
        assertThat(created.getValue("hysteresis_c")).isEqualTo(0.3);
        assertThat(created.containsKey("low_crit_c")).isTrue();
        assertThat(created.getValue("low_crit_c")).isNull();
        assertThat(created.getString("created_at")).endsWith("Z");
    }

    @Test
    void anotherOrganisationsProfileIsInvisible() {
        assertError(api.http().get("/api/v1/profiles/acme-p", orgs.rival(Role.QA)), 404, null);
        assertError(api.http().put("/api/v1/profiles/acme-p", orgs.rival(Role.OPERATOR),
                new JsonObject().put("name", "hijacked")), 404, null);
        assertThat(api.number("SELECT count(*) FROM limit_profile WHERE name = 'hijacked'")).isZero();
        assertThat(expect(api.http().get("/api/v1/profiles", orgs.rival(Role.QA)), 200).getJsonArray("items"))
                .extracting(o -> ((JsonObject) o).getString("org_id")).isNotEmpty().containsOnly("rival");
    }

    @Test
    void anOperatorCannotCreateForAnotherOrganisation() {
        long before = profiles();
        assertError(api.http().post("/api/v1/profiles", orgs.acme(Role.OPERATOR), new JsonObject()
                .put("id", "stolen").put("org_id", "rival").put("name", "x")), 422, "org_id");
        assertThat(profiles()).isEqualTo(before);
    }

    @Test
    void anAdminMustNameAnExistingOrganisation() {
        long before = profiles();
        assertError(api.http().post("/api/v1/profiles", orgs.admin(), new JsonObject().put("id", "p1")
                .put("name", "x")), 422, "org_id");
        assertError(api.http().post("/api/v1/profiles", orgs.admin(), new JsonObject().put("id", "p1")
                .put("org_id", "nowhere").put("name", "x")), 422, "org_id");
        expect(api.http().post("/api/v1/profiles", orgs.admin(), new JsonObject().put("id", "p1")
                .put("org_id", "rival").put("name", "x")), 201);
        assertThat(profiles()).isEqualTo(before + 1);
    }

    @Test
    void badInputIsRejectedNamingTheFieldAndStoresNothing() {
        long before = profiles();
        String op = orgs.acme(Role.OPERATOR);
        assertError(api.http().send(HttpMethod.POST, "/api/v1/profiles", op, "{oops"), 400, "body");
        assertError(api.http().post("/api/v1/profiles", op, new JsonObject().put("id", "p2").put("name", "x")
                .put("high_warn_c", 8).put("high_crit_c", 5)), 422, "high_crit_c");
        assertError(api.http().post("/api/v1/profiles", op, new JsonObject().put("id", "p2").put("name", "x")
                .put("warn_delay_s", "15 min")), 422, "warn_delay_s");
        assertError(api.http().post("/api/v1/profiles", op, new JsonObject().put("id", "acme-p")
                .put("name", "dup")), 409, "id");
        assertError(api.http().put("/api/v1/profiles/acme-p", op, new JsonObject().put("name", "x")
                .put("org_id", "rival")), 422, "org_id");
        assertError(api.http().put("/api/v1/profiles/acme-p", op, new JsonObject().put("name", "x")
                .put("probe", "core")), 422, "probe");
        assertThat(profiles()).isEqualTo(before);
        assertThat(api.number("SELECT count(*) FROM limit_profile WHERE name = 'x'")).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"DISPATCHER", "QA"})
    void dispatchersAndQaReadButDoNotWrite(Role role) {
        expect(api.http().get("/api/v1/profiles/acme-p", orgs.acme(role)), 200);
        assertError(api.http().post("/api/v1/profiles", orgs.acme(role), new JsonObject()), 403, null);
        assertError(api.http().put("/api/v1/profiles/acme-p", orgs.acme(role), new JsonObject()), 403, null);
    }

    @Test
    void withoutATokenIs401() {
        assertError(api.http().get("/api/v1/profiles"), 401, null);
        assertError(api.http().get("/api/v1/profiles/acme-p"), 401, null);
        assertError(api.http().post("/api/v1/profiles", null, new JsonObject()), 401, null);
        assertError(api.http().put("/api/v1/profiles/acme-p", null, new JsonObject()), 401, null);
    }
}
