package io.coldtrace.simulator.load;

import io.coldtrace.core.telemetry.Topics;
import java.util.Objects;

/**
 * A load run: {@code devices} devices spread over {@code connections} MQTT connections publish QoS 1 messages of
 * {@code readingsPerMessage} readings for {@code seconds}, paced to {@code targetReadingsPerSecond} (0 = as fast as
 * the broker acknowledges). Device ids are {@code deviceIdPrefix} + a 5-digit index, e.g. {@code LD-00042}.
 */
public record LoadConfig(String mqttUrl, int devices, int targetReadingsPerSecond, int readingsPerMessage, int seconds,
                         int connections, String site, String deviceIdPrefix) {
    public LoadConfig {
        Objects.requireNonNull(mqttUrl, "mqttUrl");
        if (!mqttUrl.startsWith("tcp://") && !mqttUrl.startsWith("ssl://")) {
            throw new IllegalArgumentException("mqttUrl must start with tcp:// or ssl://, was " + mqttUrl);
        }
        require("devices", devices, 1, 1_000_000);
        require("targetReadingsPerSecond", targetReadingsPerSecond, 0, 10_000_000);
        require("readingsPerMessage", readingsPerMessage, 1, 5_000);
        require("seconds", seconds, 1, 86_400);
        require("connections", connections, 1, 256);
        Objects.requireNonNull(deviceIdPrefix, "deviceIdPrefix");
        Topics.telemetry(site, deviceIdPrefix + "00000"); // fails naming the pattern when site or prefix is unusable
    }

    /** Defaults: 100 devices, 50,000 readings/s, 10 readings per message, 10 s, 4 connections, site LOAD, LD-. */
    public static LoadConfig defaults(String mqttUrl) {
        return new LoadConfig(mqttUrl, 100, 50_000, 10, 10, 4, "LOAD", "LD-");
    }

    public String deviceId(int index) {
        return String.format("%s%05d", deviceIdPrefix, index);
    }

    private static void require(String name, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ", was " + v);
        }
    }
}
