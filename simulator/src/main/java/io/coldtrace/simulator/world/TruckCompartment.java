package io.coldtrace.simulator.world;

import io.coldtrace.core.telemetry.ProbeRole;
import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.simulator.faults.FaultConfig;
import io.coldtrace.simulator.physics.Ambient;
import io.coldtrace.simulator.publish.DeviceChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/** One temperature compartment of a reefer truck with its logger: return/supply air, product probe and GPS. */
public final class TruckCompartment extends SimUnit {
    private final ReeferTruck truck;

    TruckCompartment(ReeferTruck truck, UnitSpec spec, Instant start, Duration interval, FaultConfig faults,
                     DeviceChannel channel, SplittableRandom physicsRng, SplittableRandom faultRng) {
        super(spec, start, interval, faults, channel, physicsRng, faultRng);
        this.truck = truck;
    }

    public ReeferTruck truck() {
        return truck;
    }

    @Override
    protected void describe(Reading.Builder b) {
        b.temp(ProbeRole.RETURN_AIR, noisy(zone().airC(), 0.15))
                .temp(ProbeRole.SUPPLY_AIR, noisy(zone().supplyAirC(), 0.15))
                .product(noisy(zone().productC(), 0.05))
                .position(round(truck.lat(), 5), round(truck.lon(), 5), round(truck.speedKmh(), 1));
    }

    /** Compartment A is the one the timetable's reefer failures hit. */
    @Override
    protected boolean scriptedFailure(Instant t) {
        return deviceId().endsWith("-A") && truck.compressorFailed(t);
    }

    @Override
    protected double ambientC(Instant t) {
        return Ambient.outdoorC(truck.lat(), t);
    }

    @Override
    protected boolean naturalDoorOpen(Instant t, double seconds) {
        return truck.doorsOpen(t);
    }
}
