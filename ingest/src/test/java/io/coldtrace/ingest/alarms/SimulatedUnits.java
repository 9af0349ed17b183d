package io.coldtrace.ingest.alarms;

import io.coldtrace.core.telemetry.ProbeRole;
import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.core.telemetry.TelemetryCodec;
import io.coldtrace.simulator.physics.TemperatureClass;
import io.coldtrace.simulator.publish.Publication;
import io.coldtrace.simulator.world.SimUnit;
import io.coldtrace.simulator.world.World;
import io.coldtrace.simulator.world.WorldConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test harness: a seeded simulator world whose every unit is judged by a profile made from its temperature class,
 * the way ingest would (decode each publication, evaluate each unit's readings in order with its own state).
 */
final class SimulatedUnits {
    static final Instant START = Instant.parse("2025-03-03T00:00:00Z"); // 08:00 in Asia/Shanghai, a Monday

    final World world;
    private final TelemetryCodec codec = TelemetryCodec.withDefaults();
    private final AlarmEvaluator evaluator = new AlarmEvaluator();
    private final Map<String, UnitAlarmState> states = new HashMap<>();
    private final Map<String, List<AlarmChange>> changes = new HashMap<>();
    private final Map<String, List<Reading>> readings = new HashMap<>();

    SimulatedUnits(long seed) {
        world = new World(WorldConfig.defaults(seed, START));
    }

    /**
     * Limits around the class band as an operator would set them: warning 4 °C outside the band after 15 min,
     * critical 6 °C outside after 30 min (chilled 0–4 °C gives high 8 / 10 °C), defrost and door suppressed up to
     * 45 min, door open at most 30 min, battery low at 20 %. Trucks are judged by return air, rooms by air.
     */
    static Profile profileFor(SimUnit unit) {
        TemperatureClass c = unit.temperatureClass();
        return Profile.builder(c.name().toLowerCase() + "-" + unit.deviceId())
                .probe(unit.deviceId().startsWith("TR-") ? ProbeRole.RETURN_AIR : ProbeRole.AIR)
                .high(c.highC() + 4, c.highC() + 6).low(c.lowC() - 4, c.lowC() - 6)
                .warnDelay(Duration.ofMinutes(15)).critDelay(Duration.ofMinutes(30))
                .hysteresis(0.5).clearDelay(Duration.ofMinutes(5))
                .suppress(true, true, Duration.ofMinutes(45))
                .doorOpenMax(Duration.ofMinutes(30)).batteryLow(20.0).build();
    }

    /** Runs the world for {@code d}, evaluating every reading published meanwhile. */
    void run(Duration d) {
        for (Publication p : world.tick(d)) {
            SimUnit unit = world.unit(p.deviceId());
            Profile profile = profileFor(unit);
            UnitAlarmState state = states.computeIfAbsent(p.deviceId(), k -> UnitAlarmState.initial());
            for (Reading r : codec.decodeTelemetry(p.payload(), world.now()).readings()) {
                readings.computeIfAbsent(p.deviceId(), k -> new ArrayList<>()).add(r);
                changes.computeIfAbsent(p.deviceId(), k -> new ArrayList<>())
                        .addAll(evaluator.evaluate(profile, state, r));
            }
        }
    }

    List<AlarmChange> changes(String deviceId) {
        return changes.getOrDefault(deviceId, List.of());
    }

    Map<String, List<AlarmChange>> allChanges() {
        return changes;
    }

    List<Reading> readings(String deviceId) {
        return readings.getOrDefault(deviceId, List.of());
    }

    UnitAlarmState state(String deviceId) {
        return states.get(deviceId);
    }

    /** The first cold room of this class; the default world has several chilled ones. */
    SimUnit room(TemperatureClass c) {
        return world.units().stream().filter(u -> u.deviceId().startsWith("CR-") && u.temperatureClass() == c)
                .findFirst().orElseThrow();
    }
}
