package io.coldtrace.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.core.telemetry.TelemetryCodec;
import io.coldtrace.simulator.faults.FaultConfig;
import io.coldtrace.simulator.publish.Publication;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TruckTimetableTest {
    private static final Instant T0 = Instant.parse("2025-07-01T00:00:00Z");

    @Test
    void aTruckIsInTheSamePlaceWhateverTheWorldsStartAndTickSize() {
        World early = new World(WorldConfig.defaults(42, T0));
        World late = new World(WorldConfig.defaults(42, T0.plus(Duration.ofHours(7)).plusSeconds(13)));
        early.tick(Duration.ofHours(20)); // 10 s steps
        for (int i = 0; i < 12 * 3600 + 3600 - 13; i++) { // one-second steps, as the live runner ticks
            late.tick(Duration.ofSeconds(1));
        }
        assertThat(late.now()).isEqualTo(early.now());
        for (int t = 0; t < early.trucks().size(); t++) {
            ReeferTruck a = early.trucks().get(t);
            ReeferTruck b = late.trucks().get(t);
            assertThat(List.of(b.lat(), b.lon(), b.speedKmh(), b.driving()))
                    .isEqualTo(List.of(a.lat(), a.lon(), a.speedKmh(), a.driving()));
        }
    }

    @Test
    void legsRunTheChainInOrderWithStopsBetweenAndCyclesFollowEachOther() {
        ReeferTruck truck = new World(WorldConfig.defaults(3, T0)).trucks().get(0);
        TruckTimetable tt = truck.timetable();
        long k = tt.cycleAt(T0);
        List<TruckTimetable.Leg> legs = tt.legs(k);
        assertThat(legs).extracting(l -> l.from().id() + ">" + l.to().id())
                .containsExactly("ORG1>DC1", "DC1>FWD1", "FWD1>ORG1");
        for (int i = 1; i < legs.size(); i++) {
            Duration stop = Duration.between(legs.get(i - 1).arrive(), legs.get(i).depart());
            assertThat(stop).isBetween(Duration.ofMinutes(45), Duration.ofMinutes(90));
        }
        assertThat(legs.get(legs.size() - 1).arrive()).isBefore(tt.cycleStart(k + 1));
        assertThat(tt.legs(k + 1).get(0).depart()).isAfter(tt.cycleStart(k + 1));
    }

    @Test
    void aScriptedReeferFailureWarmsCompartmentAOnItsLegAndShowsInItsTelemetry() {
        World w = new World(WorldConfig.defaults(42, T0).withFaults(FaultConfig.parse("reefer_failure=1")));
        TruckTimetable.Leg leg = w.trucks().get(0).timetable().legsDeparting(T0, T0.plus(Duration.ofDays(2))).get(0);
        assertThat(leg.fails()).isTrue();
        TelemetryCodec codec = TelemetryCodec.withDefaults();
        w.tick(Duration.between(T0, leg.failFrom()));
        double before = w.unit("TR-1-A").zone().airC();
        double maxDuring = before;
        while (w.now().isBefore(leg.failUntil())) {
            for (Publication p : w.tick(Duration.ofMinutes(1))) {
                if (p.deviceId().equals("TR-1-A")) {
                    for (Reading r : codec.decodeTelemetry(p.payload(), w.now()).readings()) {
                        assertThat(r.compressorOn()).as(r.ts().toString()).isEqualTo(!r.ts().isBefore(
                                leg.failUntil().plusSeconds(10)) && r.compressorOn());
                    }
                }
            }
            maxDuring = Math.max(maxDuring, w.unit("TR-1-A").zone().airC());
        }
        assertThat(maxDuring).isGreaterThan(before + 2);
        assertThat(w.unit("TR-1-A").temperatureClass().highC()).isLessThan(maxDuring);
    }
}
