package io.coldtrace.simulator.business;

import io.coldtrace.simulator.provision.Blueprint;
import io.coldtrace.simulator.world.ColdRoom;
import io.coldtrace.simulator.world.SimUnit;
import io.coldtrace.simulator.world.TruckCompartment;
import io.coldtrace.simulator.world.World;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The places of a world as tracking-api names them: the cold rooms of each site by temperature class, and each truck's
 * compartment A (the one loads ride in, and the one scripted reefer failures hit) with its class.
 */
final class ChainPlaces {
    /** A truck's compartment A: its unit id, device id and temperature class (as the API spells it). */
    record Compartment(String unitId, String deviceId, String tempClass) {
    }

    private final Map<String, List<String>> rooms = new HashMap<>();
    private final Map<Integer, Compartment> trucks = new HashMap<>();

    ChainPlaces(World world) {
        for (SimUnit u : world.units()) {
            String cls = u.temperatureClass().name().toLowerCase(java.util.Locale.ROOT);
            if (u instanceof ColdRoom) {
                rooms.computeIfAbsent(u.siteId() + "/" + cls, k -> new ArrayList<>()).add(Blueprint.unitId(u));
            } else if (u instanceof TruckCompartment c && u.deviceId().endsWith("-A")) {
                trucks.put(c.truck().number(), new Compartment(Blueprint.unitId(u), u.deviceId(), cls));
            }
        }
    }

    /** The cold rooms of {@code site} that hold {@code tempClass}, in number order (maybe none). */
    List<String> rooms(String site, String tempClass) {
        return rooms.getOrDefault(site + "/" + tempClass, List.of());
    }

    Compartment compartmentA(int truck) {
        return trucks.get(truck);
    }
}
