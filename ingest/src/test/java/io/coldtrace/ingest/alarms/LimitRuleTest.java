package io.coldtrace.ingest.alarms;

import static io.coldtrace.ingest.alarms.Series.min;
import static io.coldtrace.ingest.alarms.Series.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.coldtrace.ingest.alarms.AlarmChange.Cleared;
import io.coldtrace.ingest.alarms.AlarmChange.PeakUpdated;
import io.coldtrace.ingest.alarms.AlarmChange.Raised;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitRuleTest {
    private static final Duration TEN = minutes(10);

    private static Profile.Builder chilled() {
        return Profile.builder("chilled").high(8.0, 10.0).low(0.0, -2.0).warnDelay(minutes(20))
                .critDelay(minutes(30)).hysteresis(0.5).clearDelay(minutes(10));
    }

    /**
     * domain.md excursion vector, 10-min readings 7.5, 8.2, 9.0, 10.1, 9.4, 8.6, 7.9 against L = 8 °C: the breach
     * starts at 8.2 (min 10) and has lasted 20 min at 10.1 (min 30), the third reading beyond the limit.
     */
    @Test
    void excursionVectorRaisesHighWarningAtTheThirdReadingBeyondTheLimit() {
        Series s = new Series(chilled().high(8.0, null).build());
        s.air(0, TEN, 7.5, 8.2, 9.0, 10.1, 9.4, 8.6, 7.9);

        assertThat(s.all(Raised.class)).containsExactly(new Raised(Rule.HIGH, Severity.WARNING, min(10), min(30),
                8.0, 10.1, "air 10.1 °C above 8.0 °C for 20 min"));
        assertThat(s.all(Cleared.class)).as("7.9 is inside by less than the hysteresis").isEmpty();
    }

    @Test
    void clearsAfterBeingInsideByTheHysteresisForTheClearDelay() {
        Series s = new Series(chilled().build());
        s.air(0, TEN, 7.5, 8.2, 9.0, 10.1, 9.4, 8.6, 7.9, 7.4, 7.0, 6.0);

        assertThat(s.all(Cleared.class)).containsExactly(
                new Cleared(Rule.HIGH, Severity.WARNING, min(10), min(80)));
    }

    @Test
    void aBreachShorterThanTheDelayRaisesNothingAndIsForgotten() {
        Series s = new Series(chilled().build());
        s.air(0, TEN, 5.0, 8.5, 9.5, 7.0, 6.0, 5.0, 8.5, 9.5, 7.0, 5.0);

        assertThat(s.changes).isEmpty();
        assertThat(s.state.toJson()).doesNotContain("episodes");
    }

    @Test
    void criticalIsASeparateAlarmWithItsOwnDelayAndPeak() {
        Series s = new Series(chilled().warnDelay(minutes(15)).critDelay(minutes(5)).build());
        s.air(0, minutes(5), 9.0, 10.5, 11.0, 10.8, 12.0, 9.0, 7.0, 7.0, 7.0, 7.0);

        assertThat(s.changes).containsExactly(
                new Raised(Rule.HIGH, Severity.CRITICAL, min(5), min(10), 10.0, 11.0,
                        "air 11.0 °C above 10.0 °C for 5 min"),
                new Raised(Rule.HIGH, Severity.WARNING, min(0), min(15), 8.0, 11.0,
                        "air 10.8 °C above 8.0 °C for 15 min (peak 11.0 °C)"),
                new PeakUpdated(Rule.HIGH, Severity.WARNING, min(0), 12.0),
                new PeakUpdated(Rule.HIGH, Severity.CRITICAL, min(5), 12.0),
                new Cleared(Rule.HIGH, Severity.CRITICAL, min(5), min(35)),
                new Cleared(Rule.HIGH, Severity.WARNING, min(0), min(40)));
    }

    @Test
    void lowWarningRaisesAndClearsMirroringHigh() {
        Series s = new Series(chilled().warnDelay(minutes(10)).build());
        s.air(0, minutes(5), 1.0, -0.5, -1.0, -0.8, -0.2, 0.6, 1.0, 1.5);

        assertThat(s.changes).containsExactly(
                new Raised(Rule.LOW, Severity.WARNING, min(5), min(15), 0.0, -1.0,
                        "air -0.8 °C below 0.0 °C for 10 min (peak -1.0 °C)"),
                new Cleared(Rule.LOW, Severity.WARNING, min(5), min(35)));
    }

    @Test
    void aValueExactlyAtTheLimitIsNotBeyondIt() {
        Series s = new Series(chilled().warnDelay(Duration.ZERO).build());
        s.air(0, TEN, 8.0, 8.0, 8.0);

        assertThat(s.changes).isEmpty();
    }

    @Test
    void zeroDelayRaisesAtTheFirstReadingBeyond() {
        Series s = new Series(chilled().warnDelay(Duration.ZERO).build());
        s.air(0, TEN, 7.0, 8.1);

        assertThat(s.all(Raised.class)).extracting(Raised::startedAt, Raised::raisedAt)
                .containsExactly(tuple(min(10), min(10)));
    }

    @Test
    void hysteresisKeepsOneAlarmOnANoisySignalAroundTheLimit() {
        Series s = new Series(chilled().warnDelay(minutes(5)).clearDelay(minutes(2)).build());
        double[] noisy = new double[120];
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] = 8.0 + (i % 2 == 0 ? 0.2 : -0.3) + (i % 7) * 0.02; // 7.7 .. 8.32, never 0.5 inside
        }
        s.air(0, Duration.ofSeconds(30), noisy);
        s.air(60, Duration.ofSeconds(30), 7.0, 7.0, 7.0, 7.0, 7.0);

        assertThat(s.all(Raised.class)).hasSize(1);
        assertThat(s.all(Cleared.class)).containsExactly(new Cleared(Rule.HIGH, Severity.WARNING, min(0), min(62)));
    }

    @Test
    void timeInsideTheLimitDoesNotCountTowardsTheDelayButDoesNotEndTheBreach() {
        Series s = new Series(chilled().warnDelay(minutes(20)).build());
        // beyond at 0, 10 (counts 10), inside by less than the hysteresis at 20, beyond at 30 (counts 10 more)
        s.air(0, TEN, 8.5, 8.5, 7.8, 8.5);

        assertThat(s.all(Raised.class)).extracting(Raised::startedAt, Raised::raisedAt)
                .containsExactly(tuple(min(0), min(30)));
    }

    @Test
    void aReadingBackInsideByLessThanTheHysteresisRestartsTheClearDelay() {
        Series s = new Series(chilled().warnDelay(Duration.ZERO).clearDelay(minutes(10)).build());
        s.air(0, minutes(5), 9.0, 7.0, 7.8, 7.0, 7.0, 7.0);

        assertThat(s.all(Cleared.class)).containsExactly(new Cleared(Rule.HIGH, Severity.WARNING, min(0), min(25)));
    }
}
