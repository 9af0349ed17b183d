package io.coldtrace.core.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Excursion dose and excursion runs against docs/domain.md §4. */
class ExcursionsTest {
    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    private static final double[] VECTOR = {7.5, 8.2, 9.0, 10.1, 9.4, 8.6, 7.9};

    @Test
    void tenMinuteVectorAgainst8DegreesIs53DegreeMinutes() {
        List<Exposure> history = new ArrayList<>();
        for (double v : VECTOR) {
            history.add(Exposure.minutes(v, 10));
        }
        assertThat(ExcursionDose.above(history, 8)).isCloseTo(53, within(1e-9));
    }

    @Test
    void doseBelowALowLimitMirrorsTheHighOne() {
        List<Exposure> history = List.of(Exposure.minutes(1.5, 10), Exposure.minutes(-0.5, 10),
                Exposure.minutes(0.2, 20));
        // 2 °C low limit: 0.5·10 + 2.5·10 + 1.8·20
        assertThat(ExcursionDose.below(history, 2)).isCloseTo(66, within(1e-9));
        assertThat(ExcursionDose.above(history, 2)).isZero();
        assertThat(ExcursionDose.above(List.of(), 8)).isZero();
    }

    @Test
    void unequalIntervalsWeighEachReadingByTheTimeUntilTheNext() {
        // 9 °C for 5 min, 10 °C for 20 min, 7 °C: 1·5 + 2·20 = 45 °C·min above 8
        List<Sample> samples = List.of(at(0, 9), at(5, 10), at(25, 7));
        List<Exposure> held = Exposures.held(samples, T0.plusSeconds(30 * 60), Duration.ofHours(1));
        assertThat(held).extracting(Exposure::minutes).containsExactly(5d, 20d, 5d);
        assertThat(ExcursionDose.above(held, 8)).isCloseTo(45, within(1e-9));
    }

    @Test
    void theVectorIsOneExcursionWithItsStartEndPeakAndDose() {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < VECTOR.length; i++) {
            samples.add(at(10 * i, VECTOR[i]));
        }
        List<Excursion> runs = Excursions.find(samples, T0.plusSeconds(70 * 60), Duration.ofMinutes(10), 8,
                Excursion.Side.ABOVE);
        assertThat(runs).hasSize(1);
        Excursion e = runs.get(0);
        assertThat(e.start()).isEqualTo(T0.plusSeconds(10 * 60));
        assertThat(e.end()).isEqualTo(T0.plusSeconds(60 * 60));
        assertThat(e.duration()).isEqualTo(Duration.ofMinutes(50));
        assertThat(e.peakC()).isEqualTo(10.1);
        assertThat(e.degreeMinutes()).isCloseTo(53, within(1e-9));
    }

    @Test
    void aGapLongerThanTheHoldCapSplitsARunAndRunsAddUpToTheDose() {
        List<Sample> samples = List.of(at(0, 9), at(10, 9.5), at(60, 9), at(70, 4), at(80, 8.5));
        Instant end = T0.plusSeconds(90 * 60);
        Duration cap = Duration.ofMinutes(10);
        List<Excursion> runs = Excursions.find(samples, end, cap, 8, Excursion.Side.ABOVE);
        assertThat(runs).extracting(Excursion::start)
                .containsExactly(T0, T0.plusSeconds(60 * 60), T0.plusSeconds(80 * 60));
        assertThat(runs.get(0).end()).isEqualTo(T0.plusSeconds(20 * 60));
        assertThat(runs.get(0).peakC()).isEqualTo(9.5);
        double total = runs.stream().mapToDouble(Excursion::degreeMinutes).sum();
        assertThat(total).isCloseTo(ExcursionDose.above(Exposures.held(samples, end, cap), 8), within(1e-9));
    }

    @Test
    void lowExcursionsPeakAtTheColdestValue() {
        List<Sample> samples = List.of(at(0, 3), at(10, 1), at(20, -0.5), at(30, 1.5), at(40, 3));
        List<Excursion> runs = Excursions.find(samples, T0.plusSeconds(50 * 60), Duration.ofMinutes(10), 2,
                Excursion.Side.BELOW);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).peakC()).isEqualTo(-0.5);
        assertThat(runs.get(0).degreeMinutes()).isCloseTo(10 + 25 + 5, within(1e-9));
        assertThat(Excursions.find(List.of(), T0, Duration.ofMinutes(10), 2, Excursion.Side.BELOW)).isEmpty();
    }

    private static Sample at(int minute, double celsius) {
        return new Sample(T0.plusSeconds(minute * 60L), celsius);
    }
}
