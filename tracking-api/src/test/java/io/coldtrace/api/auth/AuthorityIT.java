package io.coldtrace.api.auth;

import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.api.access.Jurisdiction;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.api.testing.TestApi.CommandResult;
import io.coldtrace.core.ids.DivisionCode;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The authority role: a county department's token and users carry the division it governs; the command, the users
 * route and the schema hold every authority to a region of the division table and no one else to one; the caller a
 * token authenticates covers its region and nothing outside it; it signs in, reads divisions, and nothing of an
 * organisation's operations.
 */
class AuthorityIT {
    private static TestApi api;
    private static String admin;

    @BeforeAll
    static void start() {
        api = TestApi.start("authority");
        api.seeds().org("wuxi-agri", "巫溪县农业农村委员会");
        admin = api.token(Role.ADMIN);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Principal principal(String token) throws Exception {
        try (Connection c = DriverManager.getConnection(api.db().url(), api.db().user(), api.db().password())) {
            return TokenQueries.findActive(c, Tokens.hash(token)).orElseThrow();
        }
    }

    @Test
    void createTokenMakesAnAuthorityOfItsRegionThatCoversItAndNothingOutside() throws Exception {
        CommandResult r = api.createToken("--role", "authority", "--name", "Wuxi county bureau", "--org",
                "wuxi-agri", "--region", "500238");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("with role authority governing 500238");
        String token = r.out();
        assertThat(api.rows("SELECT role || ' ' || org_id || ' ' || region FROM api_token WHERE token_hash = ?",
                Tokens.hash(token))).containsExactly("authority wuxi-agri 500238");

        Principal p = principal(token);
        assertThat(p.role()).isEqualTo(Role.AUTHORITY);
        assertThat(p.region()).isEqualTo("500238");
        assertThat(Jurisdiction.covers(p, new DivisionCode("500238"))).isTrue();
        assertThat(Jurisdiction.covers(p, new DivisionCode("500242"))).as("Youyang, another county").isFalse();
        assertThat(Jurisdiction.covers(p, new DivisionCode("500000"))).as("its province").isFalse();

        String city = api.createToken("--role", "authority", "--name", "Datong city bureau", "--org", "wuxi-agri",
                "--region", "140200").out();
        assertThat(Jurisdiction.covers(principal(city), new DivisionCode("140225"))).as("Hunyuan, in Datong").isTrue();
        assertThat(Jurisdiction.covers(principal(city), new DivisionCode("500238"))).isFalse();

        JsonObject session = expect(api.http().post("/api/v1/session", null, new JsonObject().put("token", token)),
                200);
        assertThat(session.getString("role")).isEqualTo("authority");
        assertThat(session.getString("region")).isEqualTo("500238");
        assertThat(expect(api.http().get("/api/v1/session", token), 200).getString("region")).isEqualTo("500238");
        expect(api.http().get("/api/v1/divisions?q=500238", token), 200);
        for (String route : new String[] {"/api/v1/lots", "/api/v1/parties", "/api/v1/sites", "/api/v1/events",
            "/api/v1/programmes", "/api/v1/recalls"}) {
            assertError(api.http().get(route, token), 403, null);
        }
    }

    /** The same refusals from the command and the users route. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "authority|-|region is required for role authority",
        "qa|500238|region is for role authority only",
        "authority|5002|a division code has 6 digits",
        "authority|130100|region 130100 is no division of the division table"})
    void anAuthorityWithoutAGoodRegionAndARegionForAnyoneElseAreRefused(String role, String region, String says) {
        long tokens = api.number("SELECT count(*) FROM api_token");
        CommandResult r = region.equals("-")
                ? api.createToken("--role", role, "--name", "x", "--org", "wuxi-agri")
                : api.createToken("--role", role, "--name", "x", "--org", "wuxi-agri", "--region", region);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(says);
        assertThat(r.out()).isEmpty();
        assertThat(api.number("SELECT count(*) FROM api_token")).isEqualTo(tokens);

        JsonObject body = new JsonObject().put("id", "u-" + role + "-" + region).put("org_id", "wuxi-agri")
                .put("name", "x").put("role", role);
        if (!region.equals("-")) {
            body.put("region", region);
        }
        assertThat(assertError(api.http().post("/api/v1/users", admin, body), 422, "region").getString("message"))
                .contains(says);
        assertThat(api.number("SELECT count(*) FROM app_user WHERE id = ?", body.getString("id"))).isZero();
        assertThat(api.number("SELECT count(*) FROM api_token")).isEqualTo(tokens);
    }

    @Test
    void theSchemaHoldsEveryAuthorityToARegionOfTheTableAndNoOneElseToOne() {
        String insert = "INSERT INTO api_token (name, role, org_id, token_hash, region) VALUES ('x', ?, 'wuxi-agri', "
                + "?, ?)";
        assertThatThrownBy(() -> api.sql(insert, "authority", Tokens.hash(Tokens.generate()), null))
                .hasMessageContaining("api_token_region_of_authority");
        assertThatThrownBy(() -> api.sql(insert, "qa", Tokens.hash(Tokens.generate()), "500238"))
                .hasMessageContaining("api_token_region_of_authority");
        assertThatThrownBy(() -> api.sql(insert, "authority", Tokens.hash(Tokens.generate()), "130100"))
                .hasMessageContaining("foreign key");
        assertThatThrownBy(() -> api.sql("INSERT INTO app_user (id, org_id, name, role) VALUES ('u', 'wuxi-agri', "
                + "'u', 'authority')")).hasMessageContaining("app_user_region_of_authority");
    }

    @Test
    void anAuthorityUserGetsATokenOfItsRegion() throws Exception {
        JsonObject created = expect(api.http().post("/api/v1/users", admin, new JsonObject().put("id", "zhang@wuxi")
                .put("org_id", "wuxi-agri").put("name", "张主任").put("role", "authority").put("region", "500242")),
                201);
        assertThat(created.getString("region")).isEqualTo("500242");
        String token = created.getString("token");
        assertThat(principal(token).region()).isEqualTo("500242");
        assertThat(expect(api.http().get("/api/v1/session", token), 200).getString("region")).isEqualTo("500242");
        assertThat(expect(api.http().get("/api/v1/users", admin), 200).getJsonArray("items").stream()
                .map(o -> (JsonObject) o).filter(u -> u.getString("id").equals("zhang@wuxi")).findFirst()
                .orElseThrow().getString("region")).isEqualTo("500242");
        // an organisation's own admin may not make one: it could certify its own products
        assertError(api.http().post("/api/v1/users", api.token(Role.ADMIN, "wuxi-agri"), new JsonObject()
                .put("id", "li@wuxi").put("org_id", "wuxi-agri").put("name", "李").put("role", "authority")
                .put("region", "500242")), 403, null);
        assertThat(api.number("SELECT count(*) FROM app_user WHERE id = 'li@wuxi'")).isZero();
    }
}
