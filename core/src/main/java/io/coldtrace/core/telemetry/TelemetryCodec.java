package io.coldtrace.core.telemetry;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coldtrace.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one telemetry wire codec (payload version 1), shared by devices (the simulator) and ingest. Decoding is strict
 * and names the offending field; a bad reading is rejected alone, the rest of its message is kept.
 */
public final class TelemetryCodec {
    /** The channels a reading carries in its {@code temp} object, and those at its top level, in payload order. */
    private static final List<Channel> PROBES = Channel.all().stream().filter(ch -> ch.probe() != null).toList();
    private static final List<Channel> TOP_LEVEL = Channel.all().stream().filter(ch -> ch.probe() == null).toList();

    /** Loggers with clocks before this are broken, not late. */
    private static final Instant EPOCH_FLOOR = Instant.parse("2015-01-01T00:00:00Z");

    private final ObjectMapper mapper = Json.mapper();
    private final int maxPayloadBytes;
    private final Duration maxFutureSkew;
    private final Duration maxAge;

    public TelemetryCodec(int maxPayloadBytes, Duration maxFutureSkew, Duration maxAge) {
        if (maxPayloadBytes < 256) {
            throw new IllegalArgumentException("maxPayloadBytes must be >= 256, was " + maxPayloadBytes);
        }
        this.maxPayloadBytes = maxPayloadBytes;
        this.maxFutureSkew = maxFutureSkew;
        this.maxAge = maxAge;
    }

    /** Codec with the documented defaults (1 MiB, 5 min future skew, 400 days age), e.g. for the simulator. */
    public static TelemetryCodec withDefaults() {
        return new TelemetryCodec(1 << 20, Duration.ofMinutes(5), Duration.ofDays(400));
    }

    // ---------------------------------------------------------------- decode

    /**
     * Decodes a telemetry payload received at {@code now}.
     *
     * @throws InvalidTelemetryException when the message as a whole is unusable (nothing of it can be kept)
     */
    public DecodedTelemetry decodeTelemetry(byte[] payload, Instant now) {
        JsonNode root = parseObject(payload);
        checkVersion(root);
        long seq = requireLong(root, "seq", "seq");
        if (seq < 0) {
            throw new InvalidTelemetryException(RejectReason.OUT_OF_RANGE, "seq", "seq must be >= 0, was " + seq);
        }
        JsonNode arr = root.get("readings");
        if (arr == null || arr.isNull()) {
            throw new InvalidTelemetryException(RejectReason.MISSING_FIELD, "readings", "readings is missing");
        }
        if (!arr.isArray()) {
            throw new InvalidTelemetryException(RejectReason.WRONG_TYPE, "readings", "readings must be an array");
        }
        if (arr.isEmpty()) {
            throw new InvalidTelemetryException(RejectReason.MISSING_FIELD, "readings", "readings is empty");
        }
        List<Reading> good = new ArrayList<>(arr.size());
        List<DecodedTelemetry.Rejected> bad = new ArrayList<>(0);
        Set<Instant> seen = new HashSet<>();
        Instant futureLimit = now.plus(maxFutureSkew);
        Instant pastLimit = now.minus(maxAge);
        for (int i = 0; i < arr.size(); i++) {
            JsonNode r = arr.get(i);
            try {
                Reading reading = decodeReading(r, i, futureLimit, pastLimit);
                if (!seen.add(reading.ts())) {
                    throw new InvalidTelemetryException(RejectReason.DUPLICATE_TIMESTAMP, "readings[" + i + "].ts",
                            "another reading in this message has ts " + reading.ts());
                }
                good.add(reading);
            } catch (InvalidTelemetryException e) {
                String field = e.field() == null || e.field().startsWith("readings[")
                        ? e.field() : "readings[" + i + "]." + e.field();
                bad.add(new DecodedTelemetry.Rejected(i, e.reason(), field, e.getMessage(), r.toString()));
            }
        }
        return new DecodedTelemetry(seq, good, bad);
    }

    /** Decodes a status payload. */
    public DeviceStatus decodeStatus(byte[] payload) {
        JsonNode root = parseObject(payload);
        checkVersion(root);
        String state = requireText(root, "state");
        DeviceStatus.State s = switch (state) {
            case "online" -> DeviceStatus.State.ONLINE;
            case "offline" -> DeviceStatus.State.OFFLINE;
            default -> throw new InvalidTelemetryException(RejectReason.OUT_OF_RANGE, "state",
                    "state must be online or offline, was " + state);
        };
        Instant ts = root.has("ts") ? Instant.ofEpochMilli(requireLong(root, "ts", "ts")) : null;
        Integer interval = root.has("interval_s") ? (int) requireLong(root, "interval_s", "interval_s") : null;
        String fw = root.has("fw") ? requireText(root, "fw") : null;
        return new DeviceStatus(s, ts, interval, fw);
    }

    private JsonNode parseObject(byte[] payload) {
        if (payload.length > maxPayloadBytes) {
            throw new InvalidTelemetryException(RejectReason.TOO_LARGE, null,
                    "payload is " + payload.length + " bytes, the limit is " + maxPayloadBytes);
        }
        JsonNode root;
        try {
            root = mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new InvalidTelemetryException(RejectReason.MALFORMED_JSON, null,
                    "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidTelemetryException(RejectReason.MALFORMED_JSON, null, "payload must be a JSON object");
        }
        return root;
    }

    private static void checkVersion(JsonNode root) {
        long v = requireLong(root, "v", "v");
        if (v != TelemetryMessage.CURRENT_VERSION) {
            throw new InvalidTelemetryException(RejectReason.UNKNOWN_VERSION, "v",
                    "unknown payload version " + v + " (this ingest reads version " + TelemetryMessage.CURRENT_VERSION + ")");
        }
    }

    private static Reading decodeReading(JsonNode r, int i, Instant futureLimit, Instant pastLimit) {
        String at = "readings[" + i + "].";
        if (!r.isObject()) {
            throw new InvalidTelemetryException(RejectReason.WRONG_TYPE, "readings[" + i + "]", "a reading must be an object");
        }
        Instant ts = Instant.ofEpochMilli(requireLong(r, "ts", at + "ts"));
        if (ts.isAfter(futureLimit)) {
            throw new InvalidTelemetryException(RejectReason.FUTURE_TIMESTAMP, at + "ts",
                    "ts " + ts + " is beyond the allowed clock skew (limit " + futureLimit + ")");
        }
        if (ts.isBefore(pastLimit) || ts.isBefore(EPOCH_FLOOR)) {
            throw new InvalidTelemetryException(RejectReason.TIMESTAMP_TOO_OLD, at + "ts",
                    "ts " + ts + " is older than the accepted age (limit " + pastLimit + ")");
        }
        Reading.Builder b = Reading.at(ts);
        JsonNode temp = r.get("temp");
        if (temp != null && !temp.isNull()) {
            if (!temp.isObject()) {
                throw new InvalidTelemetryException(RejectReason.WRONG_TYPE, at + "temp", "temp must be an object of role: °C");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = temp.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                ProbeRole role = ProbeRole.fromWire(e.getKey());
                if (role == null) {
                    throw new InvalidTelemetryException(RejectReason.UNKNOWN_PROBE, at + "temp." + e.getKey(),
                            "unknown probe role '" + e.getKey() + "' (" + String.join(", ", ProbeRole.WIRES) + ")");
                }
                b.temp(role, number(e.getValue(), at + "temp." + e.getKey()));
            }
        }
        for (Channel ch : TOP_LEVEL) {
            b.set(ch, ch.type() == Channel.SqlType.BOOLEAN ? optBool(r, ch.wire(), at) : optNumber(r, ch.wire(), at));
        }
        try {
            return b.build();
        } catch (InvalidTelemetryException e) {
            throw new InvalidTelemetryException(e.reason(), at + e.field(), e.getMessage());
        }
    }

    private static long requireLong(JsonNode n, String name, String path) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw new InvalidTelemetryException(RejectReason.MISSING_FIELD, path, path + " is missing");
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new InvalidTelemetryException(RejectReason.WRONG_TYPE, path, path + " must be an integer, was " + v);
        }
        return v.longValue();
    }

    private static String requireText(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw new InvalidTelemetryException(RejectReason.MISSING_FIELD, name, name + " is missing");
        }
        if (!v.isTextual()) {
            throw new InvalidTelemetryException(RejectReason.WRONG_TYPE, name, name + " must be a string, was " + v);
        }
        return v.textValue();
    }

    private static Double optNumber(JsonNode r, String name, String at) {
        JsonNode v = r.get(name);
        return v == null || v.isNull() ? null : number(v, at + name);
    }

    private static Double number(JsonNode v, String path) {
        if (!v.isNumber()) {
            throw new InvalidTelemetryException(RejectReason.WRONG_TYPE, path, path + " must be a number, was " + v);
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw new InvalidTelemetryException(RejectReason.NOT_FINITE, path, path + " is " + d);
        }
        return d;
    }

    private static Boolean optBool(JsonNode r, String name, String at) {
        JsonNode v = r.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new InvalidTelemetryException(RejectReason.WRONG_TYPE, at + name, at + name + " must be true or false, was " + v);
        }
        return v.booleanValue();
    }

    // ---------------------------------------------------------------- encode

    /** Encodes a message as version-1 JSON. */
    public byte[] encode(TelemetryMessage m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 160 * m.readings().size());
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", m.version());
            g.writeNumberField("seq", m.seq());
            g.writeArrayFieldStart("readings");
            for (Reading r : m.readings()) {
                writeReading(g, r);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Encodes a status message. */
    public byte[] encode(DeviceStatus s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(96);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", TelemetryMessage.CURRENT_VERSION);
            g.writeStringField("state", s.state() == DeviceStatus.State.ONLINE ? "online" : "offline");
            if (s.ts() != null) g.writeNumberField("ts", s.ts().toEpochMilli());
            if (s.intervalS() != null) g.writeNumberField("interval_s", s.intervalS());
            if (s.firmware() != null) g.writeStringField("fw", s.firmware());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeReading(JsonGenerator g, Reading r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("ts", r.ts().toEpochMilli());
        boolean anyTemp = false;
        for (Channel ch : PROBES) {
            anyTemp |= ch.valueIn(r) != null;
        }
        if (anyTemp) {
            g.writeObjectFieldStart("temp");
            for (Channel ch : PROBES) {
                write(g, ch.wire(), ch.valueIn(r));
            }
            g.writeEndObject();
        }
        for (Channel ch : TOP_LEVEL) {
            write(g, ch.wire(), ch.valueIn(r));
        }
        g.writeEndObject();
    }

    private static void write(JsonGenerator g, String name, Object v) throws IOException {
        if (v instanceof Boolean b) {
            g.writeBooleanField(name, b);
        } else if (v != null) {
            g.writeNumberField(name, (Double) v);
        }
    }
}
