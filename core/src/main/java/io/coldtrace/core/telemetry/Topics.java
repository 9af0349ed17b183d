package io.coldtrace.core.telemetry;

import java.util.regex.Pattern;

/**
 * MQTT topic layout: {@code coldtrace/v1/{site}/{deviceId}/telemetry} and {@code .../status}. The device id is the
 * logger's identity (it keeps it when it moves from a room to a truck); the site segment is where it reports from.
 */
public final class Topics {
    public static final String ROOT = "coldtrace/v1";
    public static final String TELEMETRY_FILTER = ROOT + "/+/+/telemetry";
    public static final String STATUS_FILTER = ROOT + "/+/+/status";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");

    private Topics() {
    }

    /** Kind of message a topic carries. */
    public enum Kind { TELEMETRY, STATUS }

    /** A parsed topic. */
    public record Parsed(String site, String deviceId, Kind kind) {
    }

    public static String telemetry(String site, String deviceId) {
        return ROOT + "/" + requireSegment("site", site) + "/" + requireSegment("deviceId", deviceId) + "/telemetry";
    }

    public static String status(String site, String deviceId) {
        return ROOT + "/" + requireSegment("site", site) + "/" + requireSegment("deviceId", deviceId) + "/status";
    }

    /** Parses a topic or throws a {@link RejectReason#BAD_TOPIC} error naming what is wrong. */
    public static Parsed parse(String topic) {
        String[] p = topic.split("/", -1);
        if (p.length != 5 || !"coldtrace".equals(p[0]) || !"v1".equals(p[1])) {
            throw new InvalidTelemetryException(RejectReason.BAD_TOPIC, "topic",
                    "topic must be coldtrace/v1/{site}/{deviceId}/telemetry|status, was " + topic);
        }
        Kind kind = switch (p[4]) {
            case "telemetry" -> Kind.TELEMETRY;
            case "status" -> Kind.STATUS;
            default -> throw new InvalidTelemetryException(RejectReason.BAD_TOPIC, "topic",
                    "last topic level must be telemetry or status, was " + p[4]);
        };
        if (!SEGMENT.matcher(p[2]).matches() || !SEGMENT.matcher(p[3]).matches()) {
            throw new InvalidTelemetryException(RejectReason.BAD_TOPIC, "topic",
                    "site and deviceId must match " + SEGMENT.pattern() + ", topic was " + topic);
        }
        return new Parsed(p[2], p[3], kind);
    }

    private static String requireSegment(String name, String v) {
        if (v == null || !SEGMENT.matcher(v).matches()) {
            throw new IllegalArgumentException(name + " must match " + SEGMENT.pattern() + ", was " + v);
        }
        return v;
    }
}
