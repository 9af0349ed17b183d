package io.coldtrace.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.simulator.physics.TemperatureClass;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThermalBehaviourTest {
    private static final Instant START = Instant.parse("2025-06-02T00:00:00Z"); // 08:00 in Shanghai

    private final World world = new World(new WorldConfig(7, START, 3, 4, 2, Duration.ofSeconds(60),
            Duration.ofSeconds(60), io.coldtrace.simulator.faults.FaultConfig.none()));
    private final String room = Decoded.firstUnitOf(world, TemperatureClass.CHILLED, ColdRoom.class);

    @Test
    void healthyChilledRoomKeepsItsProductInBandAndItsAirMostlyInBandOver24Hours() {
        List<Reading> rs = Decoded.readings(world, room, Duration.ofHours(24));

        assertThat(rs).hasSizeBetween(24 * 60 - 2, 24 * 60 + 1);
        assertThat(rs).allSatisfy(r -> assertThat(r.productC()).isBetween(0.0, 4.0));
        long airInBand = rs.stream().filter(r -> r.airC() >= 0.0 && r.airC() <= 4.0).count();
        assertThat(airInBand).isGreaterThan(rs.size() * 9 / 10);
        long quietInBand = rs.stream().filter(r -> !r.defrost() && !r.doorOpen())
                .filter(r -> r.airC() >= -0.5 && r.airC() <= 6.0).count();
        assertThat(quietInBand).isEqualTo(rs.stream().filter(r -> !r.defrost() && !r.doorOpen()).count());
    }

    @Test
    void compressorCyclesOnAndOffInAHealthyRoom() {
        List<Reading> rs = Decoded.readings(world, room, Duration.ofHours(6));

        assertThat(rs).anyMatch(Reading::compressorOn).anyMatch(r -> !r.compressorOn());
    }

    @Test
    void failedCompressorWarmsTheRoomAboveItsBand() {
        world.tick(Duration.ofHours(1));
        world.unit(room).failCompressor();

        List<Reading> rs = Decoded.readings(world, room, Duration.ofHours(12));

        assertThat(rs).noneMatch(Reading::compressorOn);
        assertThat(rs.get(rs.size() - 1).airC()).isGreaterThan(TemperatureClass.CHILLED.highC() + 1);
        assertThat(rs.get(rs.size() - 1).productC()).isGreaterThan(TemperatureClass.CHILLED.highC());
    }

    @Test
    void repairedCompressorBringsTheAirBackIntoBand() {
        world.unit(room).failCompressor();
        world.tick(Duration.ofHours(6));
        world.unit(room).repairCompressor();

        List<Reading> rs = Decoded.readings(world, room, Duration.ofHours(3));

        assertThat(rs.get(rs.size() - 1).airC()).isBetween(-1.0, 5.0);
    }

    @Test
    void doorLeftOpenRaisesTheAirTemperature() {
        world.tick(Duration.ofHours(12)); // 20:00 local: no working-hours door traffic
        double before = Decoded.readings(world, room, Duration.ofMinutes(5)).get(0).airC();
        world.unit(room).forceDoorOpen(Duration.ofMinutes(40));

        List<Reading> rs = Decoded.readings(world, room, Duration.ofMinutes(40));

        assertThat(rs).allMatch(Reading::doorOpen);
        assertThat(rs.stream().mapToDouble(Reading::airC).max().orElseThrow()).isGreaterThan(before + 3);
        assertThat(rs.stream().mapToDouble(Reading::productC).max().orElseThrow()).isLessThan(before + 5);
    }

    @Test
    void defrostCycleWarmsTheAirAndTheRoomRecoversAfterwards() {
        List<Reading> rs = Decoded.readings(world, room, Duration.ofHours(8));

        int first = indexOf(rs, true, 0);
        assertThat(first).as("a defrost within 6 h").isGreaterThanOrEqualTo(0);
        int end = indexOf(rs, false, first);
        assertThat(end).isGreaterThan(first);
        List<Reading> during = rs.subList(first, end);
        assertThat(during.size()).isBetween(19, 31);
        assertThat(during).noneMatch(Reading::compressorOn);
        assertThat(rs.get(end - 1).airC()).isGreaterThan(rs.get(first).airC() + 2);
        assertThat(rs.subList(end + 45, end + 60)).allSatisfy(r -> assertThat(r.airC()).isLessThan(4.5));
    }

    private static int indexOf(List<Reading> rs, boolean defrost, int from) {
        for (int i = from; i < rs.size(); i++) {
            if (rs.get(i).defrost() == defrost) {
                return i;
            }
        }
        return -1;
    }
}
