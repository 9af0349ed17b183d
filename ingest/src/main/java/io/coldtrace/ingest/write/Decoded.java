package io.coldtrace.ingest.write;

import io.coldtrace.core.telemetry.DeviceStatus;
import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.ingest.mqtt.Inbound;
import java.util.List;

/** One inbound message after decoding: telemetry to store, a status change, or a whole-message rejection. */
public sealed interface Decoded {
    Inbound in();

    /** Readings to store; {@code rejected} holds the readings of the same message that were dead-lettered. */
    record Telemetry(Inbound in, String deviceExt, String site, long seq, List<Reading> readings,
                     List<DeadLetter> rejected) implements Decoded {
    }

    /** A device's retained online/offline status. */
    record Status(Inbound in, String deviceExt, String site, DeviceStatus status) implements Decoded {
    }

    /** Nothing of the message can be kept. */
    record Rejected(Inbound in, DeadLetter deadLetter) implements Decoded {
    }
}
