package io.coldtrace.simulator.world;

import io.coldtrace.simulator.faults.FaultConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What world to build: same seed + same start = the same world and byte-identical payloads. Defaults: 3 sites,
 * 2 rooms per site, 2 trucks, 60 s reporting interval for rooms and trucks, no faults.
 */
public record WorldConfig(long seed, Instant start, int sites, int roomsPerSite, int trucks, Duration roomInterval,
                          Duration truckInterval, FaultConfig faults) {
    public WorldConfig {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(faults, "faults");
        if (sites < 1 || sites > 15) {
            throw new IllegalArgumentException("sites must be within 1..15, was " + sites);
        }
        if (roomsPerSite < 0 || roomsPerSite > 50) {
            throw new IllegalArgumentException("roomsPerSite must be within 0..50, was " + roomsPerSite);
        }
        if (trucks < 0 || trucks > 200) {
            throw new IllegalArgumentException("trucks must be within 0..200, was " + trucks);
        }
        requireInterval("roomInterval", roomInterval);
        requireInterval("truckInterval", truckInterval);
    }

    public static WorldConfig defaults(long seed, Instant start) {
        return new WorldConfig(seed, start, 3, 2, 2, Duration.ofSeconds(60), Duration.ofSeconds(60), FaultConfig.none());
    }

    public WorldConfig withFaults(FaultConfig f) {
        return new WorldConfig(seed, start, sites, roomsPerSite, trucks, roomInterval, truckInterval, f);
    }

    private static void requireInterval(String name, Duration d) {
        if (d == null || d.toSeconds() < 1 || d.toSeconds() > 86_400) {
            throw new IllegalArgumentException(name + " must be within 1 s..24 h, was " + d);
        }
    }
}
