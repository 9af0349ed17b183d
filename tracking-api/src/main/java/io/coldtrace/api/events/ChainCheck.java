package io.coldtrace.api.events;

import io.coldtrace.core.ledger.EventChain;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes chains: each event must link to the hash of the one before it in its organisation (genesis for the
 * first), its hash must be that of its stored fields, and the chain head must name the last event (events removed
 * from the end would otherwise go unnoticed). Reports the first mismatch.
 */
final class ChainCheck {
    private ChainCheck() {
    }

    /** {ok, events_checked, chains, first_mismatch: {org_id, id, seq, reason} or null}; events in org, seq order. */
    static JsonObject verify(List<EventRow> events, List<EventQueries.Head> heads) {
        Map<String, EventRow> last = new HashMap<>();
        int checked = 0;
        for (EventRow e : events) {
            EventRow before = last.get(e.orgId());
            String expectedPrev = before == null ? EventChain.GENESIS : before.hash();
            checked++;
            if (!expectedPrev.equals(e.prevHash())) {
                return result(checked, heads, mismatch(e.orgId(), e, before == null
                        ? "the first event of the chain does not link to genesis"
                        : "prev_hash does not match the hash of the previous event (seq " + before.seq() + ")"));
            }
            if (!e.expectedHash(e.prevHash()).equals(e.hash())) {
                return result(checked, heads, mismatch(e.orgId(), e, "hash does not match the event's stored fields"));
            }
            last.put(e.orgId(), e);
        }
        for (EventQueries.Head h : heads) {
            EventRow tail = last.get(h.orgId());
            String tailHash = tail == null ? EventChain.GENESIS : tail.hash();
            if (!tailHash.equals(h.lastHash())) {
                return result(checked, heads, mismatch(h.orgId(), tail, "the chain head (seq " + h.lastSeq()
                        + ") does not match the last event: events are missing from the end of the chain"));
            }
        }
        return result(checked, heads, null);
    }

    private static JsonObject mismatch(String org, EventRow e, String reason) {
        return new JsonObject().put("org_id", org).put("id", e == null ? null : e.id().toString())
                .put("seq", e == null ? null : e.seq()).put("reason", reason);
    }

    private static JsonObject result(int checked, List<EventQueries.Head> heads, JsonObject mismatch) {
        return new JsonObject().put("ok", mismatch == null).put("events_checked", checked)
                .put("chains", heads.size()).put("first_mismatch", mismatch);
    }
}
