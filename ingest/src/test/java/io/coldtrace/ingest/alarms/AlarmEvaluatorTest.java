package io.coldtrace.ingest.alarms;

import static io.coldtrace.ingest.alarms.Series.min;
import static io.coldtrace.ingest.alarms.Series.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.ingest.alarms.AlarmChange.Cleared;
import io.coldtrace.ingest.alarms.AlarmChange.Raised;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Device-time front, persistence of the state, backfill, profile changes. */
class AlarmEvaluatorTest {
    private static final Profile PROFILE = Profile.builder("p").high(8.0, 10.0).low(0.0, null)
            .warnDelay(minutes(15)).critDelay(minutes(30)).delayMode(DelayMode.CUMULATIVE)
            .suppress(true, true, minutes(20)).doorOpenMax(minutes(10)).rateMax(1.0).batteryLow(20.0).build();

    /** A busy hour-long series touching every rule: warming with defrost and door, a dropped probe, low battery. */
    private static List<Reading> busySeries() {
        SplittableRandom rnd = new SplittableRandom(7);
        List<Reading> out = new ArrayList<>();
        Instant t = Series.T0;
        for (int i = 0; i < 400; i++) {
            double air = 3 + 8 * Math.sin(i / 40.0) + rnd.nextGaussian() * 0.3;
            Reading.Builder b = Reading.at(t).defrost(i % 90 < 20).door(i % 60 > 40).battery(30.0 - i / 20.0);
            if (i % 50 < 47) {
                b.air(Math.round(air * 10) / 10.0);
            }
            out.add(b.build());
            t = t.plusSeconds(30 + rnd.nextInt(60));
        }
        return out;
    }

    @Test
    void stateRoundTripsThroughJsonAfterEveryReadingAndEvaluationContinuesAsIfUninterrupted() {
        Series straight = new Series(PROFILE);
        Series restarted = new Series(PROFILE);
        for (Reading r : busySeries()) {
            straight.feed(r);
            String json = restarted.state.toJson();
            restarted.state = UnitAlarmState.fromJson(json); // ingest restarted here
            assertThat(restarted.state.toJson()).isEqualTo(json);
            restarted.feed(r);
        }

        assertThat(straight.changes).hasSizeGreaterThan(10)
                .extracting(c -> c.rule()).contains(Rule.HIGH, Rule.LOW, Rule.DOOR_OPEN, Rule.RATE_OF_CHANGE,
                        Rule.BATTERY_LOW, Rule.SENSOR_FAULT);
        assertThat(restarted.changes).isEqualTo(straight.changes);
        assertThat(restarted.state.toJson()).isEqualTo(straight.state.toJson());
    }

    @Test
    void ingestRestartedInTheMiddleOfAnAlarmContinuesTheSameEpisode() {
        Series s = new Series(Profile.builder("p").high(8.0, null).warnDelay(minutes(20)).build());
        s.air(0, minutes(10), 7.5, 8.2, 9.0);
        String saved = s.state.toJson();

        Series after = new Series(s.profile);
        after.state = UnitAlarmState.fromJson(saved);
        after.air(30, minutes(10), 10.1, 9.4, 8.6, 7.9, 7.0, 7.0);

        assertThat(after.state.evaluatedTo()).isEqualTo(min(80));
        assertThat(after.all(Raised.class)).extracting(Raised::startedAt, Raised::raisedAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(min(10), min(30)));
        assertThat(after.all(Cleared.class)).extracting(Cleared::clearedAt).containsExactly(min(80));
    }

    @Test
    void aLateReadingChangesNothing() {
        Series s = new Series(PROFILE);
        s.air(0, minutes(10), 9.0, 9.0);
        String before = s.state.toJson();

        assertThat(s.feed(Reading.at(min(5)).air(20.0).door(true).build())).isEmpty();
        assertThat(s.feed(Reading.at(min(10)).air(20.0).build())).as("same ts as the front").isEmpty();
        assertThat(s.state.toJson()).isEqualTo(before);
        assertThat(s.state.evaluatedTo()).isEqualTo(min(10));
    }

    @Test
    void backfilledBufferEvaluatedInOrderRaisesAtTheDeviceTimeOfTheBreach() {
        Series s = new Series(Profile.builder("p").high(8.0, null).warnDelay(minutes(15)).build());
        s.air(0, minutes(1), 3.0, 3.0);
        // offline from minute 2 to 120; then the buffer (one reading a minute) arrives at once, in order
        List<Double> buffered = new ArrayList<>();
        for (int m = 2; m <= 120; m++) {
            buffered.add(m >= 40 && m < 70 ? 9.0 : 3.0);
        }
        s.air(2, minutes(1), buffered.stream().mapToDouble(Double::doubleValue).toArray());

        assertThat(s.all(Raised.class)).extracting(Raised::startedAt, Raised::raisedAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(min(40), min(55)));
        assertThat(s.all(Cleared.class)).extracting(Cleared::clearedAt).containsExactly(min(75));
    }

    @Test
    void aBackfilledNormalPeriodAfterAGapRaisesNothing() {
        Series s = new Series(PROFILE);
        s.air(0, minutes(1), 3.0, 3.1);
        s.air(180, minutes(1), 3.2, 3.0, 2.9, 3.1);

        assertThat(s.changes).isEmpty();
    }

    @Test
    void switchingARuleOffClearsItsOpenAlarmAtTheNextReading() {
        Series s = new Series(Profile.builder("p").high(8.0, null).warnDelay(Duration.ZERO).build());
        s.air(0, minutes(1), 9.0);
        s.profile = Profile.builder("p").build();
        s.air(1, minutes(1), 9.5);

        assertThat(s.changes).containsExactly(
                new Raised(Rule.HIGH, Severity.WARNING, min(0), min(0), 8.0, 9.0, "air 9.0 °C above 8.0 °C for 0 min"),
                new Cleared(Rule.HIGH, Severity.WARNING, min(0), min(1)));
        assertThat(s.state.toJson()).doesNotContain("episodes");
    }

    @Test
    void initialStateHasNoFrontAndSerialisesCompactly() {
        UnitAlarmState s = UnitAlarmState.initial();

        assertThat(s.evaluatedTo()).isNull();
        assertThat(s.toJson()).isEqualTo("{}");
        assertThat(UnitAlarmState.fromJson("{}").toJson()).isEqualTo("{}");
    }

    @Test
    void fromJsonRejectsWhatIsNotAState() {
        assertThatThrownBy(() -> UnitAlarmState.fromJson("[1,2]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an alarm state");
        assertThatThrownBy(() -> UnitAlarmState.fromJson("{\"evaluatedTo\":\"yesterday\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wireNamesMatchTheAlarmTable() {
        assertThat(List.of(Rule.values())).extracting(Rule::wire).containsExactly("high", "low", "door_open",
                "offline", "rate_of_change", "battery_low", "sensor_fault");
        assertThat(List.of(Severity.values())).extracting(Severity::wire).containsExactly("warning", "critical");
        assertThat(Rule.fromWire("door_open")).isEqualTo(Rule.DOOR_OPEN);
        assertThat(Severity.fromWire("critical")).isEqualTo(Severity.CRITICAL);
        assertThat(DelayMode.fromWire("cumulative")).isEqualTo(DelayMode.CUMULATIVE);
        assertThatThrownBy(() -> Rule.fromWire("hot")).hasMessageContaining("'hot'");
        assertThatThrownBy(() -> Severity.fromWire("minor")).hasMessageContaining("'minor'");
        assertThatThrownBy(() -> DelayMode.fromWire("rolling")).hasMessageContaining("'rolling'");
    }
}
