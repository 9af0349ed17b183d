package io.coldtrace.api.divisions;

import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.TestApi;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Divisions: the bundled subset seeded, a list imported whole or not at all with every bad line named, a re-import
 * updating names and flags with the history kept (who, when, old and new), search, and the import command. The
 * flags these tests set are test data, not statements about the counties.
 */
class DivisionsIT {
    private static final String HEAD = "code,name,poverty_alleviated,key_assistance\n";
    private static TestApi api;
    private static String admin;
    private static String operator;

    @BeforeAll
    static void start() {
        api = TestApi.start("divisions");
        api.seeds().org("acme", "Acme");
        admin = api.seeds().token(Role.ADMIN, null, "national list admin").secret();
        operator = api.token(Role.OPERATOR, "acme");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static HttpResponse<Buffer> importCsv(String csv) {
        return api.http().upload("/api/v1/divisions/import", admin, "text/csv; charset=utf-8",
                csv.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonArray items(String query, String token) {
        return expect(api.http().get("/api/v1/divisions" + query, token), 200).getJsonArray("items");
    }

    private static List<String> codes(JsonArray items) {
        return items.stream().map(o -> ((JsonObject) o).getString("code")).toList();
    }

    private static JsonArray changes(String code) {
        return expect(api.http().get("/api/v1/divisions/changes?code=" + code, operator), 200).getJsonArray("items");
    }

    @Test
    void theBundledSubsetIsSeededWithItsHistoryAndEveryPersonReadsIt() {
        JsonObject wuxi = items("?q=500238", api.token(Role.AUTHORITY, "acme")).getJsonObject(0);
        assertThat(wuxi.getString("name")).isEqualTo("巫溪县");
        assertThat(wuxi.getString("level")).isEqualTo("county");
        assertThat(wuxi.getString("parent_code")).isEqualTo("500200");
        assertThat(wuxi.getBoolean("poverty_alleviated")).isFalse();
        assertThat(api.number("SELECT count(*) FROM division WHERE level = 'province'")).isEqualTo(34);
        JsonObject seeded = changes("110111").getJsonObject(0);
        assertThat(seeded.getString("source")).isEqualTo("seed");
        assertThat(seeded.getString("name_old")).isNull();
        assertThat(seeded.getString("name_new")).isEqualTo("房山区");
        assertError(api.http().get("/api/v1/divisions", api.token(Role.PARTNER, "acme")), 403, null);
        assertError(api.http().get("/api/v1/divisions"), 401, null);
    }

    @Test
    void aGoodFileIsImportedAndAReimportUpdatesNamesAndFlagsKeepingWhoWhenOldAndNew() {
        JsonObject first = expect(importCsv(HEAD
                + "500242,酉阳土家族苗族自治县,true,true\n"
                + "# a note between rows\n"
                + "520399,测试县,1,\n"
                + "520300,遵义市,false,false\n"), 200);
        assertThat(first.getInteger("rows")).isEqualTo(3);
        assertThat(first.getInteger("added")).isEqualTo(1);
        assertThat(first.getInteger("renamed")).isZero();
        assertThat(first.getInteger("flags_changed")).isEqualTo(1);
        assertThat(first.getString("imported_by")).isEqualTo("national list admin");
        JsonObject added = items("?q=520399", operator).getJsonObject(0);
        assertThat(added.getString("parent_code")).isEqualTo("520300");
        assertThat(added.getBoolean("poverty_alleviated")).isTrue();
        assertThat(codes(items("?flag=key_assistance", operator))).contains("500242").doesNotContain("520399");
        assertThat(codes(items("?flag=poverty_alleviated&parent=520300", operator))).containsExactly("520399");

        JsonObject second = expect(importCsv(HEAD
                + "500242,酉阳土家族苗族自治县,false,true\n"
                + "520399,测试县乙,true,false\n"), 200);
        assertThat(second.getInteger("renamed")).isEqualTo(1);
        assertThat(second.getInteger("flags_changed")).isEqualTo(1);
        assertThat(items("?q=520399", operator).getJsonObject(0).getString("name")).isEqualTo("测试县乙");

        JsonArray youyang = changes("500242");
        assertThat(youyang).hasSize(3);
        JsonObject latest = youyang.getJsonObject(0);
        assertThat(latest.getLong("import_id")).isEqualTo(second.getLong("import_id"));
        assertThat(latest.getString("changed_by")).isEqualTo("national list admin");
        assertThat(latest.getString("source")).isEqualTo("api");
        assertThat(latest.getString("changed_at")).isEqualTo(second.getString("imported_at"));
        assertThat(latest.getBoolean("poverty_alleviated_old")).isTrue();
        assertThat(latest.getBoolean("poverty_alleviated_new")).isFalse();
        assertThat(latest.getBoolean("key_assistance_old")).isTrue();
        assertThat(latest.getBoolean("key_assistance_new")).isTrue();
        JsonObject before = youyang.getJsonObject(1);
        assertThat(before.getLong("import_id")).isEqualTo(first.getLong("import_id"));
        assertThat(before.getBoolean("poverty_alleviated_old")).isFalse();
        assertThat(before.getBoolean("poverty_alleviated_new")).isTrue();
        assertThat(youyang.getJsonObject(2).getString("source")).isEqualTo("seed");
        // which county was flagged when: the state at a time is the last change at or before it
        assertThat(api.rows("""
                SELECT poverty_alleviated_new FROM division_change
                WHERE code = '500242' AND changed_at <= ?::timestamptz ORDER BY changed_at DESC LIMIT 1""",
                first.getString("imported_at"))).containsExactly("t");

        long changesBefore = api.number("SELECT count(*) FROM division_change");
        JsonObject again = expect(importCsv(HEAD + "500242,酉阳土家族苗族自治县,false,true\n"), 200);
        assertThat(again.getInteger("added") + again.getInteger("renamed") + again.getInteger("flags_changed"))
                .isZero();
        assertThat(api.number("SELECT count(*) FROM division_change")).as("an unchanged row adds no history")
                .isEqualTo(changesBefore);
        JsonArray ofImport = expect(api.http().get("/api/v1/divisions/changes?import_id="
                + second.getLong("import_id"), operator), 200).getJsonArray("items");
        assertThat(codes(ofImport)).containsExactlyInAnyOrder("500242", "520399");
    }

    @Test
    void everyBadLineIsNamedByNumberAndFieldAndNothingIsImported() {
        long imports = api.number("SELECT count(*) FROM division_import");
        JsonObject body = assertError(importCsv(HEAD
                + "500230,丰都县,true,false\n"
                + "50023,丰都,false,false\n"
                + "500231,垫江县,maybe,false\n"
                + "500200,县,false,true\n"
                + "500230,丰都县,false,false\n"
                + "500233,忠县,false\n"), 422, "code");
        assertThat(body.getInteger("line")).isEqualTo(3);
        assertThat(body.getString("message")).startsWith("5 bad lines (1 good), nothing was imported; the first: "
                + "line 3, code:");
        assertThat(body.getJsonArray("errors").stream().map(o -> ((JsonObject) o).getInteger("line") + " "
                + ((JsonObject) o).getString("field")).toList())
                .containsExactly("3 code", "4 poverty_alleviated", "5 key_assistance", "6 code", "7 columns");
        assertThat(body.getJsonArray("errors").getJsonObject(3).getString("message"))
                .isEqualTo("500230 is already on line 2");
        assertThat(items("?q=500230", operator).getJsonObject(0).getBoolean("poverty_alleviated"))
                .as("the good line was not imported either").isFalse();
        assertThat(api.number("SELECT count(*) FROM division_import")).isEqualTo(imports);

        JsonObject orphan = assertError(importCsv(HEAD + "500230,丰都县,true,false\n190101,某县,false,false\n"), 422,
                "code");
        assertThat(orphan.getInteger("line")).isEqualTo(3);
        assertThat(orphan.getString("message")).contains("the province 190000 of 190101 is neither in this file nor "
                + "in the division table");
        assertThat(items("?q=500230", operator).getJsonObject(0).getBoolean("poverty_alleviated")).isFalse();

        assertThat(assertError(importCsv("code,name,flag\n500230,丰都县,true\n"), 422, "header")
                .getString("message")).contains("line 1, header: unknown column 'flag'");
        assertError(api.http().upload("/api/v1/divisions/import", admin, "application/json",
                "{}".getBytes(StandardCharsets.UTF_8)), 415, null);
        assertError(importCsv(" "), 400, "body");
        assertError(api.http().upload("/api/v1/divisions/import", operator, "text/csv",
                (HEAD + "500230,丰都县,true,false\n").getBytes(StandardCharsets.UTF_8)), 403, null);
        assertThat(api.number("SELECT count(*) FROM division_import")).isEqualTo(imports);
    }

    @Test
    void divisionsAreListedByParentLevelNameOrCodeInCodeOrderAndPaged() {
        List<String> counties = codes(items("?parent=500200", operator));
        assertThat(counties).startsWith("500229", "500230", "500231").contains("500238", "500242").isSorted();
        assertThat(codes(items("?level=province&limit=1000", operator))).hasSize(34).startsWith("110000");
        assertThat(codes(items("?level=city&q=5001", operator))).containsExactly("500100");
        assertThat(items("?q=" + java.net.URLEncoder.encode("巫", StandardCharsets.UTF_8), operator).stream()
                .map(o -> ((JsonObject) o).getString("name")).toList()).containsExactly("巫山县", "巫溪县");
        assertThat(codes(items("?parent=500200&after=500237&limit=1", operator))).containsExactly("500238");
        assertError(api.http().get("/api/v1/divisions?parent=5002", operator), 400, "parent");
        assertError(api.http().get("/api/v1/divisions?flag=paired", operator), 400, "flag");
        assertError(api.http().get("/api/v1/divisions?level=town", operator), 400, "level");
        assertError(api.http().get("/api/v1/divisions?county=500238", operator), 400, "county");
        assertError(api.http().get("/api/v1/divisions/changes?code=abc", operator), 400, "code");
    }

    @Test
    void theImportCommandImportsAFileAndNamesBadLinesWithoutImportingAny() throws Exception {
        Path file = Files.createTempFile("divisions", ".csv");
        try {
            Files.writeString(file, HEAD + "500243,彭水苗族土家族自治县,false,true\n");
            Result ok = command("--file", file.toString(), "--by", "ops on call");
            assertThat(ok.code()).as(ok.err()).isZero();
            assertThat(new JsonObject(ok.out()).getInteger("flags_changed")).isEqualTo(1);
            JsonObject change = changes("500243").getJsonObject(0);
            assertThat(change.getString("changed_by")).isEqualTo("ops on call");
            assertThat(change.getString("source")).isEqualTo("cli");

            Files.writeString(file, HEAD + "500243,彭水苗族土家族自治县,true,true\n5002x,x,,\n");
            Result bad = command("--file", file.toString(), "--by", "ops on call");
            assertThat(bad.code()).isEqualTo(2);
            assertThat(bad.err()).contains("1 bad line (1 good), nothing was imported")
                    .contains("  line 3, code: a division code has 6 digits");
            assertThat(items("?q=500243", operator).getJsonObject(0).getBoolean("poverty_alleviated")).isFalse();
            assertThat(command("--file", file.toString()).code()).isEqualTo(2);
            assertThat(command("--file", file + ".missing", "--by", "x").err()).contains("cannot read");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theHistoryAndTheDivisionsCannotBeRewritten() {
        assertThatThrownBy(() -> api.sql("UPDATE division_change SET name_new = 'x' WHERE code = '500238'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> api.sql("DELETE FROM division_import")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> api.sql("DELETE FROM division WHERE code = '500238'"))
                .hasMessageContaining("never deleted");
        assertThatThrownBy(() -> api.sql("UPDATE division SET poverty_alleviated = true WHERE code = '500000'"))
                .as("a province has no county flag").hasMessageContaining("division_check");
    }

    private record Result(int code, String out, String err) {
    }

    private static Result command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ImportDivisionsCommand().run(List.of(args), api.db(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8).trim(), err.toString(StandardCharsets.UTF_8));
    }
}
