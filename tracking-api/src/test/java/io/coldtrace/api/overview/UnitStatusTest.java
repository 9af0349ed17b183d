package io.coldtrace.api.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.core.quality.Band;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitStatusTest {
    private static final Band CHILLED = new Band(0.0, 2.0, 8.0, 10.0);

    @ParameterizedTest
    @CsvSource({"5,ok", "8,ok", "8.1,warning", "10,warning", "10.1,critical", "2,ok", "1.9,warning", "-0.1,critical"})
    void aValueIsJudgedAgainstTheBandWithTheLimitsThemselvesInside(double value, String expected) {
        assertThat(UnitStatus.of(true, false, value, CHILLED)).isEqualTo(expected);
    }

    @Test
    void noReadingOrASilentDeviceOutrankTheValue() {
        assertThat(UnitStatus.of(false, false, 50.0, CHILLED)).isEqualTo(UnitStatus.NO_DATA);
        assertThat(UnitStatus.of(true, true, 50.0, CHILLED)).isEqualTo(UnitStatus.OFFLINE);
    }

    @Test
    void aMissingProbeValueIsNoDataAndNullLimitsAreOff() {
        assertThat(UnitStatus.of(true, false, null, CHILLED)).isEqualTo(UnitStatus.NO_DATA);
        assertThat(UnitStatus.of(true, false, 99.0, Band.NONE)).isEqualTo(UnitStatus.OK);
        assertThat(UnitStatus.of(true, false, 9.0, new Band(null, null, null, 8.0)))
                .isEqualTo(UnitStatus.CRITICAL);
    }
}
