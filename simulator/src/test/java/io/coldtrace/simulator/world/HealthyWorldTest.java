package io.coldtrace.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.core.telemetry.DecodedTelemetry;
import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.core.telemetry.TelemetryCodec;
import io.coldtrace.core.telemetry.Topics;
import io.coldtrace.simulator.faults.FaultConfig;
import io.coldtrace.simulator.publish.Publication;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthyWorldTest {
    private final TelemetryCodec codec = TelemetryCodec.withDefaults();
    private final World world = new World(new WorldConfig(3, Instant.parse("2025-07-01T00:00:00Z"), 6, 3, 4,
            Duration.ofSeconds(60), Duration.ofSeconds(60), FaultConfig.none()));
    private final Map<String, List<DecodedTelemetry>> byDevice = new HashMap<>();

    private void runHours(int hours) {
        for (int i = 0; i < hours * 60; i++) {
            for (Publication p : world.tick(Duration.ofMinutes(1))) {
                Topics.Parsed t = Topics.parse(p.topic());
                assertThat(t.deviceId()).isEqualTo(p.deviceId());
                DecodedTelemetry d = codec.decodeTelemetry(p.payload(), world.now());
                assertThat(d.rejected()).as(p.toString()).isEmpty();
                byDevice.computeIfAbsent(p.deviceId(), k -> new ArrayList<>()).add(d);
            }
        }
    }

    @Test
    void everyPayloadDecodesWithoutRejectionAndSeqsRunWithoutGaps() {
        runHours(24);

        assertThat(byDevice.keySet()).hasSize(world.units().size());
        byDevice.forEach((device, msgs) -> {
            assertThat(msgs).hasSizeBetween(24 * 60 - 1, 24 * 60 + 1);
            for (int i = 0; i < msgs.size(); i++) {
                assertThat(msgs.get(i).seq()).as(device).isEqualTo(i);
                assertThat(msgs.get(i).readings()).hasSize(1);
            }
        });
    }

    @Test
    void deviceIdsFollowTheNamingScheme() {
        assertThat(world.units()).extracting(SimUnit::deviceId)
                .allMatch(id -> id.matches("CR-(ORG|DC|FWD)\\d+-\\d+|TR-\\d+-[AB]"))
                .contains("CR-ORG1-1", "CR-DC2-3", "TR-1-A");
    }

    @Test
    void trucksDriveBetweenSitesWithPlausiblePositionsAndSpeeds() {
        runHours(24);

        List<Reading> truck = byDevice.get("TR-1-A").stream().flatMap(m -> m.readings().stream()).toList();
        assertThat(truck).allSatisfy(r -> {
            assertThat(r.lat()).isBetween(18.0, 42.0); // mainland China
            assertThat(r.lon()).isBetween(100.0, 123.0);
            assertThat(r.speedKmh()).isBetween(0.0, 90.0);
        });
        assertThat(truck).anyMatch(r -> r.speedKmh() > 50).anyMatch(r -> r.speedKmh() == 0.0);
        assertThat(truck.stream().map(Reading::lat).distinct().count()).isGreaterThan(100);
        assertThat(truck).anyMatch(r -> r.doorOpen() && r.speedKmh() == 0.0);
        assertThat(truck).noneMatch(r -> r.doorOpen() && r.speedKmh() > 0);
    }

    @Test
    void loggerBatteriesDrainSlowly() {
        double before = world.unit("CR-ORG1-1").batteryPct();
        runHours(24);
        double after = world.unit("CR-ORG1-1").batteryPct();

        assertThat(after).isLessThan(before).isGreaterThan(before - 1.0);
    }

    @Test
    void roomDoorsOpenOnlyDuringWorkingHoursInShanghai() {
        runHours(48);

        List<Reading> doorOpen = byDevice.entrySet().stream().filter(e -> e.getKey().startsWith("CR-"))
                .flatMap(e -> e.getValue().stream()).flatMap(m -> m.readings().stream())
                .filter(Reading::doorOpen).toList();
        assertThat(doorOpen).isNotEmpty();
        // a reading may come up to one interval after the door opened at 17:59
        assertThat(doorOpen).allSatisfy(r -> assertThat(io.coldtrace.simulator.physics.Ambient.localHour(r.ts()))
                .isBetween(8.0, 18.1));
    }
}
