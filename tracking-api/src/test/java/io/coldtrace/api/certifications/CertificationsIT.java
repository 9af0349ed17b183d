package io.coldtrace.api.certifications;

import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.api.testing.TwoOrgs;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Certifications: of one party or one product of the organisation, with their status on today's date. */
class CertificationsIT {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static TestApi api;
    private static TwoOrgs orgs;

    @BeforeAll
    static void start() {
        api = TestApi.start("certifications");
        orgs = new TwoOrgs(api);
        api.seeds().party("acme-farm", TwoOrgs.ACME, "farm", "500238");
        api.seeds().product("acme-kiwi", TwoOrgs.ACME, "kiwifruit", 0.0, 14.0, 3.0);
        api.seeds().party("rival-farm", TwoOrgs.RIVAL, "farm", "140225");
        api.seeds().product("rival-kiwi", TwoOrgs.RIVAL, "kiwifruit", 0.0, 14.0, 3.0);
        api.seeds().certification("rival-cert", TwoOrgs.RIVAL, "rival-farm", null, "organic", TODAY, TODAY);
        // the list filters' world: ids cf-*
        api.seeds().certification("cf-valid", TwoOrgs.ACME, "acme-farm", null, "assistance_product",
                TODAY.minusDays(1), TODAY.plusDays(1));
        api.seeds().certification("cf-expired", TwoOrgs.ACME, "acme-farm", null, "compliance_certificate",
                TODAY.minusYears(1), TODAY.minusDays(1));
        api.seeds().certification("cf-future", TwoOrgs.ACME, null, "acme-kiwi", "assistance_product",
                TODAY.plusDays(1), TODAY.plusYears(1));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonObject cert(String id, LocalDate from, LocalDate to) {
        return new JsonObject().put("id", id).put("party_id", "acme-farm").put("kind", "green_food")
                .put("number", "LB-15-1234567890").put("issuer", "中国绿色食品发展中心")
                .put("valid_from", from.toString()).put("valid_to", to.toString());
    }

    @Test
    void theStatusIsComputedAgainstToday() {
        JsonObject valid = expect(api.http().post("/api/v1/certifications", orgs.acme(Role.QA),
                cert("c-valid", TODAY.minusYears(1), TODAY)), 201);
        assertThat(valid.getString("status")).as("valid through its last day").isEqualTo("valid");
        assertThat(valid.getString("org_id")).isEqualTo("acme");
        JsonObject expired = expect(api.http().post("/api/v1/certifications", orgs.acme(Role.OPERATOR),
                cert("c-expired", TODAY.minusYears(2), TODAY.minusDays(1))), 201);
        assertThat(expired.getString("status")).isEqualTo("expired");
        expect(api.http().post("/api/v1/certifications", orgs.acme(Role.OPERATOR),
                cert("c-future", TODAY.plusDays(1), TODAY.plusYears(3))), 201);
        assertThat(expect(api.http().get("/api/v1/certifications/c-expired", orgs.acme(Role.DISPATCHER)), 200)
                .getString("status")).as("an expired certificate is never shown as valid").isEqualTo("expired");
        assertThat(expect(api.http().get("/api/v1/certifications/c-future", orgs.acme(Role.QA)), 200)
                .getString("status")).isEqualTo("not_yet_valid");
        assertThat(expect(api.http().get("/api/v1/certifications", orgs.acme(Role.QA)), 200).getJsonArray("items"))
                .extracting(o -> ((JsonObject) o).getString("id") + "=" + ((JsonObject) o).getString("status"))
                .contains("c-valid=valid", "c-expired=expired", "c-future=not_yet_valid");
    }

    @Test
    void aProductHoldsACertificationToo() {
        JsonObject body = cert("c-kiwi", TODAY, TODAY.plusYears(1)).put("kind", "geographical_indication");
        body.remove("party_id");
        JsonObject created = expect(api.http().post("/api/v1/certifications", orgs.acme(Role.QA),
                body.put("product_id", "acme-kiwi")), 201);
        assertThat(created.getString("product_id")).isEqualTo("acme-kiwi");
        assertThat(created.getValue("party_id")).isNull();
    }

    @Test
    void theHolderIsExactlyOnePartyOrProductOfTheOrganisation() {
        String qa = orgs.acme(Role.QA);
        LocalDate to = TODAY.plusYears(1);
        assertError(api.http().post("/api/v1/certifications", qa,
                cert("c-both", TODAY, to).put("product_id", "acme-kiwi")), 422, "party_id");
        assertError(api.http().post("/api/v1/certifications", qa, cert("c-none", TODAY, to).putNull("party_id")),
                422, "party_id");
        assertError(api.http().post("/api/v1/certifications", qa,
                cert("c-rp", TODAY, to).put("party_id", "rival-farm")), 422, "party_id");
        JsonObject rivalProduct = cert("c-rk", TODAY, to).put("product_id", "rival-kiwi");
        rivalProduct.remove("party_id");
        assertError(api.http().post("/api/v1/certifications", qa, rivalProduct), 422, "product_id");
        assertThat(api.number("SELECT count(*) FROM certification WHERE id IN ('c-both', 'c-none', 'c-rp', 'c-rk')"))
                .isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kind|\"halal\"",
        "number|\"\"",
        "issuer|null",
        "valid_from|\"2025-02-30\"",
        "valid_to|\"next year\"",
        "org_id|\"rival\""})
    void badFieldsAre422NamingThemAndStoreNothing(String field, String json) {
        JsonObject body = cert("c-bad", TODAY, TODAY.plusYears(1))
                .put(field, new JsonObject("{\"v\":" + json + "}").getValue("v"));
        assertError(api.http().post("/api/v1/certifications", orgs.acme(Role.OPERATOR), body), 422, field);
        assertThat(api.number("SELECT count(*) FROM certification WHERE id = 'c-bad'")).isZero();
    }

    @Test
    void validToBeforeValidFromIs422() {
        assertError(api.http().post("/api/v1/certifications", orgs.acme(Role.QA),
                cert("c-back", TODAY, TODAY.minusDays(1))), 422, "valid_to");
        assertThat(api.number("SELECT count(*) FROM certification WHERE id = 'c-back'")).isZero();
    }

    @Test
    void aDuplicateIs409AndAnotherOrganisationsCertificationIs404() {
        expect(api.http().post("/api/v1/certifications", orgs.acme(Role.QA), cert("c-dup", TODAY, TODAY)), 201);
        assertError(api.http().post("/api/v1/certifications", orgs.acme(Role.QA), cert("c-dup", TODAY, TODAY)), 409,
                "id");
        assertError(api.http().get("/api/v1/certifications/rival-cert", orgs.acme(Role.QA)), 404, null);
        assertThat(expect(api.http().get("/api/v1/certifications", orgs.acme(Role.QA)), 200).encode())
                .doesNotContain("rival-cert");
        assertError(api.http().post("/api/v1/certifications", orgs.acme(Role.DISPATCHER),
                cert("c-d", TODAY, TODAY)), 403, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "status=valid|cf-valid",
        "status=expired|cf-expired",
        "status=not_yet_valid|cf-future",
        "kind=assistance_product|cf-future cf-valid",
        "kind=assistance_product&status=valid|cf-valid",
        "party_id=acme-farm|cf-expired cf-valid",
        "product_id=acme-kiwi|cf-future",
        "party_id=rival-farm|''"})
    void listFiltersSelectByKindHolderAndStatusToday(String query, String ids) {
        JsonObject list = expect(api.http().get("/api/v1/certifications?" + query, orgs.acme(Role.QA)), 200);
        assertThat(list.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id"))
                .filter(id -> id.startsWith("cf-") || id.startsWith("rival")))
                .containsExactly(ids.isEmpty() ? new String[0] : ids.split(" "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"status=current|status", "kind=halal|kind", "party_id=|party_id",
        "product_id=|product_id"})
    void aBadListFilterIs400NamingTheParameter(String query, String param) {
        assertError(api.http().get("/api/v1/certifications?" + query, orgs.acme(Role.QA)), 400, param);
    }
}
