package io.coldtrace.api.events;

import io.coldtrace.core.ledger.EventChain;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Recomputes chains one event at a time, in constant memory whatever their length: each event must link to the hash
 * of the one before it in its organisation (genesis for the first), its hash must be that of its stored fields, and
 * the chain head must name the last event (events removed from the end would otherwise go unnoticed). Feed it events
 * in organisation, seq order ({@link #event}), then call {@link #end}; it stops at the first mismatch.
 */
final class ChainCheck {
    private final Map<String, EventQueries.Head> heads = new LinkedHashMap<>();
    private final Set<String> walked = new HashSet<>();
    private String org;
    private String lastHash;
    private Long lastSeq;
    private UUID lastId;
    private long checked;
    private JsonObject mismatch;

    /** Checks the chains of {@code heads} (one per organisation in view). */
    ChainCheck(List<EventQueries.Head> heads) {
        heads.forEach(h -> this.heads.put(h.orgId(), h));
    }

    /** Starts {@code org}'s walk after event {@code seq} (null: genesis) of hash {@code hash}, checked before. */
    ChainCheck after(String startOrg, Long seq, String hash) {
        org = startOrg;
        lastSeq = seq;
        lastHash = hash;
        walked.add(startOrg);
        return this;
    }

    /** Checks the next event; false once a mismatch is found (the walk may stop). */
    boolean event(EventRow e) {
        if (mismatch != null) {
            return false;
        }
        if (!e.orgId().equals(org)) {
            if (org != null && !headMatches()) {
                return false;
            }
            org = e.orgId();
            lastHash = EventChain.GENESIS;
            lastSeq = null;
            lastId = null;
            walked.add(org);
        }
        checked++;
        if (!lastHash.equals(e.prevHash())) {
            mismatch = mismatch(org, e.id(), e.seq(), lastSeq == null
                    ? "the first event of the chain does not link to genesis"
                    : "prev_hash does not match the hash of the previous event (seq " + lastSeq + ")");
            return false;
        }
        if (!e.expectedHash(e.prevHash()).equals(e.hash())) {
            mismatch = mismatch(org, e.id(), e.seq(), "hash does not match the event's stored fields");
            return false;
        }
        lastHash = e.hash();
        lastSeq = e.seq();
        lastId = e.id();
        return true;
    }

    /** After the last event: the last chain's head, and the heads of organisations without events (genesis). */
    void end() {
        if (mismatch != null || org != null && !headMatches()) {
            return;
        }
        for (EventQueries.Head h : heads.values()) {
            if (!walked.contains(h.orgId()) && !EventChain.GENESIS.equals(h.lastHash())) {
                mismatch = headMismatch(h, null, null);
                return;
            }
        }
    }

    private boolean headMatches() {
        EventQueries.Head h = heads.get(org);
        if (h == null) {
            mismatch = mismatch(org, lastId, lastSeq, "the chain has no head: its trace_chain_head row is gone");
            return false;
        }
        if (!lastHash.equals(h.lastHash())) {
            mismatch = headMismatch(h, lastId, lastSeq);
            return false;
        }
        return true;
    }

    private static JsonObject headMismatch(EventQueries.Head h, UUID id, Long seq) {
        return mismatch(h.orgId(), id, seq, "the chain head (seq " + h.lastSeq()
                + ") does not match the last event: events are missing from the end of the chain");
    }

    static JsonObject mismatch(String org, UUID id, Long seq, String reason) {
        return new JsonObject().put("org_id", org).put("id", id == null ? null : id.toString()).put("seq", seq)
                .put("reason", reason);
    }

    boolean ok() {
        return mismatch == null;
    }

    /** The first mismatch, or null. */
    JsonObject mismatch() {
        return mismatch;
    }

    long checked() {
        return checked;
    }

    int chains() {
        return heads.size();
    }
}
