package io.coldtrace.api.plots;

import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.api.testing.TwoOrgs;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Farm plots: of a farm or cooperative of the plot's own organisation, area in hectares. */
class PlotsIT {
    private static TestApi api;
    private static TwoOrgs orgs;

    @BeforeAll
    static void start() {
        api = TestApi.start("plots");
        orgs = new TwoOrgs(api);
        api.seeds().party("acme-farm", TwoOrgs.ACME, "farm", "500238");
        api.seeds().party("acme-coop", TwoOrgs.ACME, "cooperative", "500242");
        api.seeds().party("acme-carrier", TwoOrgs.ACME, "carrier", "440400");
        api.seeds().party("rival-farm", TwoOrgs.RIVAL, "farm", "140225");
        api.seeds().plot("rival-plot", TwoOrgs.RIVAL, "rival-farm", 1.0);
        api.seeds().party("acme-fengdu", TwoOrgs.ACME, "cooperative", "500230");
        api.seeds().plot("fengdu-a", TwoOrgs.ACME, "acme-fengdu", 1.5);
        api.seeds().plot("fengdu-b", TwoOrgs.ACME, "acme-fengdu", 0.8);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonObject plot(String id, String party) {
        return new JsonObject().put("id", id).put("party_id", party).put("name", "East slope").put("lat", 31.4)
                .put("lon", 109.6).put("area_ha", 2.5).put("gln", "0123456789128");
    }

    @Test
    void anOperatorRecordsPlotsOfItsFarmsAndCooperatives() {
        JsonObject created = expect(api.http().post("/api/v1/plots", orgs.acme(Role.OPERATOR),
                plot("pl-1", "acme-farm")), 201);
        assertThat(created.getString("org_id")).isEqualTo("acme");
        assertThat(created.getDouble("area_ha")).isEqualTo(2.5);
        assertThat(created.getString("gln")).isEqualTo("0123456789128");
        expect(api.http().post("/api/v1/plots", orgs.acme(Role.OPERATOR), plot("pl-2", "acme-coop")), 201);
        assertThat(expect(api.http().get("/api/v1/plots/pl-1", orgs.acme(Role.QA)), 200).getString("party_id"))
                .isEqualTo("acme-farm");
    }

    @Test
    void aPlotOfACarrierOrOfAnotherOrganisationsFarmIs422() {
        assertError(api.http().post("/api/v1/plots", orgs.acme(Role.OPERATOR), plot("pl-c", "acme-carrier")), 422,
                "party_id");
        assertError(api.http().post("/api/v1/plots", orgs.acme(Role.OPERATOR), plot("pl-r", "rival-farm")), 422,
                "party_id");
        assertError(api.http().post("/api/v1/plots", orgs.admin(),
                plot("pl-a", "rival-farm").put("org_id", "acme")), 422, "party_id");
        assertError(api.http().post("/api/v1/plots", orgs.acme(Role.OPERATOR), plot("pl-n", "nobody")), 422,
                "party_id");
        assertThat(api.number("SELECT count(*) FROM farm_plot WHERE id IN ('pl-c', 'pl-r', 'pl-a', 'pl-n')"))
                .isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "area_ha|0",
        "area_ha|null",
        "lat|91",
        "lon|null",
        "name|\"\"",
        "gln|\"0123456789123\"",
        "party_id|null",
        "org_id|\"rival\""})
    void badFieldsAre422NamingThemAndStoreNothing(String field, String json) {
        JsonObject body = plot("pl-bad", "acme-farm").put(field, new JsonObject("{\"v\":" + json + "}").getValue("v"));
        assertError(api.http().post("/api/v1/plots", orgs.acme(Role.OPERATOR), body), 422, field);
        assertThat(api.number("SELECT count(*) FROM farm_plot WHERE id = 'pl-bad'")).isZero();
    }

    @Test
    void aDuplicateIs409AndAnotherOrganisationsPlotIs404() {
        expect(api.http().post("/api/v1/plots", orgs.acme(Role.OPERATOR), plot("pl-dup", "acme-farm")), 201);
        assertError(api.http().post("/api/v1/plots", orgs.acme(Role.OPERATOR), plot("pl-dup", "acme-coop")), 409,
                "id");
        assertError(api.http().get("/api/v1/plots/rival-plot", orgs.acme(Role.OPERATOR)), 404, null);
        assertThat(expect(api.http().get("/api/v1/plots", orgs.acme(Role.OPERATOR)), 200).encode())
                .doesNotContain("rival-plot");
        assertError(api.http().post("/api/v1/plots", orgs.acme(Role.DISPATCHER), plot("pl-d", "acme-farm")), 403,
                null);
    }

    @Test
    void anOperatorUpdatesAPlotAndMayMoveItToAnotherGrowerOfItsOrganisation() {
        expect(api.http().post("/api/v1/plots", orgs.acme(Role.OPERATOR), plot("pl-u", "acme-farm")), 201);
        JsonObject change = new JsonObject().put("party_id", "acme-coop").put("name", "West slope").put("lat", 28.84)
                .put("lon", 108.77).put("area_ha", 3.25);
        JsonObject updated = expect(api.http().put("/api/v1/plots/pl-u", orgs.acme(Role.OPERATOR), change), 200);
        assertThat(updated.getString("party_id")).isEqualTo("acme-coop");
        assertThat(updated.getDouble("area_ha")).isEqualTo(3.25);
        assertThat(updated.getValue("gln")).as("absent = null").isNull();
        assertThat(updated.getString("org_id")).isEqualTo("acme");
        JsonObject read = expect(api.http().get("/api/v1/plots/pl-u", orgs.acme(Role.QA)), 200);
        assertThat(read.getString("name")).isEqualTo("West slope");
        assertThat(read.getDouble("lat")).isEqualTo(28.84);
    }

    @Test
    void anUpdateNamingACarrierOrAnotherOrganisationsFarmIs422AndChangesNothing() {
        expect(api.http().post("/api/v1/plots", orgs.acme(Role.OPERATOR), plot("pl-v", "acme-farm")), 201);
        String operator = orgs.acme(Role.OPERATOR);
        assertError(api.http().put("/api/v1/plots/pl-v", operator, change("acme-carrier")), 422, "party_id");
        assertError(api.http().put("/api/v1/plots/pl-v", operator, change("rival-farm")), 422, "party_id");
        assertError(api.http().put("/api/v1/plots/pl-v", operator, change("acme-coop").put("lat", 91)), 422, "lat");
        assertError(api.http().put("/api/v1/plots/pl-v", operator, change("acme-coop").put("id", "pl-w")), 422, "id");
        assertThat(api.number("SELECT count(*) FROM farm_plot WHERE id = 'pl-v' AND party_id = 'acme-farm' "
                + "AND name = 'East slope'")).isOne();
    }

    @Test
    void anotherOrganisationsPlotIs404ToUpdateAndOnlyOperatorsAndAdminsUpdate() {
        assertError(api.http().put("/api/v1/plots/rival-plot", orgs.acme(Role.OPERATOR), change("acme-farm")), 404,
                null);
        assertError(api.http().put("/api/v1/plots/rival-plot", orgs.acme(Role.OPERATOR), change("rival-farm")), 404,
                null);
        assertError(api.http().put("/api/v1/plots/fengdu-a", orgs.acme(Role.QA), change("acme-fengdu")), 403, null);
        expect(api.http().put("/api/v1/plots/rival-plot", orgs.admin(), change("rival-farm")), 200);
        assertThat(api.number("SELECT count(*) FROM farm_plot WHERE id = 'rival-plot' AND name = 'Changed'"))
                .isOne();
    }

    @Test
    void theListIsFilteredByParty() {
        assertThat(expect(api.http().get("/api/v1/plots?party_id=acme-fengdu", orgs.acme(Role.QA)), 200)
                .getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")))
                .containsExactly("fengdu-a", "fengdu-b");
        assertThat(expect(api.http().get("/api/v1/plots?party_id=rival-farm", orgs.acme(Role.QA)), 200)
                .getInteger("count")).as("another organisation's party has no plots for this caller").isZero();
        assertError(api.http().get("/api/v1/plots?party_id=", orgs.acme(Role.QA)), 400, "party_id");
    }

    private static JsonObject change(String party) {
        return new JsonObject().put("party_id", party).put("name", "Changed").put("lat", 31.4).put("lon", 109.6)
                .put("area_ha", 1.0);
    }
}
