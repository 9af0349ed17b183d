package io.coldtrace.simulator.world;

import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.simulator.faults.FaultConfig;
import io.coldtrace.simulator.physics.Ambient;
import io.coldtrace.simulator.publish.DeviceChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/** A cold room at a site: air and product probes, humidity, and short door openings during working hours. */
public final class ColdRoom extends SimUnit {
    static final double WORK_START_H = 8.0;
    static final double WORK_END_H = 18.0;
    /** Forklift / picker openings per working hour; each lasts 30 s–2.5 min. */
    private static final double OPENINGS_PER_HOUR = 3.0;

    private final double rhBase;
    private Instant doorUntil = Instant.MIN;

    ColdRoom(UnitSpec spec, Instant start, Duration interval, FaultConfig faults, DeviceChannel channel,
             SplittableRandom physicsRng, SplittableRandom faultRng) {
        super(spec, start, interval, faults, channel, physicsRng, faultRng);
        this.rhBase = switch (spec.zone().temperatureClass()) {
            case FROZEN -> 70.0;
            case CHILLED -> 91.0;
            case COOL -> 87.0;
        };
    }

    @Override
    protected void describe(Reading.Builder b) {
        b.air(noisy(zone().airC(), 0.15))
                .product(noisy(zone().productC(), 0.05))
                .rh(Math.min(100.0, Math.max(0.0, noisy(rhBase - (zone().doorOpen() ? 8 : 0), 1.5))));
    }

    @Override
    protected double ambientC(Instant t) {
        return Ambient.dockC(t);
    }

    @Override
    protected boolean naturalDoorOpen(Instant t, double seconds) {
        if (t.isBefore(doorUntil)) {
            return true;
        }
        double h = Ambient.localHour(t);
        if (h >= WORK_START_H && h < WORK_END_H && physicsRng.nextDouble() < OPENINGS_PER_HOUR * seconds / 3600) {
            doorUntil = t.plusSeconds(30 + physicsRng.nextInt(121));
            return true;
        }
        return false;
    }
}
