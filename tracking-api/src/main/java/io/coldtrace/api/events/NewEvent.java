package io.coldtrace.api.events;

import io.coldtrace.api.http.Check;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An event as a caller posts it; the checks that need no database (references are checked by {@link EventLedger}).
 * {@code body} is the type-specific details as JSON object text; in this slice it is only required to be an object
 * (lots, quantities and mass balance come with the lots feature).
 */
public record NewEvent(String orgId, String clientEventId, String type, Instant eventTime, String eventTzOffset,
                       String siteId, String unitId, String plotId, String partyId, String body,
                       UUID correctsEventId, String correctionReason) {
    public static final List<String> TYPES = List.of("harvest", "pre_cool", "pack", "store_in", "move", "store_out",
            "load", "unload", "ship", "receive", "transform", "deliver", "loss", "correction");
    static final Set<String> FIELDS = Set.of("org_id", "client_event_id", "type", "event_time", "event_tz_offset",
            "site_id", "unit_id", "plot_id", "party_id", "body", "corrects_event_id", "correction_reason");
    /** ±hh:mm within -12:00..+14:00, as EPCIS writes eventTimeZoneOffset (the database checks the same shape). */
    static final Pattern OFFSET = Pattern.compile("^([+-])(0[0-9]|1[0-4]):([0-5][0-9])$");
    /** Clocks of handhelds drift; beyond this an event "in the future" is a mistake, not drift. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);
    /** Recorded this long after it happened: accepted, and flagged (FSMA 204 expects records within 24 h). */
    static final Duration LATE_AFTER = Duration.ofHours(24);

    public NewEvent {
        Check.optText("org_id", orgId, 64);
        Check.text("client_event_id", clientEventId, 128);
        Check.oneOf("type", type, TYPES);
        if (eventTime == null) {
            throw ClientError.invalid("event_time", "event_time is required");
        }
        var m = eventTzOffset == null ? null : OFFSET.matcher(eventTzOffset);
        if (m == null || !m.matches() || minutes(m.group(1), m.group(2), m.group(3)) < -12 * 60
                || minutes(m.group(1), m.group(2), m.group(3)) > 14 * 60) {
            throw ClientError.invalid("event_tz_offset", "event_tz_offset must be ±hh:mm within -12:00..+14:00, "
                    + "e.g. +08:00" + (eventTzOffset == null ? "" : "; was '" + eventTzOffset + "'"));
        }
        Check.optText("site_id", siteId, 64);
        Check.optText("unit_id", unitId, 64);
        Check.optText("plot_id", plotId, 64);
        Check.optText("party_id", partyId, 64);
        if (body == null) {
            throw ClientError.invalid("body", "body must be a JSON object of the event's details");
        }
        if (body.contains("\\u0000")) {
            // PostgreSQL text and jsonb cannot hold NUL
            throw ClientError.invalid("body", "body must not contain the NUL character");
        }
        if (type.equals("correction")) {
            if (correctsEventId == null) {
                throw ClientError.invalid("corrects_event_id", "a correction names the event it corrects");
            }
            Check.text("correction_reason", correctionReason, 1000);
        } else if (correctsEventId != null || correctionReason != null) {
            throw ClientError.invalid(correctsEventId != null ? "corrects_event_id" : "correction_reason",
                    "only a correction event names an event it corrects and a reason; this is a " + type);
        }
    }

    /** The event a request body describes. */
    static NewEvent from(JsonBody b) {
        JsonObject body = b.optObject("body");
        if (body != null && body.containsKey(AssignedCodes.KEY)) {
            throw ClientError.invalid("body." + AssignedCodes.KEY, "trace codes are assigned by the server");
        }
        String corrects = b.optText("corrects_event_id", 64);
        return new NewEvent(b.optText("org_id", 64), b.text("client_event_id", 128), b.text("type", 32),
                b.optInstant("event_time"), b.optText("event_tz_offset", 16), b.optText("site_id", 64),
                b.optText("unit_id", 64), b.optText("plot_id", 64), b.optText("party_id", 64),
                body == null ? null : body.encode(), uuid("corrects_event_id", corrects),
                b.optText("correction_reason", 1000));
    }

    /** Refuses an event dated more than the tolerance after {@code now}. */
    void notInTheFuture(Instant now) {
        if (eventTime.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw ClientError.invalid("event_time", "event_time " + eventTime + " is more than "
                    + FUTURE_TOLERANCE.toMinutes() + " minutes in the future");
        }
    }

    /** Whether an event recorded at {@code recordedAt} is late. */
    boolean lateAt(Instant recordedAt) {
        return Duration.between(eventTime, recordedAt).compareTo(LATE_AFTER) > 0;
    }

    NewEvent ownedBy(String org) {
        return new NewEvent(org, clientEventId, type, eventTime, eventTzOffset, siteId, unitId, plotId, partyId, body,
                correctsEventId, correctionReason);
    }

    private static UUID uuid(String field, String v) {
        if (v == null) {
            return null;
        }
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            throw ClientError.invalid(field, "no event " + v);
        }
    }

    private static int minutes(String sign, String hours, String mins) {
        int m = Integer.parseInt(hours) * 60 + Integer.parseInt(mins);
        return sign.equals("-") ? -m : m;
    }
}
