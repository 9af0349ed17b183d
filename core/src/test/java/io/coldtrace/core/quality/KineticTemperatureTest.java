package io.coldtrace.core.quality;

import static io.coldtrace.core.quality.Exposure.hours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MKT and time-weighted mean against the vectors of docs/domain.md §4. */
class KineticTemperatureTest {
    private static final List<Exposure> FOUR_STEPS = List.of(hours(5, 6), hours(7, 10), hours(11, 1.5), hours(6, 30));

    @Test
    void mktOfTheFourStepVectorIs6_31AndItsTimeWeightedMeanIs6_24() {
        assertThat(KineticTemperature.mkt(FOUR_STEPS)).isCloseTo(6.31, within(0.005));
        assertThat(KineticTemperature.timeWeightedMean(FOUR_STEPS)).isCloseTo(6.24, within(0.005));
    }

    @Test
    void mktOfTwoStepVectors() {
        assertThat(KineticTemperature.mkt(List.of(hours(5, 20), hours(15, 4)))).isCloseTo(7.70, within(0.005));
        assertThat(KineticTemperature.mkt(List.of(hours(5, 18), hours(14, 6)))).isCloseTo(8.29, within(0.005));
    }

    @Test
    void mktWeighsReadingsByTheTimeTheyRepresentNotByTheirCount() {
        // the same history as 20 + 4 equal hourly readings: identical figures
        List<Exposure> hourly = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            hourly.add(hours(5, 1));
        }
        for (int i = 0; i < 4; i++) {
            hourly.add(hours(15, 1));
        }
        assertThat(KineticTemperature.mkt(hourly)).isCloseTo(7.70, within(0.005));
        assertThat(KineticTemperature.mkt(List.of(hours(5, 20), hours(15, 4))))
                .isCloseTo(KineticTemperature.mkt(hourly), within(1e-9));
    }

    @Test
    void mktLiesBetweenTheMeanAndTheMaximumAndEqualsAConstantTemperature() {
        double mkt = KineticTemperature.mkt(FOUR_STEPS);
        assertThat(mkt).isGreaterThan(KineticTemperature.timeWeightedMean(FOUR_STEPS)).isLessThan(11);
        assertThat(KineticTemperature.mkt(List.of(hours(-18, 3), hours(-18, 1)))).isCloseTo(-18, within(1e-9));
    }

    @Test
    void zeroLengthExposuresCountForNothing() {
        List<Exposure> withZero = List.of(hours(5, 20), hours(40, 0), hours(15, 4));
        assertThat(KineticTemperature.mkt(withZero)).isCloseTo(7.70, within(0.005));
    }

    @Test
    void anEmptyHistoryIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> KineticTemperature.mkt(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no readings");
        assertThatThrownBy(() -> KineticTemperature.timeWeightedMean(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no readings");
        assertThatThrownBy(() -> KineticTemperature.mkt(List.of(new Exposure(5, Duration.ZERO))))
                .hasMessageContaining("cover no time");
    }

    @Test
    void badInputsAreRefused() {
        assertThatThrownBy(() -> new Exposure(Double.NaN, Duration.ofMinutes(1))).hasMessageContaining("finite");
        assertThatThrownBy(() -> new Exposure(5, Duration.ofMinutes(-1))).hasMessageContaining("negative");
        assertThatThrownBy(() -> KineticTemperature.mkt(FOUR_STEPS, 0)).hasMessageContaining("ΔH/R");
    }
}
