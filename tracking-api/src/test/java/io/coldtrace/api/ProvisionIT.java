package io.coldtrace.api;

import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.config.Env;
import io.coldtrace.simulator.SimMain;
import io.coldtrace.simulator.world.SimUnit;
import io.coldtrace.simulator.world.World;
import io.coldtrace.simulator.world.WorldConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The simulator's {@code provision} command against the real API: it creates the world's master data as an operator
 * would (with the parties, products and farm plots of its traceability), a second run changes nothing, drift is put
 * back (a changed plot, which the API cannot update, is reported), and a token that may not do it gets a clear failure.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProvisionIT {
    private static final String[] WORLD = {"--seed", "42", "--sites", "3", "--rooms-per-site", "2", "--trucks", "2"};
    /** The same world the flags describe; device ids and classes depend on the seed only, not on the start. */
    private static final World EXPECTED = new World(WorldConfig.defaults(42, Instant.now()));
    private static TestApi api;
    private static String admin;
    private static Run first;

    /** What one run printed and exited with. */
    private record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void start() throws Exception {
        api = TestApi.start("provision");
        admin = api.token(Role.ADMIN);
        for (SimUnit u : EXPECTED.units()) { // as if each had reported through ingest
            api.seeds().device(u.deviceId(), u.siteId());
        }
        first = provision(admin, "--wait-devices-s", "0");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Run provision(String token, String... more) throws Exception {
        List<String> argv = new ArrayList<>(List.of("provision", "--api", "http://127.0.0.1:" + api.running().port(),
                "--token", token));
        argv.addAll(List.of(WORLD));
        argv.addAll(List.of(more));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SimMain.run(argv, new Env(Map.of()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A fingerprint of every master-data row (created_at included), to prove a run wrote nothing. */
    private static long masterData() {
        return api.number("""
                SELECT (SELECT count(*) + COALESCE(sum(hashtext(o::text)), 0) FROM org o)
                     + (SELECT count(*) + COALESCE(sum(hashtext(s::text)), 0) FROM site s)
                     + (SELECT count(*) + COALESCE(sum(hashtext(p::text)), 0) FROM limit_profile p)
                     + (SELECT count(*) + COALESCE(sum(hashtext(u::text)), 0) FROM unit u)
                     + (SELECT count(*) + COALESCE(sum(hashtext(b::text)), 0) FROM device_binding b)
                     + (SELECT count(*) + COALESCE(sum(hashtext(y::text)), 0) FROM party y)
                     + (SELECT count(*) + COALESCE(sum(hashtext(d::text)), 0) FROM product d)
                     + (SELECT count(*) + COALESCE(sum(hashtext(f::text)), 0) FROM farm_plot f)""");
    }

    private static JsonObject get(String uri) {
        return expect(api.http().get(uri, admin), 200);
    }

    @Test
    @Order(1)
    void theFirstRunCreatesTheOrganisationSitesProfilesUnitsAndBindings() {
        int units = EXPECTED.units().size();
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("org      demo         created", "site     ORG1         created",
                "profile  demo-chilled-room created", "binding  CR-ORG1-1 → ORG1-R1 created",
                "provisioned organisation demo", "3 sites", units + " units", units + " bindings");

        JsonArray orgs = get("/api/v1/orgs").getJsonArray("items");
        assertThat(orgs.stream().map(o -> ((JsonObject) o).getString("id") + "=" + ((JsonObject) o).getString("name")))
                .containsExactly("demo=示范冷链 Demo cold chain");

        JsonObject org1 = get("/api/v1/sites/ORG1");
        assertThat(org1.getString("org_id")).isEqualTo("demo");
        assertThat(org1.getString("name")).isEqualTo("寿光蔬菜产地仓 Shouguang vegetable origin store");
        assertThat(org1.getString("kind")).isEqualTo("origin_cold_store");
        assertThat(org1.getString("timezone")).isEqualTo("Asia/Shanghai");
        assertThat(org1.getDouble("lat")).isCloseTo(36.881, offset(1e-4));
        assertThat(get("/api/v1/sites/DC1").getString("kind")).isEqualTo("consolidation_centre");
        assertThat(get("/api/v1/sites/FWD1").getString("kind")).isEqualTo("forward_warehouse");

        JsonObject chilled = get("/api/v1/profiles/demo-chilled-room");
        assertThat(chilled.getString("probe")).isEqualTo("air");
        assertThat(List.of(chilled.getDouble("high_warn_c"), chilled.getDouble("high_crit_c"),
                chilled.getDouble("low_warn_c"), chilled.getDouble("low_crit_c")))
                .containsExactly(8.0, 10.0, 0.0, -1.0);
        assertThat(List.of(chilled.getInteger("warn_delay_s"), chilled.getInteger("crit_delay_s"),
                chilled.getInteger("door_open_max_s"), chilled.getInteger("offline_factor"),
                chilled.getInteger("escalate_after_s"))).containsExactly(900, 600, 900, 5, 1800);
        assertThat(chilled.getDouble("battery_low_pct")).isEqualTo(15.0);

        JsonArray unitList = get("/api/v1/units?limit=1000").getJsonArray("items");
        assertThat(unitList).hasSize(units);
        for (SimUnit u : EXPECTED.units()) {
            boolean room = u.deviceId().startsWith("CR-");
            String cls = u.temperatureClass().name().toLowerCase();
            String unitId = room ? u.siteId() + "-R" + u.deviceId().substring(u.deviceId().lastIndexOf('-') + 1)
                    : u.deviceId().replaceFirst("^TR-(\\d+)-", "TR$1-");
            JsonObject unit = get("/api/v1/units/" + unitId);
            assertThat(unit.getString("site_id")).isEqualTo(u.siteId());
            assertThat(unit.getString("kind")).isEqualTo(room ? "cold_room" : "truck_compartment");
            assertThat(unit.getString("temp_class")).isEqualTo(cls);
            assertThat(unit.getString("profile_id")).isEqualTo("demo-" + cls + (room ? "-room" : "-reefer"));
            JsonObject binding = get("/api/v1/units/" + unitId + "/devices").getJsonArray("items").getJsonObject(0);
            assertThat(binding.getString("device")).isEqualTo(u.deviceId());
            assertThat(binding.getValue("to")).isNull();
        }
        Map<String, String> probes = get("/api/v1/profiles?limit=1000").getJsonArray("items").stream()
                .map(JsonObject.class::cast)
                .collect(Collectors.toMap(p -> p.getString("id"), p -> p.getString("probe")));
        assertThat(probes).containsEntry("demo-chilled-reefer", "return")
                .allSatisfy((id, probe) -> assertThat(probe).isEqualTo(id.endsWith("-room") ? "air" : "return"));
    }

    @Test
    @Order(1)
    void theFirstRunCreatesTheTraceMasterDataPartiesProductsAndPlots() {
        assertThat(first.out()).contains("party    demo-operator created", "product  demo-kiwifruit created",
                "plot     demo-coop-wuxi-p1 created", "8 parties", "6 plots");

        JsonObject wuxi = get("/api/v1/parties/demo-coop-wuxi");
        assertThat(wuxi.getString("kind")).isEqualTo("cooperative");
        assertThat(wuxi.getString("division_code")).isEqualTo("500238");
        assertThat(wuxi.getBoolean("poverty_alleviated_county")).isTrue();
        assertThat(get("/api/v1/parties/demo-operator").getString("kind")).isEqualTo("cold_store_operator");
        assertThat(get("/api/v1/parties/demo-buyer-canteen").getString("buyer_type")).isEqualTo("canteen");
        JsonArray parties = get("/api/v1/parties?limit=1000").getJsonArray("items");
        assertThat(parties).hasSize(8);
        Map<String, String> kinds = parties.stream().map(JsonObject.class::cast)
                .collect(Collectors.toMap(p -> p.getString("id"), p -> p.getString("kind")));

        JsonArray plots = get("/api/v1/plots?limit=1000").getJsonArray("items");
        assertThat(plots).hasSize(6).allSatisfy(p ->
                assertThat(kinds.get(((JsonObject) p).getString("party_id"))).isIn("farm", "cooperative"));

        java.util.Set<String> held = EXPECTED.units().stream().map(u -> u.temperatureClass().name().toLowerCase())
                .collect(Collectors.toSet());
        JsonArray products = get("/api/v1/products?limit=1000").getJsonArray("items");
        assertThat(products).isNotEmpty().allSatisfy(p ->
                assertThat(held).contains(((JsonObject) p).getString("temp_class")));
        JsonObject kiwi = get("/api/v1/products/demo-kiwifruit");
        assertThat(kiwi.getString("temp_class")).isEqualTo("chilled");
        assertThat(kiwi.getDouble("shelf_life_days")).isEqualTo(90.0);
        assertThat(kiwi.getDouble("q10")).isEqualTo(3.0);
    }

    @Test
    @Order(2)
    void aSecondRunSucceedsAndChangesNothing() throws Exception {
        long before = masterData();

        Run again = provision(admin, "--wait-devices-s", "0");

        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("org      demo         exists", "binding  CR-ORG1-1 → ORG1-R1 exists")
                .contains("(0 created, 0 updated, ").doesNotContain("created\n");
        assertThat(masterData()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void whatWasChangedBehindItsBackIsPutBack() throws Exception {
        edit("/api/v1/sites/DC1", "name", "renamed");
        edit("/api/v1/profiles/demo-chilled-room", "high_warn_c", 9.0);

        Run again = provision(admin, "--wait-devices-s", "0");

        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("site     DC1          updated name",
                "profile  demo-chilled-room updated high_warn_c", "(0 created, 2 updated, ");
        assertThat(get("/api/v1/sites/DC1").getString("name"))
                .isEqualTo("上海西郊集配中心 Shanghai Xijiao consolidation centre");
        assertThat(get("/api/v1/profiles/demo-chilled-room").getDouble("high_warn_c")).isEqualTo(8.0);
    }

    @Test
    @Order(5)
    void anOperatorTokenFailsWithTheStatusTheBodyAndAHint() throws Exception {
        long before = masterData();

        Run denied = provision(api.token(Role.OPERATOR, "demo"));

        assertThat(denied.exit()).isEqualTo(1);
        assertThat(denied.err()).contains("error: POST /api/v1/orgs answered HTTP 403: {", "\"error\"",
                "hint: is the token an admin's?", "create-token --role admin");
        assertThat(masterData()).isEqualTo(before);
    }

    @Test
    @Order(6)
    void devicesThatHaveNotReportedFailAtOnceWithoutWaitingAndAreBoundOnceTheyReport() throws Exception {
        List<String> more = List.of("--trucks", "3"); // later flags win: truck 3's devices have never reported
        Run early = provision(admin, concat(more, "--wait-devices-s", "0"));
        assertThat(early.exit()).isEqualTo(1);
        assertThat(early.err()).contains("devices unknown to tracking-api after 0 s: TR-3-A", "HTTP 422",
                "hint: devices become known when they first report");

        CompletableFuture<Run> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return provision(admin, concat(more, "--wait-devices-s", "60"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        api.seeds().device("TR-3-A", "ORG1");
        api.seeds().device("TR-3-B", "ORG1");
        Run late = waiting.get(60, TimeUnit.SECONDS);

        assertThat(late.exit()).as(late.err()).isZero();
        assertThat(get("/api/v1/units/TR3-A/devices").getJsonArray("items").getJsonObject(0).getString("device"))
                .isEqualTo("TR-3-A");
    }

    @Test
    @Order(4)
    void changedPartiesAndProductsArePutBackAndAChangedPlotIsReportedAsDrift() throws Exception {
        edit("/api/v1/parties/demo-carrier", "name_zh", "改名");
        edit("/api/v1/products/demo-kiwifruit", "shelf_life_days", 30.0);
        api.sql("UPDATE farm_plot SET area_ha = area_ha + 1 WHERE id = 'demo-farm-hunyuan-p1'");

        Run again = provision(admin, "--wait-devices-s", "0");

        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("party    demo-carrier updated name_zh",
                "product  demo-kiwifruit updated shelf_life_days", "plot     demo-farm-hunyuan-p1 drifted area_ha",
                "(0 created, 2 updated, ", " unchanged, 1 drifted)");
        assertThat(get("/api/v1/parties/demo-carrier").getString("name_zh")).isEqualTo("珠海冷链运输有限公司");
        assertThat(get("/api/v1/products/demo-kiwifruit").getDouble("shelf_life_days")).isEqualTo(90.0);
    }

    /**
     * Changes one field as an admin would through the API: reads the record and puts it back with that change (less
     * what the API computes: a party's region_checked).
     */
    private static void edit(String uri, String field, Object value) {
        JsonObject record = get(uri);
        List.of("id", "org_id", "created_at", "region_checked").forEach(record::remove);
        expect(api.http().put(uri, admin, record.put(field, value)), 200);
    }

    private static String[] concat(List<String> a, String... b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }
}
