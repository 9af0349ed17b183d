package io.coldtrace.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetryCodecTest {
    private final TelemetryCodec codec = new TelemetryCodec(4096, Duration.ofMinutes(5), Duration.ofDays(400));
    private final Instant now = Instant.parse("2026-11-22T10:00:00Z");

    private DecodedTelemetry decode(String json) {
        return codec.decodeTelemetry(json.getBytes(StandardCharsets.UTF_8), now);
    }

    private static RejectReason reasonOf(Runnable r) {
        try {
            r.run();
        } catch (InvalidTelemetryException e) {
            return e.reason();
        }
        throw new AssertionError("no rejection");
    }

    @Test
    void encodeThenDecodeGivesBackEveryChannel() {
        Reading r = Reading.at(now.minusSeconds(60)).air(-18.5).temp(ProbeRole.RETURN_AIR, -17.0)
                .temp(ProbeRole.SUPPLY_AIR, -21.0).product(-18.1).rh(85.0).door(false).setpoint(-18.0).defrost(true)
                .compressor(false).battery(64.5).position(22.8170, 108.3665, 71.5).build();
        Reading bare = Reading.at(now.minusSeconds(30)).build();
        byte[] wire = codec.encode(new TelemetryMessage(1, 42, List.of(r, bare)));
        DecodedTelemetry d = codec.decodeTelemetry(wire, now);
        assertThat(d.seq()).isEqualTo(42);
        assertThat(d.rejected()).isEmpty();
        assertThat(d.readings()).containsExactly(r, bare);
    }

    @Test
    void wholeMessageRejectionsNameTheirReason() {
        assertThat(reasonOf(() -> decode("{\"v\":1,"))).isEqualTo(RejectReason.MALFORMED_JSON);
        assertThat(reasonOf(() -> decode("[1,2]"))).isEqualTo(RejectReason.MALFORMED_JSON);
        assertThat(reasonOf(() -> decode("{\"v\":1,\"v\":1,\"seq\":1,\"readings\":[]}")))
                .isEqualTo(RejectReason.MALFORMED_JSON);
        assertThat(reasonOf(() -> decode("{\"v\":2,\"seq\":1,\"readings\":[{\"ts\":1}]}")))
                .isEqualTo(RejectReason.UNKNOWN_VERSION);
        assertThat(reasonOf(() -> decode("{\"seq\":1,\"readings\":[]}"))).isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(reasonOf(() -> decode("{\"v\":1,\"readings\":[]}"))).isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(reasonOf(() -> decode("{\"v\":1,\"seq\":1.5,\"readings\":[]}"))).isEqualTo(RejectReason.WRONG_TYPE);
        assertThat(reasonOf(() -> decode("{\"v\":1,\"seq\":-1,\"readings\":[]}"))).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(reasonOf(() -> decode("{\"v\":1,\"seq\":1,\"readings\":{}}"))).isEqualTo(RejectReason.WRONG_TYPE);
        assertThat(reasonOf(() -> decode("{\"v\":1,\"seq\":1,\"readings\":[]}"))).isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(reasonOf(() -> decode("{\"v\":1,\"seq\":1,\"pad\":\"" + "x".repeat(5000) + "\",\"readings\":[]}")))
                .isEqualTo(RejectReason.TOO_LARGE);
    }

    @Test
    void badReadingsAreRejectedAloneWithTheirFieldAndTheRestIsKept() {
        long t = now.toEpochMilli() - 1000;
        DecodedTelemetry d = decode("{\"v\":1,\"seq\":7,\"readings\":["
                + "{\"ts\":" + t + ",\"temp\":{\"air\":2.0}},"
                + "{\"ts\":" + (t + 1) + ",\"temp\":{\"air\":NaN}},"
                + "{\"ts\":" + (t + 2) + ",\"temp\":{\"air\":-100}},"
                + "{\"ts\":" + (t + 3) + ",\"rh\":\"wet\"},"
                + "{\"ts\":" + (now.toEpochMilli() + 600_000) + "},"
                + "{\"ts\":" + (t + 5) + ",\"temp\":{\"coil\":1}},"
                + "{\"ts\":1000},"
                + "{\"temp\":{\"air\":1}},"
                + "{\"ts\":" + (t + 8) + ",\"lat\":30.0},"
                + "{\"ts\":" + t + ",\"temp\":{\"air\":3.0}},"
                + "{\"ts\":" + (t + 10) + ",\"door\":1},"
                + "{\"ts\":" + (t + 11) + ",\"rh\":Infinity},"
                + "{\"ts\":" + (t + 12) + ",\"temp\":{\"product\":4.5}}"
                + "]}");
        assertThat(d.readings()).extracting(Reading::ts)
                .containsExactly(Instant.ofEpochMilli(t), Instant.ofEpochMilli(t + 12));
        assertThat(d.rejected()).extracting(DecodedTelemetry.Rejected::reason).containsExactly(
                RejectReason.NOT_FINITE, RejectReason.OUT_OF_RANGE, RejectReason.WRONG_TYPE,
                RejectReason.FUTURE_TIMESTAMP, RejectReason.UNKNOWN_PROBE, RejectReason.TIMESTAMP_TOO_OLD,
                RejectReason.MISSING_FIELD, RejectReason.MISSING_FIELD, RejectReason.DUPLICATE_TIMESTAMP,
                RejectReason.WRONG_TYPE, RejectReason.NOT_FINITE);
        assertThat(d.rejected().get(0).field()).isEqualTo("readings[1].temp.air");
        assertThat(d.rejected().get(1).field()).isEqualTo("readings[2].temp.air");
        assertThat(d.rejected().get(2).field()).isEqualTo("readings[3].rh");
        assertThat(d.rejected().get(7).field()).isEqualTo("readings[8].lon");
        assertThat(d.rejected().get(0).rawJson()).contains("NaN");
    }

    @Test
    void statusRoundTripsAndBadStatesAreRejected() {
        DeviceStatus s = new DeviceStatus(DeviceStatus.State.OFFLINE, now, 60, "1.0.3");
        assertThat(codec.decodeStatus(codec.encode(s))).isEqualTo(s);
        assertThat(reasonOf(() -> codec.decodeStatus("{\"v\":1,\"state\":\"asleep\"}".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(reasonOf(() -> codec.decodeStatus("{\"v\":1,\"state\":\"online\",\"interval_s\":0}"
                .getBytes(StandardCharsets.UTF_8)))).isEqualTo(RejectReason.OUT_OF_RANGE);
    }

    @Test
    void topicsCarryTheDeviceIdentityAndRejectAnythingElse() {
        assertThat(Topics.parse(Topics.telemetry("gx-nanning-1", "CR-7")))
                .isEqualTo(new Topics.Parsed("gx-nanning-1", "CR-7", Topics.Kind.TELEMETRY));
        assertThat(Topics.parse("coldtrace/v1/s/d/status").kind()).isEqualTo(Topics.Kind.STATUS);
        for (String bad : List.of("coldtrace/v2/s/d/telemetry", "coldtrace/v1/s/d/firmware", "coldtrace/v1/s/telemetry",
                "coldtrace/v1/s p/d/telemetry", "coldtrace/v1/s/d/telemetry/x")) {
            assertThat(reasonOf(() -> Topics.parse(bad))).as(bad).isEqualTo(RejectReason.BAD_TOPIC);
        }
        assertThatThrownBy(() -> Topics.telemetry("has space", "d")).isInstanceOf(IllegalArgumentException.class);
    }
}
