package io.coldtrace.simulator.world;

import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.simulator.faults.FaultConfig;
import io.coldtrace.simulator.faults.FaultKind;
import io.coldtrace.simulator.physics.TemperatureClass;
import io.coldtrace.simulator.physics.ThermalZone;
import io.coldtrace.simulator.publish.DeviceChannel;
import io.coldtrace.simulator.publish.Publication;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One refrigerated space with its battery logger: a cold room or a truck compartment. Holds the physics, the
 * schedules (defrost, doors), the faults, and the scenario triggers that alarm tests call, e.g.
 * {@code world.unit("CR-ORG1-1").forceDoorOpen(Duration.ofMinutes(40))}.
 */
public abstract class SimUnit {
    private final String deviceId;
    private final String siteId;
    private final Duration interval;
    private final ThermalZone zone;
    private final DeviceChannel channel;
    private final FaultConfig faults;
    /** Physics randomness (doors, noise) apart from fault randomness, so faults do not reshuffle the weather. */
    protected final SplittableRandom physicsRng;
    private final SplittableRandom faultRng;
    private final Duration defrostEvery;
    private final Duration defrostFor;
    private final Duration defrostPhase;
    private final double drainPctPerHour;

    private Instant now;
    private Instant nextReport;
    private Instant forcedDoorUntil = Instant.MIN;
    private Instant compressorFailedUntil = Instant.MIN;
    private double batteryPct;

    protected SimUnit(UnitSpec spec, Instant start, Duration interval, FaultConfig faults, DeviceChannel channel,
                      SplittableRandom physicsRng, SplittableRandom faultRng) {
        this.deviceId = spec.deviceId();
        this.siteId = spec.siteId();
        this.interval = interval;
        this.zone = spec.zone();
        this.faults = faults;
        this.channel = channel;
        this.physicsRng = physicsRng;
        this.faultRng = faultRng;
        this.defrostEvery = spec.defrostEvery();
        this.defrostFor = Duration.ofMinutes(20 + physicsRng.nextInt(11));
        this.defrostPhase = Duration.ofSeconds(physicsRng.nextLong(defrostEvery.toSeconds()));
        this.drainPctPerHour = spec.drainPctPerHour();
        this.batteryPct = 55 + physicsRng.nextInt(450) / 10.0;
        this.now = start;
        // Spread devices over the interval so they do not all report in the same second.
        this.nextReport = start.plusMillis(physicsRng.nextLong(interval.toMillis()));
    }

    /** Identity and physics a unit is built from. */
    public record UnitSpec(String deviceId, String siteId, ThermalZone zone, Duration defrostEvery,
                           double drainPctPerHour) {
    }

    public final String deviceId() { return deviceId; }
    public final String siteId() { return siteId; }
    public final ThermalZone zone() { return zone; }
    public final TemperatureClass temperatureClass() { return zone.temperatureClass(); }
    public final Duration interval() { return interval; }
    public final double batteryPct() { return batteryPct; }
    public final DeviceChannel channel() { return channel; }

    // ---------------------------------------------------------------- scenario triggers

    /** Door stays open for {@code d} from now (on top of normal door use). */
    public final void forceDoorOpen(Duration d) {
        forcedDoorUntil = now.plus(d);
    }

    /** Compressor stops working until {@link #repairCompressor()}. */
    public final void failCompressor() {
        compressorFailedUntil = Instant.MAX;
    }

    public final void repairCompressor() {
        compressorFailedUntil = Instant.MIN;
    }

    /** Logger goes offline for {@code d}, then uploads what it buffered in one message. */
    public final void goOffline(Duration d) {
        channel.goOffline(now.plus(d));
    }

    /** Logger clock runs {@code offset} off for {@code d}. */
    public final void skewClock(Duration offset, Duration d) {
        channel.skewClock(offset, now.plus(d));
    }

    // ---------------------------------------------------------------- simulation

    /** Advances to {@code to} (physics only). */
    final void advance(Instant to) {
        double seconds = Duration.between(now, to).toMillis() / 1000.0;
        if (seconds <= 0) {
            return;
        }
        rollHourlyFaults(seconds / 3600.0);
        zone.setDefrosting(defrosting(now));
        zone.setCompressorFailed(now.isBefore(compressorFailedUntil) || scriptedFailure(now));
        zone.setDoorOpen(now.isBefore(forcedDoorUntil) | naturalDoorOpen(now, seconds));
        zone.advance(seconds, ambientC(now));
        batteryPct = Math.max(0, batteryPct - drainPctPerHour * seconds / 3600.0);
        now = to;
    }

    /** What the logger publishes at the current time, if a report is due. */
    final List<Publication> reportIfDue() {
        if (now.isBefore(nextReport)) {
            return List.of();
        }
        nextReport = nextReport.plus(interval);
        Reading.Builder b = Reading.at(channel.deviceTime(now));
        describe(b);
        b.door(zone.doorOpen())
                .setpoint(zone.temperatureClass().setpointC())
                .defrost(zone.defrosting())
                .compressor(zone.compressorOn())
                .battery(round(batteryPct, 1));
        return channel.report(b.build(), now);
    }

    private boolean defrosting(Instant t) {
        long s = Math.floorMod(t.getEpochSecond() + defrostPhase.toSeconds(), defrostEvery.toSeconds());
        return s < defrostFor.toSeconds();
    }

    private void rollHourlyFaults(double hours) {
        if (hit(FaultKind.DOOR_OPEN, hours)) {
            forcedDoorUntil = now.plus(Duration.ofMinutes(20 + faultRng.nextInt(41)));
        }
        if (hit(FaultKind.COMPRESSOR, hours)) {
            compressorFailedUntil = now.plus(Duration.ofMinutes(120 + faultRng.nextInt(241)));
        }
        if (hit(FaultKind.CLOCK_SKEW, hours)) {
            long ms = 20_000 + faultRng.nextLong(220_000);
            channel.skewClock(Duration.ofMillis(faultRng.nextBoolean() ? ms : -ms),
                    now.plus(Duration.ofMinutes(60 + faultRng.nextInt(301))));
        }
        if (!channel.offline(now) && hit(FaultKind.OFFLINE, hours)) {
            channel.goOffline(now.plus(Duration.ofMinutes(10 + faultRng.nextInt(51))));
        }
    }

    private boolean hit(FaultKind kind, double hours) {
        double rate = faults.rate(kind);
        boolean hit = rate > 0 && faultRng.nextDouble() < rate * hours;
        if (hit) {
            channel.count(kind);
        }
        return hit;
    }

    protected final double noisy(double v, double sigma) {
        return round(v + physicsRng.nextGaussian() * sigma, 1);
    }

    protected static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    /** Adds the unit's own channels (probes, humidity, position) to a reading. */
    protected abstract void describe(Reading.Builder b);

    /** Whether a scripted incident (not a random fault) has the compressor failed at {@code t}. */
    protected boolean scriptedFailure(Instant t) {
        return false;
    }

    /** Temperature outside the insulation at {@code t}. */
    protected abstract double ambientC(Instant t);

    /** Whether normal operations have the door open during the next {@code seconds}. */
    protected abstract boolean naturalDoorOpen(Instant t, double seconds);
}
