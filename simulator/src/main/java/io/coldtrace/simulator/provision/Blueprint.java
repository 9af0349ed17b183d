package io.coldtrace.simulator.provision;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coldtrace.core.json.Json;
import io.coldtrace.simulator.physics.TemperatureClass;
import io.coldtrace.simulator.provision.LimitProfiles.Probe;
import io.coldtrace.simulator.world.ColdRoom;
import io.coldtrace.simulator.world.Site;
import io.coldtrace.simulator.world.SimUnit;
import io.coldtrace.simulator.world.TruckCompartment;
import io.coldtrace.simulator.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The master data of a world as tracking-api request bodies, in the order they must be created: organisation, sites,
 * limit profiles (those the units use), units, the traceability master data ({@link TraceBlueprint}: parties,
 * products, farm plots), then which device sits in which unit. Pure: no I/O.
 */
public record Blueprint(ObjectNode org, List<ObjectNode> sites, List<ObjectNode> profiles, List<ObjectNode> units,
                        TraceBlueprint trace, List<Binding> bindings) {
    public static final String TIMEZONE = "Asia/Shanghai";

    /** Device {@code device} (its MQTT id, e.g. {@code CR-ORG1-1}) reports for unit {@code unitId}. */
    public record Binding(String unitId, String device) {
    }

    public Blueprint {
        sites = List.copyOf(sites);
        profiles = List.copyOf(profiles);
        units = List.copyOf(units);
        bindings = List.copyOf(bindings);
        java.util.Objects.requireNonNull(trace, "trace");
    }

    public static Blueprint of(World world, String orgId, String orgName) {
        ObjectNode org = Json.mapper().createObjectNode().put("id", orgId).put("name", orgName);
        List<ObjectNode> sites = new ArrayList<>();
        for (Site s : world.sites()) {
            sites.add(Json.mapper().createObjectNode()
                    .put("id", s.id())
                    .put("org_id", orgId)
                    .put("name", s.name() + " " + s.nameEn())
                    .put("kind", switch (s.kind()) {
                        case ORIGIN -> "origin_cold_store";
                        case CONSOLIDATION -> "consolidation_centre";
                        case FORWARD -> "forward_warehouse";
                    })
                    .put("timezone", TIMEZONE)
                    .put("lat", s.lat())
                    .put("lon", s.lon())
                    .put("division_code", s.divisionCode()));
        }
        Map<String, ObjectNode> profiles = new TreeMap<>();
        List<ObjectNode> units = new ArrayList<>();
        List<Binding> bindings = new ArrayList<>();
        for (SimUnit u : world.units()) {
            TemperatureClass cls = u.temperatureClass();
            boolean room = u instanceof ColdRoom;
            Probe probe = room ? Probe.AIR : Probe.RETURN;
            String profileId = LimitProfiles.id(orgId, cls, probe);
            profiles.computeIfAbsent(profileId, id -> LimitProfiles.body(orgId, cls, probe));
            String unitId = unitId(u);
            units.add(Json.mapper().createObjectNode()
                    .put("id", unitId)
                    .put("site_id", u.siteId())
                    .put("kind", room ? "cold_room" : "truck_compartment")
                    .put("name", unitName(u))
                    .put("temp_class", LimitProfiles.label(cls))
                    .put("profile_id", profileId));
            bindings.add(new Binding(unitId, u.deviceId()));
        }
        return new Blueprint(org, sites, List.copyOf(profiles.values()), units, TraceBlueprint.of(world, orgId),
                bindings);
    }

    /** {@code ORG1-R1} for cold room CR-ORG1-1, {@code TR3-B} for compartment TR-3-B of truck 3. */
    public static String unitId(SimUnit u) {
        if (u instanceof TruckCompartment c) {
            return "TR" + c.truck().number() + "-" + lastSegment(u);
        }
        return u.siteId() + "-R" + lastSegment(u);
    }

    static String unitName(SimUnit u) {
        if (u instanceof TruckCompartment c) {
            int n = c.truck().number();
            String x = lastSegment(u);
            return n + "号冷藏车 " + x + "厢 Reefer truck " + n + " compartment " + x;
        }
        return lastSegment(u) + "号冷库 Cold room " + lastSegment(u);
    }

    /** The last segment of the device id: the room number or the compartment letter. */
    private static String lastSegment(SimUnit u) {
        return u.deviceId().substring(u.deviceId().lastIndexOf('-') + 1);
    }
}
