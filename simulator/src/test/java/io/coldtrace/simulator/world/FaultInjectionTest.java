package io.coldtrace.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.core.telemetry.DecodedTelemetry;
import io.coldtrace.core.telemetry.InvalidTelemetryException;
import io.coldtrace.core.telemetry.RejectReason;
import io.coldtrace.core.telemetry.TelemetryCodec;
import io.coldtrace.simulator.faults.FaultConfig;
import io.coldtrace.simulator.faults.FaultKind;
import io.coldtrace.simulator.publish.Publication;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each fault shows up at roughly its configured rate (±35 % over hundreds of expected occurrences). */
class FaultInjectionTest {
    private static final Instant START = Instant.parse("2025-01-15T00:00:00Z");
    private static final int HOURS = 48;
    private final TelemetryCodec codec = TelemetryCodec.withDefaults();

    private record Run(World world, List<Publication> published) {
        long deviceHours() {
            return (long) world.units().size() * HOURS;
        }

        int injected(FaultKind k) {
            return world.units().stream().mapToInt(u -> u.channel().injected().getOrDefault(k, 0)).sum();
        }
    }

    private static Run run(String faults) {
        World w = new World(new WorldConfig(11, START, 5, 3, 5, Duration.ofSeconds(60), Duration.ofSeconds(60),
                FaultConfig.parse(faults)));
        List<Publication> out = new ArrayList<>();
        for (int i = 0; i < HOURS * 60; i++) {
            out.addAll(w.tick(Duration.ofMinutes(1)));
        }
        return new Run(w, out);
    }

    private static void assertRoughly(double actual, double expected) {
        assertThat(expected).as("expected occurrences").isGreaterThan(100);
        assertThat(actual).isBetween(expected * 0.65, expected * 1.35);
    }

    @Test
    void dropoutLeavesOutMessagesWithoutUsingASeq() {
        Run r = run("dropout=0.05");
        long slots = r.deviceHours() * 60;

        assertRoughly(slots - r.published().size(), slots * 0.05);
        Map<String, Long> last = new HashMap<>();
        for (Publication p : r.published()) {
            long seq = codec.decodeTelemetry(p.payload(), r.world().now()).seq();
            assertThat(seq).isEqualTo(last.merge(p.deviceId(), 0L, (a, b) -> a + 1));
        }
    }

    @Test
    void probeMissingDropsOneProbeFromReadings() {
        Run r = run("probe_missing=0.05");
        long missing = r.published().stream()
                .flatMap(p -> codec.decodeTelemetry(p.payload(), r.world().now()).readings().stream())
                .filter(x -> x.productC() == null).count();

        assertRoughly(missing, r.published().size() * 0.05);
    }

    @Test
    void duplicatesRepeatTheSameBytesAndReorderSwapsNeighbours() {
        Run r = run("duplicates=0.03,reorder=0.03");
        int dups = 0;
        int swaps = 0;
        Map<String, Long> lastSeq = new HashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Publication p : r.published()) {
            long seq = codec.decodeTelemetry(p.payload(), r.world().now()).seq();
            if (!seen.add(p.deviceId() + "/" + seq)) {
                dups++;
                continue;
            }
            Long prev = lastSeq.put(p.deviceId(), seq);
            if (prev != null && seq < prev) {
                swaps++;
            }
        }

        assertRoughly(dups, r.published().size() * 0.03);
        assertRoughly(swaps, r.published().size() * 0.03);
        assertThat(r.injected(FaultKind.DUPLICATES)).isEqualTo(dups);
    }

    @Test
    void malformedPayloadsAreRejectedByTheCodecForEveryKindOfBreakage() {
        Run r = run("malformed=0.03");
        Set<RejectReason> reasons = EnumSet.noneOf(RejectReason.class);
        int rejected = 0;
        for (Publication p : r.published()) {
            try {
                DecodedTelemetry d = codec.decodeTelemetry(p.payload(), r.world().now());
                if (!d.rejected().isEmpty()) {
                    rejected++;
                    d.rejected().forEach(x -> reasons.add(x.reason()));
                }
            } catch (InvalidTelemetryException e) {
                rejected++;
                reasons.add(e.reason());
            }
        }

        assertRoughly(rejected, r.published().size() * 0.03);
        assertThat(rejected).isEqualTo(r.injected(FaultKind.MALFORMED));
        assertThat(reasons).containsExactlyInAnyOrder(RejectReason.MALFORMED_JSON, RejectReason.WRONG_TYPE,
                RejectReason.UNKNOWN_VERSION, RejectReason.NOT_FINITE, RejectReason.OUT_OF_RANGE,
                RejectReason.FUTURE_TIMESTAMP);
    }

    @Test
    void offlineDevicesUploadTheirBufferInOneMessage() {
        Run r = run("offline=0.1");
        long bulk = r.published().stream()
                .map(p -> codec.decodeTelemetry(p.payload(), r.world().now()))
                .peek(d -> assertThat(d.rejected()).isEmpty())
                .filter(d -> d.readings().size() >= 10).count();

        assertRoughly(r.injected(FaultKind.OFFLINE), r.deviceHours() * 0.1);
        assertThat(bulk).isBetween(r.injected(FaultKind.OFFLINE) - 5L, (long) r.injected(FaultKind.OFFLINE));
    }

    @Test
    void clockSkewShiftsDeviceTimestampsOffTheTrueClock() {
        Run r = run("clock_skew=0.1");
        long offGrid = r.published().stream()
                .flatMap(p -> codec.decodeTelemetry(p.payload(), r.world().now()).readings().stream())
                .filter(x -> x.ts().toEpochMilli() % 10_000 != 0).count(); // true report times fall on 10 s steps

        assertRoughly(r.injected(FaultKind.CLOCK_SKEW), r.deviceHours() * 0.1);
        assertThat(offGrid).isGreaterThan(r.injected(FaultKind.CLOCK_SKEW) * 30L);
    }

    @Test
    void doorLeftOpenAndCompressorFailuresHappenAtTheirHourlyRates() {
        Run r = run("door_open=0.1,compressor=0.1");

        assertRoughly(r.injected(FaultKind.DOOR_OPEN), r.deviceHours() * 0.1);
        assertRoughly(r.injected(FaultKind.COMPRESSOR), r.deviceHours() * 0.1);
        long nightDoors = r.published().stream()
                .filter(p -> p.deviceId().startsWith("CR-"))
                .flatMap(p -> codec.decodeTelemetry(p.payload(), r.world().now()).readings().stream())
                .filter(x -> x.doorOpen() && io.coldtrace.simulator.physics.Ambient.localHour(x.ts()) < 7)
                .count();
        assertThat(nightDoors).as("doors open at night only because of the fault").isPositive();
    }
}
