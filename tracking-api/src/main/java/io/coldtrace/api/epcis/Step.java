package io.coldtrace.api.epcis;

import io.coldtrace.api.events.EventRow;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * What an event says happened, as the mapping reads it: a stored event, or the replacement a correction carries
 * (the same fields under the names of {@code POST /api/v1/events}).
 */
record Step(String orgId, String type, Instant eventTime, String offset, String siteId, String unitId,
            String plotId, String partyId, JsonObject body) {
    static Step of(EventRow e) {
        return new Step(e.orgId(), e.type(), e.eventTime(), e.eventTzOffset(), e.siteId(), e.unitId(), e.plotId(),
                e.partyId(), new JsonObject(e.body()));
    }

    /** The replacement a correction's body carries, or null (a void). */
    static Step replacement(String orgId, JsonObject correctionBody) {
        JsonObject r = correctionBody.getJsonObject("event");
        if (!"replace".equals(correctionBody.getString("action")) || r == null) {
            return null;
        }
        return new Step(orgId, r.getString("type"), OffsetDateTime.parse(r.getString("event_time")).toInstant(),
                r.getString("event_tz_offset"), r.getString("site_id"), r.getString("unit_id"),
                r.getString("plot_id"), r.getString("party_id"), r.getJsonObject("body", new JsonObject()));
    }

    /** What a stored event of the given fields says: for a correction that replaced, its replacement. */
    static Step effective(EventRow e) {
        return e.type().equals("correction") ? replacement(e.orgId(), new JsonObject(e.body())) : of(e);
    }
}
