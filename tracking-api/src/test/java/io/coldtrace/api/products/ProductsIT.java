package io.coldtrace.api.products;

import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.Http;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.api.testing.TwoOrgs;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Products: GTINs checked and kept as 14 digits, one shelf-life model each, scoped to the organisation. */
class ProductsIT {
    private static TestApi api;
    private static TwoOrgs orgs;

    @BeforeAll
    static void start() {
        api = TestApi.start("products");
        orgs = new TwoOrgs(api);
        api.seeds().product("rival-kiwi", TwoOrgs.RIVAL, "kiwifruit", 0.0, 14.0, 3.0);
        // the list filters' world: ids pf-*
        String operator = orgs.acme(Role.OPERATOR);
        expect(api.http().post("/api/v1/products", operator, kiwi("pf-kiwi")), 201);
        expect(api.http().post("/api/v1/products", operator, kiwi("pf-dumpling").put("name_zh", "速冻水饺")
                .put("name_en", "Frozen dumplings").put("commodity", "dumplings").put("temp_class", "frozen")
                .put("gtin", "09520123456788").put("shelf_life_ref_c", -18).put("shelf_life_days", 365)), 201);
        expect(api.http().post("/api/v1/products", operator, kiwi("pf-potato").put("name_zh", "马铃薯")
                .put("name_en", "Potatoes").put("commodity", "potato").put("temp_class", "cool").putNull("gtin")),
                201);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonObject kiwi(String id) {
        return new JsonObject().put("id", id).put("name_zh", "红心猕猴桃").put("name_en", "Red kiwifruit")
                .put("commodity", "kiwifruit").put("variety", "Hongyang").put("gtin", "9780345418913")
                .put("unit_of_measure", "box").put("temp_class", "chilled").put("shelf_life_ref_c", 0)
                .put("shelf_life_days", 14).put("q10", 3);
    }

    @ParameterizedTest
    @CsvSource({"01234565,00000001234565", "012345678905,00012345678905", "9780345418913,09780345418913",
        "09520123456788,09520123456788"})
    void everyGtinLengthIsStoredAsFourteenDigits(String gtin, String stored) {
        String id = "k-" + gtin;
        JsonObject created = expect(api.http().post("/api/v1/products", orgs.acme(Role.OPERATOR),
                kiwi(id).put("gtin", gtin)), 201);
        assertThat(created.getString("gtin")).isEqualTo(stored);
        assertThat(expect(api.http().get("/api/v1/products/" + id, orgs.acme(Role.QA)), 200).getString("gtin"))
                .isEqualTo(stored);
    }

    @Test
    void anOperatorCreatesAndUpdatesAProductWithEitherShelfLifeModel() {
        JsonObject created = expect(api.http().post("/api/v1/products", orgs.acme(Role.OPERATOR), kiwi("k-1")), 201);
        assertThat(created.getString("org_id")).isEqualTo("acme");
        assertThat(created.getDouble("q10")).isEqualTo(3.0);
        assertThat(created.getValue("arrhenius_ea_kj_per_mol")).isNull();
        JsonObject arrhenius = kiwi("k-1");
        arrhenius.remove("id");
        arrhenius.remove("q10");
        arrhenius.put("arrhenius_ea_kj_per_mol", 100).put("shelf_life_ref_c", 5).put("shelf_life_days", 21);
        arrhenius.remove("gtin");
        JsonObject updated = expect(api.http().put("/api/v1/products/k-1", orgs.acme(Role.OPERATOR), arrhenius), 200);
        assertThat(updated.getValue("q10")).isNull();
        assertThat(updated.getDouble("arrhenius_ea_kj_per_mol")).isEqualTo(100.0);
        assertThat(updated.getDouble("shelf_life_ref_c")).isEqualTo(5.0);
        assertThat(updated.getValue("gtin")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "gtin|\"012345678906\"",
        "gtin|\"01234567\"",
        "gtin|\"1234567890\"",
        "gtin|\"97803454189A\"",
        "unit_of_measure|\"tonne\"",
        "temp_class|\"deep_frozen\"",
        "name_en|null",
        "commodity|\"\"",
        "shelf_life_days|0",
        "shelf_life_days|null",
        "shelf_life_ref_c|\"cold\"",
        "q10|0.5",
        "q10|null",
        "org_id|\"nowhere\""})
    void badFieldsAre422NamingThemAndStoreNothing(String field, String json) {
        JsonObject body = kiwi("k-bad").put("org_id", "acme")
                .put(field, new JsonObject("{\"v\":" + json + "}").getValue("v"));
        assertError(api.http().post("/api/v1/products", orgs.admin(), body), 422, field);
        assertThat(api.number("SELECT count(*) FROM product WHERE id = 'k-bad'")).isZero();
    }

    @Test
    void bothShelfLifeModelsAtOnceAre422() {
        assertError(api.http().post("/api/v1/products", orgs.acme(Role.OPERATOR),
                kiwi("k-both").put("arrhenius_ea_kj_per_mol", 100)), 422, "q10");
        assertError(api.http().post("/api/v1/products", orgs.acme(Role.OPERATOR),
                kiwi("k-ea").putNull("q10").put("arrhenius_ea_kj_per_mol", 900)), 422, "arrhenius_ea_kj_per_mol");
        assertThat(api.number("SELECT count(*) FROM product WHERE id IN ('k-both', 'k-ea')")).isZero();
    }

    @Test
    void aDuplicateIs409AndAnotherOrganisationsProductIs404() {
        expect(api.http().post("/api/v1/products", orgs.acme(Role.OPERATOR), kiwi("k-dup")), 201);
        assertError(api.http().post("/api/v1/products", orgs.acme(Role.OPERATOR), kiwi("k-dup")), 409, "id");
        assertError(api.http().post("/api/v1/products", orgs.rival(Role.OPERATOR), kiwi("k-dup")), 409, "id");
        assertError(api.http().get("/api/v1/products/rival-kiwi", orgs.acme(Role.OPERATOR)), 404, null);
        JsonObject rename = kiwi("x");
        rename.remove("id");
        assertError(api.http().put("/api/v1/products/rival-kiwi", orgs.acme(Role.OPERATOR), rename), 404, null);
        assertThat(expect(api.http().get("/api/v1/products", orgs.acme(Role.DISPATCHER)), 200).encode())
                .doesNotContain("rival-kiwi");
        assertError(api.http().post("/api/v1/products", orgs.acme(Role.QA), kiwi("k-qa")), 403, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "commodity=kiwifruit|pf-kiwi",
        "temp_class=frozen|pf-dumpling",
        "gtin=9780345418913|pf-kiwi",
        "gtin=09780345418913|pf-kiwi",
        "gtin=09520123456788|pf-dumpling",
        "q=猕猴桃|pf-kiwi",
        "q=POTATO|pf-potato",
        "q=rival|''",
        "temp_class=chilled&commodity=potato|''"})
    void listFiltersSelectByCommodityTemperatureClassGtinAndName(String query, String ids) {
        JsonObject list = expect(api.http().get("/api/v1/products?" + Http.query(query), orgs.acme(Role.QA)), 200);
        assertThat(list.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id"))
                .filter(id -> id.startsWith("pf-") || id.startsWith("rival")))
                .containsExactly(ids.isEmpty() ? new String[0] : ids.split(" "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "temp_class=warm|temp_class", "gtin=9780345418914|gtin", "gtin=123|gtin", "gtin=097803454189130|gtin",
        "q=|q", "commodity=|commodity"})
    void aBadListFilterIs400NamingTheParameter(String query, String param) {
        assertError(api.http().get("/api/v1/products?" + query, orgs.acme(Role.QA)), 400, param);
    }
}
