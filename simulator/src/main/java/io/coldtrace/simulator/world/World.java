package io.coldtrace.simulator.world;

import io.coldtrace.core.telemetry.TelemetryCodec;
import io.coldtrace.simulator.faults.FaultKind;
import io.coldtrace.simulator.physics.TemperatureClass;
import io.coldtrace.simulator.physics.ThermalZone;
import io.coldtrace.simulator.publish.DeviceChannel;
import io.coldtrace.simulator.publish.Publication;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * The simulated cold chain: sites with cold rooms, and reefer trucks driving between them. It advances only in
 * virtual time ({@link #tick}), so tests run days in milliseconds and a runner maps it to the wall clock.
 */
public final class World {
    /** Physics and report granularity; reports fall due at most this late. */
    static final Duration STEP = Duration.ofSeconds(10);

    private final WorldConfig config;
    private final List<Site> sites;
    private final List<ReeferTruck> trucks = new ArrayList<>();
    private final Map<String, SimUnit> units = new LinkedHashMap<>();
    private Instant now;

    public World(WorldConfig config) {
        this(config, TelemetryCodec.withDefaults());
    }

    public World(WorldConfig config, TelemetryCodec codec) {
        this.config = config;
        this.now = config.start();
        this.sites = SiteCatalog.sites(config.sites());
        for (Site site : sites) {
            for (int n = 1; n <= config.roomsPerSite(); n++) {
                String id = "CR-" + site.id() + "-" + n;
                SplittableRandom r = rng(id);
                SplittableRandom physics = r.split();
                SplittableRandom faults = r.split();
                ThermalZone zone = settled(roomClass(physics), 300, 15, 0.3 + physics.nextDouble() * 0.6);
                add(new ColdRoom(new SimUnit.UnitSpec(id, site.id(), zone, Duration.ofHours(6), 0.004),
                        now, config.roomInterval(), config.faults(),
                        new DeviceChannel(site.id(), id, codec, config.faults(), faults), physics, faults));
            }
        }
        for (int t = 1; t <= config.trucks(); t++) {
            SplittableRandom tr = rng("TR-" + t);
            Site home = sites.get((t - 1) % sites.size());
            tr.split(); // the stream once used by the truck's driving, kept so the compartments stay as they were
            ReeferTruck truck = new ReeferTruck(t, home, new TruckTimetable(config.seed(), t,
                    TruckTimetable.route(home, sites), config.faults().rate(FaultKind.REEFER_FAILURE)), now);
            trucks.add(truck);
            int compartments = tr.nextInt(3) == 0 ? 2 : 1;
            for (int c = 0; c < compartments; c++) {
                String id = "TR-" + t + "-" + (char) ('A' + c);
                SplittableRandom r = rng(id);
                SplittableRandom physics = r.split();
                SplittableRandom faults = r.split();
                TemperatureClass cls = c == 0 ? roomClass(physics) : TemperatureClass.FROZEN;
                ThermalZone zone = settled(cls, 240, 8, 0.2 + physics.nextDouble() * 0.7);
                add(new TruckCompartment(truck, new SimUnit.UnitSpec(id, home.id(), zone, Duration.ofHours(8),
                        0.01), now, config.truckInterval(), config.faults(),
                        new DeviceChannel(home.id(), id, codec, config.faults(), faults), physics, faults));
            }
        }
    }

    private void add(SimUnit u) {
        units.put(u.deviceId(), u);
    }

    /** Rooms hold 60 % chilled, 25 % frozen and 15 % cool (bananas) goods. */
    private static TemperatureClass roomClass(SplittableRandom r) {
        int p = r.nextInt(100);
        return p < 60 ? TemperatureClass.CHILLED : p < 85 ? TemperatureClass.FROZEN : TemperatureClass.COOL;
    }

    /** A unit starts in steady state at its setpoint, not warm from the factory. */
    private static ThermalZone settled(TemperatureClass cls, double wallTauMin, double doorTauMin, double load) {
        return new ThermalZone(cls, wallTauMin, doorTauMin, load, cls.setpointC());
    }

    /** One independent random stream per device, so adding a device does not change the others. */
    private SplittableRandom rng(String name) {
        return new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + name.hashCode());
    }

    /** Advances virtual time by {@code d} and returns what the devices published meanwhile, in publishing order. */
    public List<Publication> tick(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("cannot tick backwards: " + d);
        }
        Instant end = now.plus(d);
        List<Publication> out = new ArrayList<>();
        while (now.isBefore(end)) {
            Instant next = now.plus(STEP).isAfter(end) ? end : now.plus(STEP);
            double seconds = Duration.between(now, next).toMillis() / 1000.0;
            for (ReeferTruck t : trucks) {
                t.advance(now, seconds);
            }
            for (SimUnit u : units.values()) {
                u.advance(next);
            }
            now = next;
            for (SimUnit u : units.values()) {
                out.addAll(u.reportIfDue());
            }
        }
        return out;
    }

    public Instant now() {
        return now;
    }

    public WorldConfig config() {
        return config;
    }

    public List<Site> sites() {
        return sites;
    }

    public List<ReeferTruck> trucks() {
        return List.copyOf(trucks);
    }

    public List<SimUnit> units() {
        return List.copyOf(units.values());
    }

    /** The unit (room or truck compartment) with this device id, for scenarios. */
    public SimUnit unit(String deviceId) {
        SimUnit u = units.get(deviceId);
        if (u == null) {
            throw new NoSuchElementException("no unit " + deviceId + "; units are " + units.keySet());
        }
        return u;
    }
}
