package io.coldtrace.simulator.provision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coldtrace.core.json.Json;
import io.coldtrace.simulator.physics.TemperatureClass;
import io.coldtrace.simulator.world.SimUnit;
import io.coldtrace.simulator.world.World;
import io.coldtrace.simulator.world.WorldConfig;
import java.time.Duration;
import java.time.Instant;
import io.coldtrace.core.ids.DivisionCode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BlueprintTest {
    private static final Instant START = Instant.parse("2025-03-10T00:00:00Z");
    private final World world = new World(WorldConfig.defaults(42, START));
    private final Blueprint plan = Blueprint.of(world, "demo", "示范冷链 Demo cold chain");

    private static List<String> ids(List<ObjectNode> nodes) {
        return nodes.stream().map(n -> n.get("id").asText()).toList();
    }

    @Test
    void everySiteIsThereWithItsKindPositionAndABilingualName() {
        assertThat(ids(plan.sites())).containsExactly("ORG1", "DC1", "FWD1");
        JsonNode org1 = plan.sites().get(0);
        assertThat(org1.get("name").asText()).isEqualTo("寿光蔬菜产地仓 Shouguang vegetable origin store");
        assertThat(org1.get("kind").asText()).isEqualTo("origin_cold_store");
        assertThat(org1.get("org_id").asText()).isEqualTo("demo");
        assertThat(org1.get("timezone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(org1.get("lat").asDouble()).isEqualTo(36.881);
        assertThat(plan.sites().stream().map(s -> s.get("kind").asText()))
                .containsExactly("origin_cold_store", "consolidation_centre", "forward_warehouse");
    }

    @Test
    void everyDeviceGetsAUnitOfItsSiteKindAndClassBoundToIt() {
        assertThat(plan.units()).hasSize(world.units().size());
        assertThat(plan.bindings()).extracting(Blueprint.Binding::device)
                .containsExactlyElementsOf(world.units().stream().map(SimUnit::deviceId).toList());
        for (int i = 0; i < plan.units().size(); i++) {
            SimUnit u = world.units().get(i);
            JsonNode unit = plan.units().get(i);
            assertThat(plan.bindings().get(i).unitId()).isEqualTo(unit.get("id").asText());
            assertThat(unit.get("site_id").asText()).isEqualTo(u.siteId());
            assertThat(unit.get("temp_class").asText()).isEqualTo(u.temperatureClass().name().toLowerCase());
            boolean room = u.deviceId().startsWith("CR-");
            assertThat(unit.get("kind").asText()).isEqualTo(room ? "cold_room" : "truck_compartment");
            assertThat(unit.get("profile_id").asText()).endsWith(room ? "-room" : "-reefer");
        }
        JsonNode first = plan.units().get(0);
        assertThat(first.get("id").asText()).isEqualTo("ORG1-R1");
        assertThat(first.get("name").asText()).isEqualTo("1号冷库 Cold room 1");
        assertThat(plan.units().stream().map(n -> n.get("id").asText())).contains("TR1-A", "TR2-A");
    }

    @Test
    void thereIsOneProfilePerClassAndProbeInUseAndEveryUnitNamesOne() {
        Set<String> used = plan.units().stream().map(u -> u.get("profile_id").asText()).collect(Collectors.toSet());
        assertThat(ids(plan.profiles())).containsExactlyInAnyOrderElementsOf(used);
        for (ObjectNode p : plan.profiles()) {
            assertThat(p.get("probe").asText()).isEqualTo(p.get("id").asText().endsWith("-room") ? "air" : "return");
            assertThat(p.get("door_open_max_s").asInt()).isEqualTo(900);
            assertThat(p.get("offline_factor").asInt()).isEqualTo(5);
            assertThat(p.get("battery_low_pct").asDouble()).isEqualTo(15.0);
            assertThat(p.get("escalate_after_s").asInt()).isEqualTo(1800);
        }
    }

    @Test
    void aWorldWithManyUnitsUsesEveryClassButNoProfileTwice() {
        World big = new World(new WorldConfig(7, START, 6, 10, 10, Duration.ofSeconds(60), Duration.ofSeconds(60),
                io.coldtrace.simulator.faults.FaultConfig.none()));
        Blueprint p = Blueprint.of(big, "acme", "Acme");

        assertThat(ids(p.profiles())).doesNotHaveDuplicates()
                .contains("acme-frozen-room", "acme-chilled-room", "acme-cool-room", "acme-frozen-reefer");
        assertThat(p.profiles()).isSortedAccordingTo(Comparator.comparing(n -> n.get("id").asText()));
    }

    /** As tracking-api's ids of sites, parties, products and plots. */
    private static final Pattern API_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    @Test
    void theTraceMasterDataIsDeterministicAndItsIdentifiersValid() {
        TraceBlueprint trace = plan.trace();
        TraceBlueprint again = Blueprint.of(new World(WorldConfig.defaults(42, START.plusSeconds(86_400))), "demo",
                "示范冷链 Demo cold chain").trace();
        assertThat(again).isEqualTo(trace);

        List<ObjectNode> all = new java.util.ArrayList<>(trace.parties());
        all.addAll(trace.products());
        all.addAll(trace.plots());
        assertThat(ids(all)).doesNotHaveDuplicates().allSatisfy(id -> {
            assertThat(id).matches(API_ID).startsWith("demo-");
        });
        assertThat(all).allSatisfy(n -> assertThat(n.get("org_id").asText()).isEqualTo("demo"));
        for (ObjectNode p : trace.parties()) {
            assertThat(new DivisionCode(p.get("division_code").asText()).level()).isNotNull();
            assertThat(p.get("name_zh").asText()).isNotBlank();
            assertThat(p.get("province").asText()).isNotBlank();
            boolean buyer = p.get("kind").asText().equals("buyer");
            assertThat(p.get("buyer_type").isNull()).isEqualTo(!buyer);
        }
    }

    @Test
    void thePartiesAreTheOperatorGrowersInTheDomainCountiesACarrierAndZhuhaiBuyers() {
        Map<String, ObjectNode> parties = plan.trace().parties().stream()
                .collect(Collectors.toMap(p -> p.get("id").asText(), Function.identity()));
        assertThat(parties.get("demo-operator").get("kind").asText()).isEqualTo("cold_store_operator");
        assertThat(parties.get("demo-carrier").get("kind").asText()).isEqualTo("carrier");
        assertThat(plan.trace().parties().stream().filter(p -> TraceBlueprint.GROWERS.contains(p.get("kind").asText()))
                .map(p -> p.get("division_code").asText())).containsExactly("500238", "500242", "140225", "110111");
        ObjectNode wuxi = parties.get("demo-coop-wuxi");
        assertThat(wuxi.get("poverty_alleviated_county").asBoolean()).isTrue();
        assertThat(parties.get("demo-farm-fangshan").get("poverty_alleviated_county").asBoolean()).isFalse();
        assertThat(plan.trace().parties().stream().filter(p -> p.get("kind").asText().equals("buyer"))
                .map(p -> p.get("buyer_type").asText() + "@" + new DivisionCode(p.get("division_code").asText()).city()))
                .containsExactly("supermarket@440400", "canteen@440400");
    }

    @Test
    void everyPlotBelongsToAFarmOrCooperativeAndLiesNearItsCounty() {
        Map<String, String> kinds = plan.trace().parties().stream()
                .collect(Collectors.toMap(p -> p.get("id").asText(), p -> p.get("kind").asText()));
        assertThat(plan.trace().plots()).isNotEmpty().allSatisfy(plot -> {
            assertThat(kinds.get(plot.get("party_id").asText())).isIn(TraceBlueprint.GROWERS);
            assertThat(plot.get("area_ha").asDouble()).isBetween(0.5, 20.0);
            assertThat(plot.get("lat").asDouble()).isBetween(18.0, 54.0);
            assertThat(plot.get("lon").asDouble()).isBetween(73.0, 135.0);
        });
        ObjectNode other = Blueprint.of(new World(WorldConfig.defaults(43, START)), "demo", "x").trace().plots().get(0);
        assertThat(other.get("lat").asDouble()).isNotEqualTo(plan.trace().plots().get(0).get("lat").asDouble());
    }

    @Test
    void productsHaveTheClassesTheUnitsHoldAndAQ10ShelfLifeModel() {
        Set<String> held = world.units().stream().map(u -> u.temperatureClass().name().toLowerCase())
                .collect(Collectors.toSet());
        assertThat(plan.trace().products()).isNotEmpty().allSatisfy(p -> {
            assertThat(held).contains(p.get("temp_class").asText());
            assertThat(p.get("shelf_life_days").asDouble()).isGreaterThan(0);
            assertThat(p.get("q10").asDouble()).isGreaterThan(1.0).isLessThanOrEqualTo(10.0);
            assertThat(p.get("unit_of_measure").asText()).isIn("kg", "box", "crate", "piece", "bag", "carton");
        });
        World big = new World(new WorldConfig(7, START, 6, 10, 10, Duration.ofSeconds(60), Duration.ofSeconds(60),
                io.coldtrace.simulator.faults.FaultConfig.none()));
        assertThat(ids(Blueprint.of(big, "acme", "Acme").trace().products())).containsExactly("acme-kiwifruit",
                "acme-potato", "acme-apple", "acme-leafy-greens", "acme-dumplings", "acme-sweet-potato");
    }

    @Test
    void limitsFollowTheClass() {
        ObjectNode frozen = LimitProfiles.body("demo", TemperatureClass.FROZEN, LimitProfiles.Probe.AIR);
        ObjectNode chilled = LimitProfiles.body("demo", TemperatureClass.CHILLED, LimitProfiles.Probe.RETURN);
        ObjectNode cool = LimitProfiles.body("demo", TemperatureClass.COOL, LimitProfiles.Probe.AIR);

        assertThat(limits(frozen)).isEqualTo("-15.0 -12.0 null null 900 1800");
        assertThat(limits(chilled)).isEqualTo("8.0 10.0 0.0 -1.0 900 600");
        assertThat(limits(cool)).isEqualTo("16.0 18.0 11.0 10.0 900 1800");
        assertThat(chilled.get("id").asText()).isEqualTo("demo-chilled-reefer");
        assertThat(chilled.get("probe").asText()).isEqualTo("return");
    }

    private static String limits(ObjectNode p) {
        return List.of("high_warn_c", "high_crit_c", "low_warn_c", "low_crit_c", "warn_delay_s", "crit_delay_s")
                .stream().map(f -> p.get(f).toString()).collect(Collectors.joining(" "));
    }

    @Test
    void differencesNameTheFieldsThatDifferAndToleratePrecisionOfStoredReals() throws Exception {
        ObjectNode wanted = (ObjectNode) Json.mapper().readTree(
                "{\"name\":\"a\",\"lat\":36.881,\"low_warn_c\":null,\"kind\":\"x\"}");
        JsonNode actual = Json.mapper().readTree(
                "{\"name\":\"a\",\"lat\":36.88100051879883,\"kind\":\"y\",\"created_at\":\"2025-01-01T00:00:00Z\"}");

        assertThat(Provisioner.differences(wanted, actual)).containsExactly("kind");
    }
}
