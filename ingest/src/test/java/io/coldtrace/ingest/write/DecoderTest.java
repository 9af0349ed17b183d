package io.coldtrace.ingest.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.core.telemetry.DeviceStatus;
import io.coldtrace.core.telemetry.TelemetryCodec;
import io.coldtrace.ingest.mqtt.Inbound;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DecoderTest {
    private final Decoder decoder = new Decoder(TelemetryCodec.withDefaults());
    private final Instant now = Instant.parse("2026-11-22T10:00:00Z");

    private Decoded decode(String topic, String json) {
        return decoder.decode(new Inbound(1, 7, 1, topic, json.getBytes(StandardCharsets.UTF_8), now), now);
    }

    @Test
    void telemetryCarriesTheDeviceFromTheTopicAndItsBadReadingsAsDeadLetters() {
        long t = now.toEpochMilli() - 1000;
        Decoded d = decode("coldtrace/v1/ORG1/CR-ORG1-1/telemetry", "{\"v\":1,\"seq\":3,\"readings\":["
                + "{\"ts\":" + t + ",\"temp\":{\"air\":1.0}},{\"ts\":" + (t + 1) + ",\"temp\":{\"air\":-100}}]}");
        assertThat(d).isInstanceOf(Decoded.Telemetry.class);
        Decoded.Telemetry tel = (Decoded.Telemetry) d;
        assertThat(tel.deviceExt()).isEqualTo("CR-ORG1-1");
        assertThat(tel.site()).isEqualTo("ORG1");
        assertThat(tel.seq()).isEqualTo(3);
        assertThat(tel.readings()).hasSize(1);
        assertThat(tel.rejected()).singleElement().satisfies(dl -> {
            assertThat(dl.reason()).isEqualTo("out_of_range");
            assertThat(dl.deviceExt()).isEqualTo("CR-ORG1-1");
            assertThat(dl.readingIdx()).isEqualTo(1);
            assertThat(new String(dl.payload(), StandardCharsets.UTF_8)).contains("-100");
        });
    }

    @Test
    void statusAndWholeMessageRejections() {
        Decoded s = decode("coldtrace/v1/ORG1/CR-1/status", "{\"v\":1,\"state\":\"offline\"}");
        assertThat(((Decoded.Status) s).status().state()).isEqualTo(DeviceStatus.State.OFFLINE);

        Decoded bad = decode("coldtrace/v1/ORG1/CR-1/telemetry", "not json");
        assertThat(((Decoded.Rejected) bad).deadLetter().reason()).isEqualTo("malformed_json");
        assertThat(((Decoded.Rejected) bad).deadLetter().deviceExt()).isEqualTo("CR-1");

        Decoded topic = decode("coldtrace/v1/bad site/CR-1/telemetry", "{}");
        assertThat(((Decoded.Rejected) topic).deadLetter().reason()).isEqualTo("bad_topic");
        assertThat(((Decoded.Rejected) topic).deadLetter().deviceExt()).isNull();
    }
}
