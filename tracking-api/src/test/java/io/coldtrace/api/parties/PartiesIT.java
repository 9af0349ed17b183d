package io.coldtrace.api.parties;

import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.Http;
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

/** Parties: operators write their organisation's, every role reads them, another organisation's are 404. */
class PartiesIT {
    private static TestApi api;
    private static TwoOrgs orgs;

    @BeforeAll
    static void start() {
        api = TestApi.start("parties");
        orgs = new TwoOrgs(api);
        api.seeds().party("rival-farm", TwoOrgs.RIVAL, "farm", "140225");
        expect(api.http().post("/api/v1/parties", orgs.acme(Role.OPERATOR), farm("p-region-ok")), 201);
        // the list filters' world: ids f-*
        for (JsonObject p : new JsonObject[] {
            farm("f-wuxi"),
            region(farm("f-youyang").put("kind", "farm").put("name_zh", "酉阳农场").put("name_en", "Youyang Farm")
                    .put("paired_assistance_county", false), "500242", "重庆市", "重庆市", "酉阳土家族苗族自治县"),
            region(farm("f-hunyuan").put("kind", "farm").put("name_zh", "浑源县恒山农场")
                    .put("name_en", "Hunyuan Hengshan farm").put("poverty_alleviated_county", false)
                    .put("paired_assistance_county", false), "140225", "山西省", "大同市", "浑源县"),
            region(buyer("f-canteen", "canteen", "珠海市机关食堂", "Zhuhai government canteen"), "440402", "广东省",
                    "珠海市", "香洲区"),
            region(buyer("f-market", "supermarket", "珠海超市", "Zhuhai Supermarket"), "440400", "广东省", "珠海市",
                    null)}) {
            expect(api.http().post("/api/v1/parties", orgs.acme(Role.OPERATOR), p), 201);
        }
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** 巫溪县, Chongqing: a county of the source documents (domain.md §6), with a valid USCC and GLN. */
    private static JsonObject farm(String id) {
        return new JsonObject().put("id", id).put("kind", "cooperative").put("name_zh", "巫溪县红心猕猴桃合作社")
                .put("name_en", "Wuxi kiwifruit cooperative").put("division_code", "500238").put("province", "重庆市")
                .put("county", "巫溪县").put("poverty_alleviated_county", true).put("paired_assistance_county", true)
                .put("uscc", "91330100799655058B").put("gln", "0123456789128");
    }

    @Test
    void anOperatorCreatesReadsAndUpdatesAPartyOfItsOrganisation() {
        JsonObject created = expect(api.http().post("/api/v1/parties", orgs.acme(Role.OPERATOR), farm("p-coop")),
                201);
        assertThat(created.getString("org_id")).isEqualTo("acme");
        assertThat(created.getString("kind")).isEqualTo("cooperative");
        assertThat(created.getValue("buyer_type")).isNull();
        assertThat(created.getString("division_code")).isEqualTo("500238");
        assertThat(created.getBoolean("poverty_alleviated_county")).isTrue();
        assertThat(created.getString("uscc")).isEqualTo("91330100799655058B");
        assertThat(created.getString("gln")).isEqualTo("0123456789128");
        JsonObject read = expect(api.http().get("/api/v1/parties/p-coop", orgs.acme(Role.DISPATCHER)), 200);
        assertThat(read.getString("name_zh")).isEqualTo("巫溪县红心猕猴桃合作社");

        JsonObject buyer = new JsonObject().put("kind", "buyer").put("buyer_type", "canteen").put("name_zh", "珠海食堂")
                .put("division_code", "440400").put("province", "广东省").put("city", "珠海市");
        JsonObject updated = expect(api.http().put("/api/v1/parties/p-coop", orgs.acme(Role.OPERATOR), buyer), 200);
        assertThat(updated.getString("buyer_type")).isEqualTo("canteen");
        assertThat(updated.getValue("uscc")).as("absent = null").isNull();
        assertThat(updated.getBoolean("poverty_alleviated_county")).as("absent = false").isFalse();
        assertThat(updated.getString("org_id")).isEqualTo("acme");
    }

    @Test
    void anotherOrganisationsPartyIs404AndLeftOutOfLists() {
        assertError(api.http().get("/api/v1/parties/rival-farm", orgs.acme(Role.QA)), 404, null);
        assertError(api.http().put("/api/v1/parties/rival-farm", orgs.acme(Role.OPERATOR), withoutId(farm("x"))),
                404, null);
        assertThat(api.number("SELECT count(*) FROM party WHERE id = 'rival-farm' AND kind = 'farm'")).isOne();
        assertThat(expect(api.http().get("/api/v1/parties", orgs.acme(Role.QA)), 200).encode())
                .doesNotContain("rival-farm");
        assertThat(expect(api.http().get("/api/v1/parties", orgs.admin()), 200).encode()).contains("rival-farm");
        assertError(api.http().post("/api/v1/parties", orgs.acme(Role.OPERATOR), farm("p-x").put("org_id", "rival")),
                422, "org_id");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kind|\"grower\"",
        "buyer_type|\"canteen\"",
        "name_zh|\"\"",
        "division_code|\"50023\"",
        "division_code|\"990101\"",
        "division_code|\"110011\"",
        "province|null",
        "uscc|\"91330100799655058C\"",
        "uscc|\"9133010079965505OB\"",
        "gln|\"0123456789123\"",
        "gln|\"012345678912\"",
        "poverty_alleviated_county|\"yes\"",
        "org_id|\"nowhere\"",
        "id|\"has space\"",
        "colour|\"red\""})
    void badFieldsAre422NamingThemAndStoreNothing(String field, String json) {
        JsonObject body = farm("p-bad").put("org_id", "acme")
                .put(field, new JsonObject("{\"v\":" + json + "}").getValue("v"));
        assertError(api.http().post("/api/v1/parties", orgs.admin(), body), 422, field);
        assertThat(api.number("SELECT count(*) FROM party WHERE id IN ('p-bad', 'has space')")).isZero();
    }

    @Test
    void aBuyerNamesItsTypeAndOnlyABuyerDoes() {
        JsonObject buyer = farm("p-buyer").put("kind", "buyer");
        assertError(api.http().post("/api/v1/parties", orgs.acme(Role.OPERATOR), buyer), 422, "buyer_type");
        assertError(api.http().post("/api/v1/parties", orgs.acme(Role.OPERATOR), buyer.put("buyer_type", "kiosk")),
                422, "buyer_type");
        expect(api.http().post("/api/v1/parties", orgs.acme(Role.OPERATOR), buyer.put("buyer_type", "e_commerce")),
                201);
    }

    @Test
    void malformedJsonIs400AndADuplicateIs409() {
        assertError(api.http().send(HttpMethod.POST, "/api/v1/parties", orgs.admin(), "{\"id\":"), 400, "body");
        expect(api.http().post("/api/v1/parties", orgs.acme(Role.OPERATOR), farm("p-dup")), 201);
        assertError(api.http().post("/api/v1/parties", orgs.acme(Role.OPERATOR),
                farm("p-dup").put("name_zh", "另一个")), 409, "id");
        assertThat(api.number("SELECT count(*) FROM party WHERE name_zh = '另一个'")).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"DISPATCHER", "QA"})
    void onlyOperatorsAndAdminsWriteParties(Role role) {
        assertError(api.http().post("/api/v1/parties", orgs.acme(role), farm("p-" + role.label())), 403, null);
        expect(api.http().get("/api/v1/parties", orgs.acme(role)), 200);
        assertError(api.http().get("/api/v1/parties"), 401, null);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", delimiter = '|', value = {
        "500238|四川省|-|巫溪县|province|province must be 重庆市",
        "500238|重庆市|-|巫山县|county|county must be 巫溪县",
        "140225|山西省|太原市|浑源县|city|city must be 大同市",
        "500238|重庆市|万州市|巫溪县|city|must be 重庆市, 市辖区 or 县",
        "440400|广东省|珠海市|香洲区|county|names no county",
        "190101|某省|-|-|division_code|names no province"})
    void regionNamesThatDoNotFitTheDivisionCodeAre422NamingTheFieldAndTheExpectedName(
            String code, String province, String city, String county, String field, String says) {
        JsonObject body = farm("p-region").put("division_code", code).put("province", province).put("city", city)
                .put("county", county);
        JsonObject error = assertError(api.http().post("/api/v1/parties", orgs.acme(Role.OPERATOR), body), 422,
                field);
        assertThat(error.getString("message")).contains(says);
        body.remove("id");
        assertError(api.http().put("/api/v1/parties/p-region-ok", orgs.acme(Role.OPERATOR), body), 422, field);
        assertThat(api.number("SELECT count(*) FROM party WHERE id = 'p-region'")).isZero();
        assertThat(api.number("SELECT count(*) FROM party WHERE id = 'p-region-ok' AND county = '巫溪县'")).isOne();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        // the table holds the county: every name is checked; a municipality's city may be 市辖区, 县 or its own name
        "500238, 重庆市, 县, 巫溪县, county",
        "110111, 北京市, 北京市, 房山区, county",
        "440400, 广东省, 珠海市, -, city",
        // a county the table lacks, in a city it holds: checked down to the city
        "520321, 贵州省, 遵义市, 汇川区, city",
        // only the province is known
        "130102, 河北省, 石家庄市, 长安区, province"})
    void theAnswerSaysHowDeepTheRegionWasChecked(String code, String province, String city, String county,
                                                String checked) {
        String id = "p-depth-" + code;
        JsonObject body = farm(id).put("division_code", code).put("province", province).put("city", city)
                .put("county", county);
        assertThat(expect(api.http().post("/api/v1/parties", orgs.acme(Role.OPERATOR), body), 201)
                .getString("region_checked")).isEqualTo(checked);
        assertThat(expect(api.http().get("/api/v1/parties/" + id, orgs.acme(Role.QA)), 200)
                .getString("region_checked")).isEqualTo(checked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kind=farm|f-hunyuan f-youyang",
        "kind=buyer&buyer_type=canteen|f-canteen",
        "division=50|f-wuxi f-youyang",
        "division=5002|f-wuxi f-youyang",
        "division=500000|f-wuxi f-youyang",
        "division=500238|f-wuxi",
        "division=440400|f-canteen f-market",
        "division=14&kind=farm|f-hunyuan",
        "assistance=poverty|f-wuxi f-youyang",
        "assistance=paired|f-wuxi",
        "q=珠海|f-canteen f-market",
        "q=FARM|f-hunyuan f-youyang",
        "q=恒山|f-hunyuan",
        "q=rival|''"})
    void listFiltersSelectByKindRegionAssistanceAndName(String query, String ids) {
        JsonObject list = expect(api.http().get("/api/v1/parties?" + Http.query(query), orgs.acme(Role.QA)),
                200);
        assertThat(list.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id"))
                .filter(id -> id.startsWith("f-") || id.startsWith("rival")))
                .containsExactly(ids.isEmpty() ? new String[0] : ids.split(" "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kind=grower|kind", "buyer_type=kiosk|buyer_type", "division=5|division", "division=50a|division",
        "division=5002381|division", "assistance=rich|assistance", "q=|q", "kind=farm&kind=buyer|kind"})
    void aBadListFilterIs400NamingTheParameter(String query, String param) {
        assertError(api.http().get("/api/v1/parties?" + query, orgs.acme(Role.QA)), 400, param);
    }

    private static JsonObject withoutId(JsonObject o) {
        o.remove("id");
        return o;
    }

    private static JsonObject buyer(String id, String type, String nameZh, String nameEn) {
        return new JsonObject().put("id", id).put("kind", "buyer").put("buyer_type", type).put("name_zh", nameZh)
                .put("name_en", nameEn);
    }

    private static JsonObject region(JsonObject party, String code, String province, String city, String county) {
        return party.put("division_code", code).put("province", province).put("city", city).put("county", county);
    }
}
