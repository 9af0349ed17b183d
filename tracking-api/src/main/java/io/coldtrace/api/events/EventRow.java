package io.coldtrace.api.events;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.coldtrace.core.ledger.EventChain;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An event of the ledger as stored. {@link #hashed()} is the one list of fields the chain hash covers (every stored
 * field but seq, prev_hash and hash); {@link #content()} the part a caller states, compared on an idempotent retry.
 */
public record EventRow(long seq, UUID id, String orgId, String clientEventId, String type, Instant eventTime,
                       String eventTzOffset, String siteId, String unitId, String plotId, String partyId,
                       String body, String recordedBy, Instant recordedAt, UUID correctsEventId,
                       String correctionReason, boolean lateRecorded, String prevHash, String hash) {
    /** The columns {@link #MAPPER} reads, for a query over {@code trace_event e}. */
    public static final String COLUMNS = """
            e.seq, e.id, e.org_id, e.client_event_id, e.type, e.event_time, e.event_tz_offset, e.site_id, e.unit_id, \
            e.plot_id, e.party_id, e.body::text AS body, e.recorded_by, e.recorded_at, e.corrects_event_id, \
            e.correction_reason, e.late_recorded, e.prev_hash, e.hash""";

    public static final RowMapper<EventRow> MAPPER = rs -> new EventRow(rs.getLong("seq"), rs.getObject("id", UUID.class),
            rs.getString("org_id"), rs.getString("client_event_id"), rs.getString("type"),
            Rows.instant(rs, "event_time"), rs.getString("event_tz_offset"), rs.getString("site_id"),
            rs.getString("unit_id"), rs.getString("plot_id"), rs.getString("party_id"), rs.getString("body"),
            rs.getString("recorded_by"), Rows.instant(rs, "recorded_at"),
            rs.getObject("corrects_event_id", UUID.class), rs.getString("correction_reason"),
            rs.getBoolean("late_recorded"), rs.getString("prev_hash"), rs.getString("hash"));

    /** What the caller states; two posts with one client_event_id must agree on it. */
    Map<String, Object> content() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("event_time", eventTime);
        m.put("event_tz_offset", eventTzOffset);
        m.put("site_id", siteId);
        m.put("unit_id", unitId);
        m.put("plot_id", plotId);
        m.put("party_id", partyId);
        m.put("body", new EventChain.Json(body));
        m.put("corrects_event_id", correctsEventId);
        m.put("correction_reason", correctionReason);
        return m;
    }

    /** What the caller posted: the content without the trace codes the server assigned (compared on a retry). */
    Map<String, Object> asPosted() {
        Map<String, Object> m = content();
        m.put("body", new EventChain.Json(AssignedCodes.withoutAssigned(body)));
        return m;
    }

    /** The fields the hash covers, under their column names. */
    Map<String, Object> hashed() {
        Map<String, Object> m = content();
        m.put("id", id);
        m.put("org_id", orgId);
        m.put("client_event_id", clientEventId);
        m.put("recorded_by", recordedBy);
        m.put("recorded_at", recordedAt);
        m.put("late_recorded", lateRecorded);
        return m;
    }

    /** The canonical text of {@link #hashed()}: what the hash covers besides the previous hash. */
    String canonical() {
        return EventChain.canonical(hashed());
    }

    /** The hash this event should carry after {@code previousHash}. */
    String expectedHash(String previousHash) {
        return EventChain.hash(previousHash, canonical());
    }

    /** The same event, linked after {@code previousHash}. */
    EventRow linkedAfter(String previousHash) {
        return linkedAfter(seq, previousHash, canonical());
    }

    /** The same event as number {@code seq}, linked after {@code previousHash}; {@code canonical} is its
     * {@link #canonical()}, computed beforehand (the bulk import does so before it locks the chain). */
    EventRow linkedAfter(long seq, String previousHash, String canonical) {
        return new EventRow(seq, id, orgId, clientEventId, type, eventTime, eventTzOffset, siteId, unitId, plotId,
                partyId, body, recordedBy, recordedAt, correctsEventId, correctionReason, lateRecorded, previousHash,
                EventChain.hash(previousHash, canonical));
    }

    /** The JSON of the API. */
    public JsonObject toJson() {
        return new JsonObject().put("id", id.toString()).put("seq", seq).put("org_id", orgId)
                .put("client_event_id", clientEventId).put("type", type).put("event_time", Rows.iso(eventTime))
                .put("event_tz_offset", eventTzOffset).put("site_id", siteId).put("unit_id", unitId)
                .put("plot_id", plotId).put("party_id", partyId).put("body", new JsonObject(body))
                .put("recorded_by", recordedBy).put("recorded_at", Rows.iso(recordedAt))
                .put("corrects_event_id", correctsEventId == null ? null : correctsEventId.toString())
                .put("correction_reason", correctionReason).put("late_recorded", lateRecorded)
                .put("prev_hash", prevHash).put("hash", hash);
    }
}
