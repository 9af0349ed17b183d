package io.coldtrace.simulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultConfigTest {
    @Test
    void parsesNamedRates() {
        FaultConfig c = FaultConfig.parse("dropout=0.01, duplicates=0.02,offline=0.5");

        assertThat(c.rate(FaultKind.DROPOUT)).isEqualTo(0.01);
        assertThat(c.rate(FaultKind.DUPLICATES)).isEqualTo(0.02);
        assertThat(c.rate(FaultKind.OFFLINE)).isEqualTo(0.5);
        assertThat(c.rate(FaultKind.MALFORMED)).isZero();
    }

    @Test
    void emptySpecMeansNoFaults() {
        assertThat(FaultConfig.parse("").rates()).isEmpty();
    }

    @Test
    void rejectsUnknownNamesMissingRatesAndImpossibleProbabilities() {
        assertThatThrownBy(() -> FaultConfig.parse("gremlins=0.1")).hasMessageContaining("dropout, probe_missing");
        assertThatThrownBy(() -> FaultConfig.parse("dropout")).hasMessageContaining("name=rate");
        assertThatThrownBy(() -> FaultConfig.parse("dropout=x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> FaultConfig.parse("dropout=1.5")).hasMessageContaining("within 0..1");
        assertThatThrownBy(() -> FaultConfig.parse("offline=-1")).hasMessageContaining(">= 0");
    }

    @Test
    void perDeviceHourRatesMayExceedOne() {
        assertThat(FaultConfig.parse("door_open=2").rate(FaultKind.DOOR_OPEN)).isEqualTo(2.0);
    }
}
