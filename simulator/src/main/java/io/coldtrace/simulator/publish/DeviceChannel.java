package io.coldtrace.simulator.publish;

import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.core.telemetry.TelemetryCodec;
import io.coldtrace.core.telemetry.TelemetryMessage;
import io.coldtrace.core.telemetry.Topics;
import io.coldtrace.simulator.faults.FaultConfig;
import io.coldtrace.simulator.faults.FaultKind;
import io.coldtrace.simulator.faults.Malformation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A logger's way to the broker: numbers its messages (seq +1 per message), keeps its clock (possibly skewed), buffers
 * while offline and uploads the buffer in one message, and applies the per-message faults (dropout, missing probe,
 * duplicates, reordering, malformed payloads). Single-threaded, driven by the world's tick.
 */
public final class DeviceChannel {
    /** A logger's memory; older readings are overwritten, as on real loggers. */
    private static final int MAX_BUFFER = 2_000;

    private final String deviceId;
    private final String topic;
    private final TelemetryCodec codec;
    private final FaultConfig faults;
    private final SplittableRandom rng;

    private long nextSeq;
    private Duration skew = Duration.ZERO;
    private Instant skewUntil = Instant.MIN;
    private Instant offlineUntil = Instant.MIN;
    private final List<Reading> buffer = new ArrayList<>();
    private Publication held;
    private final EnumMap<FaultKind, Integer> injected = new EnumMap<>(FaultKind.class);

    public DeviceChannel(String site, String deviceId, TelemetryCodec codec, FaultConfig faults, SplittableRandom rng) {
        this.deviceId = deviceId;
        this.topic = Topics.telemetry(site, deviceId);
        this.codec = codec;
        this.faults = faults;
        this.rng = rng;
    }

    public String topic() {
        return topic;
    }

    /** Next seq this device will use. */
    public long nextSeq() {
        return nextSeq;
    }

    /** The device's own clock at true time {@code now}. */
    public Instant deviceTime(Instant now) {
        return now.isBefore(skewUntil) ? now.plus(skew) : now;
    }

    public boolean offline(Instant now) {
        return now.isBefore(offlineUntil);
    }

    /** Device clock runs {@code offset} off until {@code until}. */
    public void skewClock(Duration offset, Instant until) {
        skew = offset;
        skewUntil = until;
    }

    /** Device stops publishing until {@code until}, buffering its readings, then uploads them in one message. */
    public void goOffline(Instant until) {
        offlineUntil = until;
    }

    /** What the device publishes for this reading taken at true time {@code now} (maybe nothing, maybe several). */
    public List<Publication> report(Reading reading, Instant now) {
        if (offline(now)) {
            if (buffer.size() == MAX_BUFFER) {
                buffer.remove(0);
            }
            buffer.add(reading);
            return List.of();
        }
        if (!buffer.isEmpty()) {
            return List.of(bulkUpload(reading));
        }
        if (roll(FaultKind.DROPOUT)) {
            return List.of();
        }
        if (roll(FaultKind.PROBE_MISSING)) {
            reading = withoutOneProbe(reading);
        }
        long seq = nextSeq++;
        byte[] payload;
        if (roll(FaultKind.MALFORMED)) {
            Malformation m = Malformation.values()[rng.nextInt(Malformation.values().length)];
            payload = m.payload(seq, reading.ts(), reading.airC() != null ? reading.airC() : 0.0);
        } else {
            payload = codec.encode(new TelemetryMessage(TelemetryMessage.CURRENT_VERSION, seq, List.of(reading)));
        }
        Publication p = new Publication(deviceId, topic, payload, false);
        List<Publication> out = new ArrayList<>(3);
        out.add(p);
        if (roll(FaultKind.DUPLICATES)) {
            out.add(p);
        }
        if (held != null) {
            out.add(held); // the held-back message arrives after its successor
            held = null;
        } else if (roll(FaultKind.REORDER)) {
            held = p;
            out.remove(0);
        }
        return out;
    }

    private Publication bulkUpload(Reading current) {
        List<Reading> all = new ArrayList<>(buffer.size() + 1);
        Instant last = Instant.MIN;
        buffer.add(current);
        for (Reading r : buffer) {
            if (r.ts().isAfter(last)) { // a clock stepped back by skew must not repeat a ts within one message
                all.add(r);
                last = r.ts();
            }
        }
        buffer.clear();
        byte[] payload = codec.encode(new TelemetryMessage(TelemetryMessage.CURRENT_VERSION, nextSeq++, all));
        return new Publication(deviceId, topic, payload, false);
    }

    private boolean roll(FaultKind kind) {
        double p = faults.rate(kind);
        boolean hit = p > 0 && rng.nextDouble() < p;
        if (hit) {
            count(kind);
        }
        return hit;
    }

    /** Records an injected fault (hourly ones are rolled by the unit and counted here too). */
    public void count(FaultKind kind) {
        injected.merge(kind, 1, Integer::sum);
    }

    /** How often each fault was injected into this device so far. */
    public Map<FaultKind, Integer> injected() {
        return Map.copyOf(injected);
    }

    private static Reading withoutOneProbe(Reading r) {
        boolean dropProduct = r.productC() != null;
        return new Reading(r.ts(), dropProduct ? r.airC() : null, r.returnAirC(), r.supplyAirC(),
                dropProduct ? null : r.productC(), r.rhPct(), r.doorOpen(), r.setpointC(), r.defrost(),
                r.compressorOn(), r.batteryPct(), r.lat(), r.lon(), r.speedKmh());
    }
}
