package io.coldtrace.simulator.world;

import io.coldtrace.core.telemetry.DecodedTelemetry;
import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.core.telemetry.TelemetryCodec;
import io.coldtrace.simulator.publish.Publication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Test helper: runs a world and decodes one device's publications the way ingest would. */
final class Decoded {
    private static final TelemetryCodec CODEC = TelemetryCodec.withDefaults();

    private Decoded() {
    }

    /** Ticks {@code world} for {@code d} in one-minute steps and returns the decoded readings of {@code deviceId}. */
    static List<Reading> readings(World world, String deviceId, Duration d) {
        List<Reading> out = new ArrayList<>();
        for (long m = 0; m < d.toMinutes(); m++) {
            for (Publication p : world.tick(Duration.ofMinutes(1))) {
                if (p.deviceId().equals(deviceId)) {
                    DecodedTelemetry t = CODEC.decodeTelemetry(p.payload(), world.now());
                    if (!t.rejected().isEmpty()) {
                        throw new AssertionError("rejected: " + t.rejected());
                    }
                    out.addAll(t.readings());
                }
            }
        }
        return out;
    }

    static String firstUnitOf(World world, io.coldtrace.simulator.physics.TemperatureClass cls, Class<?> type) {
        return world.units().stream()
                .filter(u -> u.temperatureClass() == cls && type.isInstance(u))
                .map(SimUnit::deviceId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("seed gives no " + cls + " " + type.getSimpleName()));
    }
}
