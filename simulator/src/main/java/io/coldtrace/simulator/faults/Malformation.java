package io.coldtrace.simulator.faults;

import io.coldtrace.core.telemetry.RejectReason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Ways a device (or a buggy firmware) breaks a payload, each with the reason ingest must reject it for. Message-level
 * kinds make the whole message unusable; reading-level kinds reject the one reading (the codec keeps the others).
 */
public enum Malformation {
    BROKEN_JSON(RejectReason.MALFORMED_JSON, true),
    WRONG_TYPE(RejectReason.WRONG_TYPE, true),
    UNKNOWN_VERSION(RejectReason.UNKNOWN_VERSION, true),
    NAN(RejectReason.NOT_FINITE, false),
    IMPOSSIBLE_VALUE(RejectReason.OUT_OF_RANGE, false),
    FUTURE_TIMESTAMP(RejectReason.FUTURE_TIMESTAMP, false);

    /** Far beyond any accepted clock skew, yet still a future date after a backfill of up to a week. */
    static final Duration FUTURE = Duration.ofDays(7);

    private final RejectReason expected;
    private final boolean wholeMessage;

    Malformation(RejectReason expected, boolean wholeMessage) {
        this.expected = expected;
        this.wholeMessage = wholeMessage;
    }

    /** Why ingest rejects this payload. */
    public RejectReason expectedReason() {
        return expected;
    }

    /** True when the whole message is rejected; false when only its one reading is. */
    public boolean wholeMessage() {
        return wholeMessage;
    }

    /** A payload for a one-reading message with this seq and device time, broken this way. */
    public byte[] payload(long seq, Instant ts, double airC) {
        long ms = ts.toEpochMilli();
        String reading = "{\"ts\":" + ms + ",\"temp\":{\"air\":" + airC + "}}";
        String json = switch (this) {
            case BROKEN_JSON -> "{\"v\":1,\"seq\":" + seq + ",\"readings\":[{\"ts\":" + ms + ",\"temp\":{\"air\":";
            case WRONG_TYPE -> "{\"v\":1,\"seq\":\"" + seq + "\",\"readings\":[" + reading + "]}";
            case UNKNOWN_VERSION -> "{\"v\":2,\"seq\":" + seq + ",\"readings\":[" + reading + "]}";
            case NAN -> "{\"v\":1,\"seq\":" + seq + ",\"readings\":[{\"ts\":" + ms + ",\"temp\":{\"air\":NaN}}]}";
            case IMPOSSIBLE_VALUE -> "{\"v\":1,\"seq\":" + seq + ",\"readings\":[{\"ts\":" + ms
                    + ",\"temp\":{\"air\":-100.0}}]}";
            case FUTURE_TIMESTAMP -> "{\"v\":1,\"seq\":" + seq + ",\"readings\":[{\"ts\":"
                    + ts.plus(FUTURE).toEpochMilli() + ",\"temp\":{\"air\":" + airC + "}}]}";
        };
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
