package io.coldtrace.api.overview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitStatusTest {
    private static final UnitStatus.Band CHILLED = new UnitStatus.Band(0f, 2f, 8f, 10f);

    @ParameterizedTest
    @CsvSource({"5,ok", "8,ok", "8.1,warning", "10,warning", "10.1,critical", "2,ok", "1.9,warning", "-0.1,critical"})
    void aValueIsJudgedAgainstTheBandWithTheLimitsThemselvesInside(float value, String expected) {
        assertThat(UnitStatus.of(true, false, value, CHILLED)).isEqualTo(expected);
    }

    @Test
    void noReadingOrASilentDeviceOutrankTheValue() {
        assertThat(UnitStatus.of(false, false, 50f, CHILLED)).isEqualTo(UnitStatus.NO_DATA);
        assertThat(UnitStatus.of(true, true, 50f, CHILLED)).isEqualTo(UnitStatus.OFFLINE);
    }

    @Test
    void aMissingProbeValueIsNoDataAndNullLimitsAreOff() {
        assertThat(UnitStatus.of(true, false, null, CHILLED)).isEqualTo(UnitStatus.NO_DATA);
        assertThat(UnitStatus.of(true, false, 99f, UnitStatus.Band.NONE)).isEqualTo(UnitStatus.OK);
        assertThat(UnitStatus.of(true, false, 9f, new UnitStatus.Band(null, null, null, 8f)))
                .isEqualTo(UnitStatus.CRITICAL);
    }
}
