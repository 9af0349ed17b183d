package io.coldtrace.api.programmes;

import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.api.testing.TwoOrgs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Programmes: a buyer organisation's admin declares its paired-assistance regions, target and period; every refusal
 * names its field; periods of one organisation do not overlap; a change is a new version, the old ones kept.
 */
class ProgrammesIT {
    private static TestApi api;
    private static TwoOrgs orgs;

    @BeforeAll
    static void start() {
        api = TestApi.start("programmes");
        orgs = new TwoOrgs(api);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** Zhuhai's plan of 2021 (domain.md sections 6 and 7): 30 %, its paired cities and counties. */
    private static JsonObject zhuhai(String id, int year) {
        return new JsonObject().put("id", id).put("name", "珠海市预算单位 " + year)
                .put("regions", new JsonArray(List.of("520300", "540400", "500237", "441700", "440900")))
                .put("target_pct", 30).put("period_start", year + "-01-01").put("period_end", year + "-12-31");
    }

    private static String admin() {
        return orgs.acme(Role.ADMIN);
    }

    @Test
    void anAdminDeclaresAProgrammeAndItsOperatorsAndQaReadIt() {
        JsonObject created = expect(api.http().post("/api/v1/programmes", admin(), zhuhai("zh-2021", 2021)), 201);
        assertThat(created.getString("org_id")).isEqualTo("acme");
        assertThat(created.getInteger("version")).isOne();
        assertThat(created.getDouble("target_pct")).isEqualTo(30.0);
        assertThat(created.getString("recorded_by")).isEqualTo("acme admin");
        assertThat(created.getJsonArray("regions").stream().map(o -> ((JsonObject) o).getString("code") + " "
                + ((JsonObject) o).getString("name") + " " + ((JsonObject) o).getString("level")).toList())
                .containsExactly("440900 茂名市 city", "441700 阳江市 city", "500237 巫山县 county",
                        "520300 遵义市 city", "540400 林芝市 city");
        for (Role role : new Role[] {Role.OPERATOR, Role.QA}) {
            assertThat(expect(api.http().get("/api/v1/programmes/zh-2021", orgs.acme(role)), 200)
                    .getString("name")).isEqualTo("珠海市预算单位 2021");
        }
        assertThat(expect(api.http().get("/api/v1/programmes?on=2021-06-30", orgs.acme(Role.QA)), 200)
                .getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")).toList())
                .containsExactly("zh-2021");
        assertThat(expect(api.http().get("/api/v1/programmes?on=2020-06-30", orgs.acme(Role.QA)), 200)
                .getJsonArray("items")).isEmpty();
        assertError(api.http().get("/api/v1/programmes/zh-2021", orgs.rival(Role.ADMIN)), 404, null);
        assertError(api.http().get("/api/v1/programmes/zh-2021", orgs.acme(Role.DISPATCHER)), 403, null);
        assertError(api.http().get("/api/v1/programmes/zh-2021", orgs.acme(Role.AUTHORITY)), 403, null);
        assertError(api.http().post("/api/v1/programmes", orgs.acme(Role.OPERATOR), zhuhai("op", 2030)), 403, null);
        assertError(api.http().post("/api/v1/programmes", orgs.rival(Role.ADMIN),
                zhuhai("rv", 2030).put("org_id", "acme")), 422, "org_id");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "target_pct|0|target_pct|more than 0",
        "target_pct|-5|target_pct|more than 0",
        "target_pct|100.5|target_pct|at most 100",
        "target_pct|33.333|target_pct|at most 2 decimals",
        "target_pct|\"30\"|target_pct|must be a number",
        "target_pct|-|target_pct|required",
        "period_end|\"2030-01-01\"|period_end|must be after period_start",
        "period_end|\"2029-12-31\"|period_end|must be after period_start",
        "period_start|\"2030-13-01\"|period_start|a date YYYY-MM-DD",
        "period_start|-|period_start|required",
        "regions|[]|regions|array of 1..200",
        "regions|\"500237\"|regions|array of 1..200",
        "regions|[\"500237\", \"5002\"]|regions[1]|6 digits",
        "regions|[\"500237\", 500238]|regions[1]|must be a string",
        "regions|[\"500237\", \"500238\", \"500237\"]|regions[2]|500237 is listed twice",
        "regions|[\"500237\", \"500238\", \"130100\"]|regions[2]|no division 130100 in the division table",
        "id|\"bad id\"|id|1..64 of",
        "name|\"\"|name|1..200",
        "colour|\"red\"|colour|unknown field"})
    void aBadProgrammeIsRefusedNamingTheField(String key, String json, String field, String says) {
        JsonObject body = zhuhai("bad-" + Math.abs((key + json).hashCode()), 2030);
        if (json == null) {
            body.remove(key);
        } else {
            body.put(key, io.vertx.core.json.Json.decodeValue(json));
        }
        JsonObject error = assertError(api.http().post("/api/v1/programmes", admin(), body), 422, field);
        assertThat(error.getString("message")).contains(says);
        assertThat(api.number("SELECT count(*) FROM programme WHERE id LIKE 'bad-%'")).isZero();
    }

    @Test
    void theCurrentPeriodsOfOneOrganisationDoNotOverlap() {
        expect(api.http().post("/api/v1/programmes", admin(), zhuhai("ov-2040", 2040)), 201);
        JsonObject halfway = zhuhai("ov-mid", 2040).put("period_start", "2040-07-01").put("period_end", "2041-06-30");
        assertThat(assertError(api.http().post("/api/v1/programmes", admin(), halfway), 409, "period_start")
                .getString("message")).contains("overlaps programme ov-2040 (2040-01-01 to 2040-12-31)");
        JsonObject touching = zhuhai("ov-touch", 2040).put("period_start", "2040-12-31")
                .put("period_end", "2041-03-31");
        assertError(api.http().post("/api/v1/programmes", admin(), touching), 409, "period_start");
        expect(api.http().post("/api/v1/programmes", admin(), zhuhai("ov-2041", 2041)), 201);
        // another organisation's programme may cover the same year
        expect(api.http().post("/api/v1/programmes", orgs.rival(Role.ADMIN), zhuhai("ov-rival", 2040)), 201);
        // a change may not make one overlap either
        JsonObject longer = zhuhai("ignored", 2041).put("period_start", "2040-10-01");
        longer.remove("id");
        assertError(api.http().put("/api/v1/programmes/ov-2041", admin(), longer), 409, "period_start");
        assertError(api.http().post("/api/v1/programmes", admin(), zhuhai("ov-2041", 2042)), 409, "id");
    }

    @Test
    void aChangeIsANewVersionAndTheOldOnesAreKept() {
        expect(api.http().post("/api/v1/programmes", admin(), zhuhai("v-2050", 2050)), 201);
        JsonObject change = zhuhai("ignored", 2050).put("target_pct", 35.5)
                .put("regions", new JsonArray(List.of("500237", "500238")));
        change.remove("id");
        JsonObject v2 = expect(api.http().put("/api/v1/programmes/v-2050", admin(), change), 200);
        assertThat(v2.getInteger("version")).isEqualTo(2);
        assertThat(v2.getDouble("target_pct")).isEqualTo(35.5);
        JsonObject same = expect(api.http().put("/api/v1/programmes/v-2050", admin(),
                change.copy().put("regions", new JsonArray(List.of("500238", "500237")))), 200);
        assertThat(same.getInteger("version")).as("nothing changed: no new version").isEqualTo(2);

        JsonObject read = expect(api.http().get("/api/v1/programmes/v-2050", orgs.acme(Role.OPERATOR)), 200);
        assertThat(read.getInteger("version")).isEqualTo(2);
        JsonArray versions = read.getJsonArray("versions");
        assertThat(versions.stream().map(o -> ((JsonObject) o).getInteger("version") + " "
                + ((JsonObject) o).getDouble("target_pct") + " " + ((JsonObject) o).getJsonArray("regions").size())
                .toList()).containsExactly("2 35.5 2", "1 30.0 5");
        assertError(api.http().put("/api/v1/programmes/v-2050", orgs.rival(Role.ADMIN), change), 404, null);
        assertError(api.http().put("/api/v1/programmes/v-2050", admin(), change.copy().put("id", "x")), 422, "id");
        assertThatThrownBy(() -> api.sql("UPDATE programme_version SET target_pct = 10 WHERE programme_id = 'v-2050'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> api.sql("DELETE FROM programme_region WHERE programme_id = 'v-2050'"))
                .hasMessageContaining("append-only");
    }
}
