package io.coldtrace.ingest.write;

import io.coldtrace.core.telemetry.DecodedTelemetry;
import io.coldtrace.core.telemetry.DeviceStatus;
import io.coldtrace.core.telemetry.InvalidTelemetryException;
import io.coldtrace.core.telemetry.TelemetryCodec;
import io.coldtrace.core.telemetry.Topics;
import io.coldtrace.ingest.mqtt.Inbound;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns raw MQTT messages into storable items or dead letters. Never throws for any payload. */
public final class Decoder {
    private static final Logger LOG = LoggerFactory.getLogger(Decoder.class);
    private final TelemetryCodec codec;

    public Decoder(TelemetryCodec codec) {
        this.codec = codec;
    }

    public Decoded decode(Inbound in, Instant now) {
        Topics.Parsed topic = null;
        try {
            topic = Topics.parse(in.topic());
            if (topic.kind() == Topics.Kind.STATUS) {
                DeviceStatus s = codec.decodeStatus(in.payload());
                return new Decoded.Status(in, topic.deviceId(), topic.site(), s);
            }
            DecodedTelemetry t = codec.decodeTelemetry(in.payload(), now);
            List<DeadLetter> rejected = new ArrayList<>(t.rejected().size());
            for (DecodedTelemetry.Rejected r : t.rejected()) {
                rejected.add(new DeadLetter(in.receivedAt(), in.topic(), topic.deviceId(), t.seq(), r.index(),
                        r.reason().wire(), r.field(), r.message(), r.rawJson().getBytes(StandardCharsets.UTF_8)));
            }
            return new Decoded.Telemetry(in, topic.deviceId(), topic.site(), t.seq(), t.readings(), rejected);
        } catch (InvalidTelemetryException e) {
            return new Decoded.Rejected(in, new DeadLetter(in.receivedAt(), in.topic(),
                    topic == null ? null : topic.deviceId(), null, null, e.reason().wire(), e.field(), e.getMessage(),
                    in.payload()));
        } catch (RuntimeException e) {
            // a bug of ours, not the device's: keep the message as evidence rather than stall the stream on it
            LOG.error("decoder failed on a message from {}; dead-lettered as decoder_failure", in.topic(), e);
            return new Decoded.Rejected(in, new DeadLetter(in.receivedAt(), in.topic(),
                    topic == null ? null : topic.deviceId(), null, null, "decoder_failure", null, String.valueOf(e),
                    in.payload()));
        }
    }
}
