package io.coldtrace.ingest.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.core.telemetry.ProbeRole;
import io.coldtrace.core.telemetry.Reading;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ProfileTest {

    private static void rejects(UnaryOperator<Profile.Builder> change, String message) {
        assertThatThrownBy(() -> change.apply(Profile.builder("p")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void defaultsAreTheTableDefaults() {
        Profile p = Profile.builder("chilled-2-8").build();

        assertThat(p.probe()).isEqualTo(ProbeRole.AIR);
        assertThat(p.warnDelay()).isEqualTo(Duration.ofSeconds(900));
        assertThat(p.critDelay()).isEqualTo(Duration.ofSeconds(300));
        assertThat(p.delayMode()).isEqualTo(DelayMode.SINGLE);
        assertThat(p.hysteresisC()).isEqualTo(0.5);
        assertThat(p.clearDelay()).isEqualTo(Duration.ofSeconds(300));
        assertThat(p.suppressDefrost()).isTrue();
        assertThat(p.suppressDoor()).isTrue();
        assertThat(p.suppressCap()).isEqualTo(Duration.ofSeconds(2700));
        assertThat(p.highWarnC()).isNull();
        assertThat(p.doorOpenMax()).isNull();
    }

    @Test
    void probeValueReadsTheProfilesProbe() {
        Reading r = Reading.at(Series.T0).air(1.0).product(2.0).temp(ProbeRole.RETURN_AIR, 3.0).build();

        assertThat(Profile.builder("p").build().probeValue(r)).isEqualTo(1.0);
        assertThat(Profile.builder("p").probe(ProbeRole.PRODUCT).build().probeValue(r)).isEqualTo(2.0);
        assertThat(Profile.builder("p").probe(ProbeRole.RETURN_AIR).build().probeValue(r)).isEqualTo(3.0);
        assertThat(Profile.builder("p").probe(ProbeRole.SUPPLY_AIR).build().probeValue(r)).isNull();
    }

    @Test
    void rejectsBadIds() {
        assertThatThrownBy(() -> Profile.builder("-x").build()).hasMessageContaining("profile id");
        assertThatThrownBy(() -> Profile.builder(null).build()).hasMessageContaining("profile id");
        assertThatThrownBy(() -> Profile.builder("x".repeat(65)).build()).hasMessageContaining("profile id");
    }

    @Test
    void rejectsMissingRequiredFields() {
        rejects(b -> b.probe(null), "probe is required");
        rejects(b -> b.delayMode(null), "delayMode is required");
        rejects(b -> b.warnDelay(null), "warnDelay is required");
        rejects(b -> b.critDelay(null), "critDelay is required");
        rejects(b -> b.clearDelay(null), "clearDelay is required");
        rejects(b -> b.suppress(true, true, null), "suppressCap is required");
    }

    @Test
    void rejectsOutOfRangeValuesLikeTheTableChecks() {
        rejects(b -> b.warnDelay(Duration.ofSeconds(-1)), "warnDelay must be >= 0");
        rejects(b -> b.critDelay(Duration.ofSeconds(-1)), "critDelay must be >= 0");
        rejects(b -> b.clearDelay(Duration.ofSeconds(-1)), "clearDelay must be >= 0");
        rejects(b -> b.suppress(true, true, Duration.ofSeconds(-1)), "suppressCap must be >= 0");
        rejects(b -> b.hysteresis(-0.1), "hysteresisC must be >= 0");
        rejects(b -> b.hysteresis(Double.NaN), "hysteresisC must be >= 0");
        rejects(b -> b.doorOpenMax(Duration.ZERO), "doorOpenMax must be > 0");
        rejects(b -> b.escalateAfter(Duration.ofSeconds(-5)), "escalateAfter must be > 0");
        rejects(b -> b.offlineFactor(1), "offlineFactor must be within 2..100");
        rejects(b -> b.offlineFactor(101), "offlineFactor must be within 2..100");
        rejects(b -> b.rateMax(0.0), "rateMaxCPerMin must be > 0");
        rejects(b -> b.batteryLow(100.5), "batteryLowPct must be within 0..100");
        rejects(b -> b.batteryLow(-1.0), "batteryLowPct must be within 0..100");
        rejects(b -> b.high(Double.POSITIVE_INFINITY, null), "highWarnC must be finite");
        rejects(b -> b.low(null, Double.NaN), "lowCritC must be finite");
    }

    @Test
    void rejectsLimitsInTheWrongOrder() {
        rejects(b -> b.high(10.0, 8.0), "highWarnC 10.0 must be <= highCritC 8.0");
        rejects(b -> b.low(-2.0, 0.0), "lowWarnC -2.0 must be >= lowCritC 0.0");
        rejects(b -> b.high(8.0, null).low(8.0, null), "lowWarnC 8.0 must be < highWarnC 8.0");
    }

    @Test
    void acceptsEqualWarningAndCriticalLimitsAndNoLimitsAtAll() {
        assertThat(Profile.builder("p").high(8.0, 8.0).low(0.0, 0.0).build().highCritC()).isEqualTo(8.0);
        assertThat(Profile.builder("p").build().lowWarnC()).isNull();
    }
}
