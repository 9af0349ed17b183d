package io.coldtrace.simulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coldtrace.core.telemetry.DecodedTelemetry;
import io.coldtrace.core.telemetry.InvalidTelemetryException;
import io.coldtrace.core.telemetry.TelemetryCodec;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MalformationTest {
    private static final Instant NOW = Instant.parse("2025-05-01T03:00:00Z");
    private final TelemetryCodec codec = TelemetryCodec.withDefaults();

    @ParameterizedTest
    @EnumSource(value = Malformation.class)
    void ingestRejectsEachMalformationForItsExpectedReason(Malformation m) {
        byte[] payload = m.payload(7, NOW, 3.2);

        if (m.wholeMessage()) {
            InvalidTelemetryException e = catchThrowableOfType(InvalidTelemetryException.class,
                    () -> codec.decodeTelemetry(payload, NOW));
            assertThat(e).as(m.name()).isNotNull();
            assertThat(e.reason()).isEqualTo(m.expectedReason());
        } else {
            DecodedTelemetry d = codec.decodeTelemetry(payload, NOW);
            assertThat(d.readings()).isEmpty();
            assertThat(d.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo(m.expectedReason()));
        }
    }
}
