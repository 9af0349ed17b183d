package io.coldtrace.ingest.alarms;

import static io.coldtrace.ingest.alarms.Series.min;
import static io.coldtrace.ingest.alarms.Series.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.core.telemetry.ProbeRole;
import io.coldtrace.ingest.alarms.AlarmChange.Cleared;
import io.coldtrace.ingest.alarms.AlarmChange.PeakUpdated;
import io.coldtrace.ingest.alarms.AlarmChange.Raised;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** DOOR_OPEN, RATE_OF_CHANGE, BATTERY_LOW and SENSOR_FAULT. */
class OtherRulesTest {

    private static Series door() {
        return new Series(Profile.builder("p").doorOpenMax(minutes(30)).build());
    }

    private static void doorEveryMinute(Series s, int fromMin, int toMin, Boolean open) {
        for (int m = fromMin; m < toMin; m++) {
            s.at(m, b -> b.air(3.0).door(open));
        }
    }

    @Test
    void doorOpenLongerThanTheMaximumRaisesAndClosingClears() {
        Series s = door();
        doorEveryMinute(s, 0, 5, false);
        doorEveryMinute(s, 5, 41, true);
        doorEveryMinute(s, 41, 43, false);

        assertThat(s.changes).containsExactly(
                new Raised(Rule.DOOR_OPEN, Severity.WARNING, min(5), min(35), 30.0, 30.0,
                        "door open for 30 min (max 30.0 min)"),
                new Cleared(Rule.DOOR_OPEN, Severity.WARNING, min(5), min(41)));
    }

    @Test
    void aDoorOpeningThatRecoversRaisesNothing() {
        Series s = door();
        doorEveryMinute(s, 0, 20, true);
        doorEveryMinute(s, 20, 21, false);
        doorEveryMinute(s, 21, 45, true);

        assertThat(s.changes).isEmpty();
    }

    @Test
    void readingsWithoutTheDoorChannelNeitherOpenNorCloseIt() {
        Series s = door();
        doorEveryMinute(s, 0, 1, true);
        doorEveryMinute(s, 1, 40, null);

        assertThat(s.changes).isEmpty();
        doorEveryMinute(s, 40, 41, true);
        assertThat(s.all(Raised.class)).extracting(Raised::startedAt, Raised::raisedAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(min(0), min(40)));
    }

    @Test
    void rateOfChangeIsJudgedOverAtLeastAMinuteAndTracksTheFastestRate() {
        Series s = new Series(Profile.builder("p").rateMax(0.5).clearDelay(Duration.ZERO).build());
        s.air(0, Duration.ofSeconds(10), 2.0, 2.6, 2.0, 2.6, 2.0, 2.6, 2.1); // noise within the minute: not judged
        s.at(2, b -> b.air(3.0));
        s.at(3, b -> b.air(4.5));
        s.at(4, b -> b.air(4.6));

        assertThat(s.changes).containsExactly(
                new Raised(Rule.RATE_OF_CHANGE, Severity.WARNING, min(1), min(2), 0.5, 3.0 - 2.1,
                        "air changing 0.9 °C/min, faster than 0.5 °C/min"),
                new PeakUpdated(Rule.RATE_OF_CHANGE, Severity.WARNING, min(1), 1.5),
                new Cleared(Rule.RATE_OF_CHANGE, Severity.WARNING, min(1), min(4)));
    }

    @Test
    void rateOfChangeClearsOnlyAfterTheClearDelay() {
        Series s = new Series(Profile.builder("p").rateMax(0.5).clearDelay(minutes(2)).build());
        s.air(0, minutes(1), 2.0, 3.0, 3.1, 3.1, 3.1);

        assertThat(s.all(Cleared.class)).containsExactly(
                new Cleared(Rule.RATE_OF_CHANGE, Severity.WARNING, min(0), min(4)));
    }

    @Test
    void batteryLowRaisesBelowTheThresholdAndClearsFivePointsAbove() {
        Series s = new Series(Profile.builder("p").batteryLow(20.0).build());
        double[] battery = {25, 21, 19.5, 19.0, 22, 24.9, 25.0, 21};
        for (int i = 0; i < battery.length; i++) {
            double b = battery[i];
            s.at(i, r -> r.air(3.0).battery(b));
        }

        assertThat(s.changes).containsExactly(
                new Raised(Rule.BATTERY_LOW, Severity.WARNING, min(2), min(2), 20.0, 19.5,
                        "battery 19.5 % below 20.0 %"),
                new PeakUpdated(Rule.BATTERY_LOW, Severity.WARNING, min(2), 19.0),
                new Cleared(Rule.BATTERY_LOW, Severity.WARNING, min(2), min(6)));
    }

    @Test
    void threeConsecutiveReadingsWithoutTheProbeRaiseASensorFault() {
        Series s = new Series(Profile.builder("p").probe(ProbeRole.PRODUCT).build());
        s.at(0, b -> b.air(3.0).product(3.0));
        s.at(1, b -> b.air(3.0));
        s.at(2, b -> b.air(3.0));
        s.at(3, b -> b.air(3.0));
        s.at(4, b -> b.air(3.0));
        s.at(5, b -> b.air(3.0).product(3.1));

        assertThat(s.changes).containsExactly(
                new Raised(Rule.SENSOR_FAULT, Severity.WARNING, min(1), min(3), null, null,
                        "product probe missing in 3 consecutive readings"),
                new Cleared(Rule.SENSOR_FAULT, Severity.WARNING, min(1), min(5)));
    }

    @Test
    void twoReadingsWithoutTheProbeAreNoSensorFault() {
        Series s = new Series(Profile.builder("p").probe(ProbeRole.PRODUCT).build());
        s.at(0, b -> b.air(3.0));
        s.at(1, b -> b.air(3.0));
        s.at(2, b -> b.air(3.0).product(3.0));
        s.at(3, b -> b.air(3.0));
        s.at(4, b -> b.air(3.0));

        assertThat(s.changes).isEmpty();
    }

    @Test
    void theEvaluatorNeverRaisesOffline() {
        Series s = new Series(Profile.builder("p").offlineFactor(3).build());
        s.at(0, b -> b.air(3.0));
        s.at(600, b -> b.air(3.0));

        assertThat(s.changes).isEmpty();
    }
}
