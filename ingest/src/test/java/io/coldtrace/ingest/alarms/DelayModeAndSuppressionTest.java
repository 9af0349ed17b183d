package io.coldtrace.ingest.alarms;

import static io.coldtrace.ingest.alarms.Series.min;
import static io.coldtrace.ingest.alarms.Series.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.coldtrace.ingest.alarms.AlarmChange.Cleared;
import io.coldtrace.ingest.alarms.AlarmChange.Raised;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DelayModeAndSuppressionTest {
    private static final Duration TEN = minutes(10);
    private static final Duration FIVE = minutes(5);

    private static Profile.Builder warnOnly(DelayMode mode) {
        return Profile.builder("p").high(8.0, null).warnDelay(minutes(20)).delayMode(mode)
                .clearDelay(Duration.ZERO);
    }

    /** Two 10-min breaches, each shorter than the 20-min delay, separated by a return inside. */
    private static void twoShortBreaches(Series s) {
        s.air(0, TEN, 9.0, 9.0, 5.0, 9.0, 9.0, 5.0);
    }

    @Test
    void singleModeNeedsOneContinuousBreachAsLongAsTheDelay() {
        Series s = new Series(warnOnly(DelayMode.SINGLE).build());
        twoShortBreaches(s);

        assertThat(s.changes).isEmpty();
    }

    @Test
    void cumulativeModeAddsUpSeparateBreachesAndRaisesInTheBreachThatReachesTheDelay() {
        Series s = new Series(warnOnly(DelayMode.CUMULATIVE).build());
        twoShortBreaches(s);

        assertThat(s.changes).containsExactly(
                new Raised(Rule.HIGH, Severity.WARNING, min(30), min(40), 8.0, 9.0,
                        "air 9.0 °C above 8.0 °C for 20 min in total"),
                new Cleared(Rule.HIGH, Severity.WARNING, min(30), min(50)));
    }

    @Test
    void cumulativeCounterIsNotResetByClearingSoTheNextBreachRaisesAtOnce() {
        Series s = new Series(warnOnly(DelayMode.CUMULATIVE).build());
        twoShortBreaches(s);
        s.air(60, TEN, 9.0);

        assertThat(s.all(Raised.class)).extracting(Raised::startedAt, Raised::raisedAt)
                .containsExactly(tuple(min(30), min(40)), tuple(min(60), min(60)));
    }

    @Test
    void resolvingResetsTheCumulativeCounter() {
        Series s = new Series(warnOnly(DelayMode.CUMULATIVE).build());
        twoShortBreaches(s);
        s.evaluator.resolved(s.state, Rule.HIGH, Severity.WARNING);
        s.air(60, TEN, 9.0, 9.0, 9.0);

        assertThat(s.all(Raised.class)).extracting(Raised::startedAt, Raised::raisedAt)
                .containsExactly(tuple(min(30), min(40)), tuple(min(60), min(80)));
    }

    @Test
    void resolvingAnotherSeverityLeavesTheCounterAlone() {
        Series s = new Series(warnOnly(DelayMode.CUMULATIVE).build());
        twoShortBreaches(s);
        s.evaluator.resolved(s.state, Rule.HIGH, Severity.CRITICAL);
        s.air(60, TEN, 9.0);

        assertThat(s.all(Raised.class)).hasSize(2);
    }

    private static Profile suppressing(boolean defrost, boolean door, Duration cap) {
        return Profile.builder("p").high(8.0, 10.0).warnDelay(minutes(15)).critDelay(minutes(30))
                .suppress(defrost, door, cap).build();
    }

    private static void defrostAt(Series s, double value, int readings) {
        for (int i = 0; i < readings; i++) {
            s.at(i * 5.0, b -> b.air(value).defrost(true));
        }
    }

    @Test
    void defrostDelaysAWarningOnlyUpToTheCap() {
        Series s = new Series(suppressing(true, true, minutes(20)));
        defrostAt(s, 9.0, 10);

        // 20 min of the breach are suppressed, then 15 min must count: 0 + 20 + 15
        assertThat(s.all(Raised.class)).extracting(Raised::severity, Raised::startedAt, Raised::raisedAt)
                .containsExactly(tuple(Severity.WARNING, min(0), min(35)));
    }

    @Test
    void withoutDefrostTheSameBreachRaisesAfterTheDelay() {
        Series s = new Series(suppressing(true, true, minutes(20)));
        s.air(0, FIVE, 9.0, 9.0, 9.0, 9.0);

        assertThat(s.all(Raised.class)).extracting(Raised::raisedAt).containsExactly(min(15));
    }

    @Test
    void defrostIsNotSuppressedWhenTheProfileSaysSo() {
        Series s = new Series(suppressing(false, true, minutes(20)));
        defrostAt(s, 9.0, 4);

        assertThat(s.all(Raised.class)).extracting(Raised::raisedAt).containsExactly(min(15));
    }

    @Test
    void doorOpenSuppressesWarningTimeToo() {
        Series s = new Series(suppressing(false, true, minutes(10)));
        for (int i = 0; i < 6; i++) {
            s.at(i * 5.0, b -> b.air(9.0).door(true));
        }

        assertThat(s.all(Raised.class)).extracting(Raised::raisedAt).containsExactly(min(25));
    }

    @Test
    void defrostNeverDelaysACritical() {
        Series s = new Series(suppressing(true, true, minutes(45)));
        defrostAt(s, 11.0, 13);

        assertThat(s.all(Raised.class)).extracting(Raised::severity, Raised::raisedAt)
                .containsExactly(tuple(Severity.CRITICAL, min(30)), tuple(Severity.WARNING, min(60)));
    }

    @Test
    void theIntervalAfterTheLastDefrostReadingIsStillSuppressed() {
        // the logger cannot say when within the interval defrost ended; the cap bounds the benefit of the doubt
        Series s = new Series(suppressing(true, true, minutes(60)));
        s.at(0, b -> b.air(9.0).defrost(true));
        s.at(10, b -> b.air(9.0).defrost(false));
        s.at(20, b -> b.air(9.0).defrost(false));
        s.at(25, b -> b.air(9.0).defrost(false));

        assertThat(s.all(Raised.class)).extracting(Raised::raisedAt).containsExactly(min(25));
    }
}
