package io.coldtrace.ingest.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.ingest.alarms.AlarmChange.Cleared;
import io.coldtrace.ingest.alarms.AlarmChange.Raised;
import io.coldtrace.simulator.physics.TemperatureClass;
import io.coldtrace.simulator.world.SimUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenario tests on the simulator's seeded world in virtual time (seed 42, start Monday 08:00 Beijing time): realistic
 * series with compressor cycles, defrost every 6 h and working-hours door openings; alarms only where due.
 */
class SimulatedWorldAlarmTest {
    private static final long SEED = 42;

    private static List<Raised> raised(SimulatedUnits sim, String deviceId, Rule rule, Severity severity) {
        return sim.changes(deviceId).stream().filter(Raised.class::isInstance).map(Raised.class::cast)
                .filter(r -> r.rule() == rule && r.severity() == severity).toList();
    }

    @Test
    void coldRoomsRunningNormallyForTwoDaysWithDefrostAndDoorOpeningsRaiseNoAlarm() {
        SimulatedUnits sim = new SimulatedUnits(SEED);
        sim.run(Duration.ofHours(48));

        List<SimUnit> rooms = sim.world.units().stream().filter(u -> u.deviceId().startsWith("CR-")).toList();
        assertThat(rooms).extracting(SimUnit::temperatureClass)
                .contains(TemperatureClass.CHILLED, TemperatureClass.FROZEN, TemperatureClass.COOL);
        for (SimUnit room : rooms) {
            List<io.coldtrace.core.telemetry.Reading> readings = sim.readings(room.deviceId());
            assertThat(readings).hasSize(48 * 60);
            assertThat(readings).as("the series does contain defrost cycles and door openings")
                    .anyMatch(r -> Boolean.TRUE.equals(r.defrost()));
            assertThat(sim.changes(room.deviceId())).as(room.deviceId()).isEmpty();
        }
        SimUnit chilled = sim.room(TemperatureClass.CHILLED);
        assertThat(sim.readings(chilled.deviceId())).as("defrost and doors push the air past 8 °C briefly")
                .anyMatch(r -> r.airC() > 8.0).anyMatch(r -> Boolean.TRUE.equals(r.doorOpen()));
    }

    @Test
    void doorLeftOpenFortyMinutesRaisesDoorOpenAfterThirtyMinutesAndClearsWhenClosed() {
        SimulatedUnits sim = new SimulatedUnits(SEED);
        SimUnit room = sim.room(TemperatureClass.CHILLED);
        sim.run(Duration.ofHours(3));
        Instant forced = sim.world.now();
        room.forceDoorOpen(Duration.ofMinutes(40));
        sim.run(Duration.ofHours(2));

        List<Raised> door = raised(sim, room.deviceId(), Rule.DOOR_OPEN, Severity.WARNING);
        assertThat(door).hasSize(1);
        Raised r = door.get(0);
        assertThat(r.startedAt()).as("first reading after the door was forced open")
                .isBetween(forced, forced.plus(room.interval()));
        assertThat(r.raisedAt()).isEqualTo(r.startedAt().plus(Duration.ofMinutes(30)));
        assertThat(sim.changes(room.deviceId())).extracting(AlarmChange::rule).containsOnly(Rule.DOOR_OPEN);
        assertThat(sim.changes(room.deviceId())).filteredOn(Cleared.class::isInstance).singleElement()
                .satisfies(c -> assertThat(((Cleared) c).clearedAt()).isAfterOrEqualTo(forced.plus(
                        Duration.ofMinutes(40))).isBefore(forced.plus(Duration.ofMinutes(60))));
    }

    @Test
    void compressorFailureRaisesHighWarningThenCriticalInEveryChilledRoom() {
        SimulatedUnits sim = new SimulatedUnits(SEED);
        sim.run(Duration.ofHours(3));
        Instant failed = sim.world.now();
        List<SimUnit> rooms = sim.world.units().stream()
                .filter(u -> u.deviceId().startsWith("CR-") && u.temperatureClass() == TemperatureClass.CHILLED)
                .toList();
        rooms.forEach(SimUnit::failCompressor);
        sim.run(Duration.ofHours(48));

        assertThat(rooms).hasSizeGreaterThanOrEqualTo(3);
        for (SimUnit room : rooms) {
            List<Raised> warnings = raised(sim, room.deviceId(), Rule.HIGH, Severity.WARNING);
            List<Raised> criticals = raised(sim, room.deviceId(), Rule.HIGH, Severity.CRITICAL);
            assertThat(warnings).as(room.deviceId()).isNotEmpty();
            assertThat(criticals).as(room.deviceId()).isNotEmpty();
            Raised warning = warnings.get(0);
            Raised critical = criticals.get(0);
            // a loaded room warms slowly: the product holds the air down for hours, not minutes
            assertThat(warning.startedAt()).isAfter(failed.plus(Duration.ofHours(1)));
            assertThat(warning.raisedAt()).isAfterOrEqualTo(warning.startedAt().plus(Duration.ofMinutes(15)));
            assertThat(critical.raisedAt()).isAfter(warning.raisedAt())
                    .isAfterOrEqualTo(critical.startedAt().plus(Duration.ofMinutes(30)));
            assertThat(warning.value()).isGreaterThan(8.0);
            assertThat(critical.value()).isGreaterThan(10.0);
            assertThat(sim.changes(room.deviceId())).allMatch(c -> !c.startedAt().isBefore(failed));
        }
    }

    @Test
    void deviceOfflineThenBufferUploadRaisesNoFalseAlarm() {
        SimulatedUnits online = new SimulatedUnits(SEED);
        SimulatedUnits offline = new SimulatedUnits(SEED);
        SimUnit room = offline.room(TemperatureClass.CHILLED);
        online.run(Duration.ofHours(2));
        offline.run(Duration.ofHours(2));
        room.goOffline(Duration.ofHours(3)); // covers working-hours doors and a defrost; all arrives in one message
        online.run(Duration.ofHours(6));
        offline.run(Duration.ofHours(6));

        assertThat(offline.readings(room.deviceId())).isEqualTo(online.readings(room.deviceId()));
        assertThat(offline.changes(room.deviceId())).isEmpty();
        assertThat(offline.state(room.deviceId()).toJson()).isEqualTo(online.state(room.deviceId()).toJson());
    }

    @Test
    void aBreachInsideABufferedOutageIsRaisedAtItsDeviceTimeExactlyAsIfOnline() {
        SimulatedUnits online = new SimulatedUnits(SEED);
        SimulatedUnits offline = new SimulatedUnits(SEED);
        String frozen = offline.room(TemperatureClass.FROZEN).deviceId();
        online.run(Duration.ofHours(3));
        offline.run(Duration.ofHours(3));
        online.world.unit(frozen).failCompressor();
        offline.world.unit(frozen).failCompressor();
        offline.world.unit(frozen).goOffline(Duration.ofHours(2));
        online.run(Duration.ofHours(4));
        offline.run(Duration.ofHours(4));

        List<Raised> raised = raised(offline, frozen, Rule.HIGH, Severity.WARNING);
        assertThat(raised).as("a frozen room warms within the outage").isNotEmpty();
        assertThat(raised.get(0).raisedAt()).isBefore(online.world.now().minus(Duration.ofHours(2)));
        assertThat(offline.changes(frozen)).isEqualTo(online.changes(frozen));
    }
}
