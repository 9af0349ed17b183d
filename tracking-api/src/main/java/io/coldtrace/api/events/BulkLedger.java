package io.coldtrace.api.events;

import io.coldtrace.api.db.CopyStream;
import io.coldtrace.api.events.EventLedger.Appended;
import io.coldtrace.api.events.LotQueries.Shortfall;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.orgs.OrgQueries;
import io.coldtrace.core.ledger.EventChain;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Appends many events of one organisation in one transaction, in their order, with the rules of
 * {@link EventLedger#append} and {@link LotProjection}: later events of the request see the lots earlier ones bore
 * and moved. Before the chain is locked (as a single POST checks before it locks), each event's plan is made from its
 * body as parsed once, with the master data it names read once, and its row is made up to the chain link (the
 * canonical text its hash covers); with the chain head locked, retried client_event_ids are found with one query, the
 * lots named are read with two and held in {@link BatchLots}, each row is linked and the rows are written with one
 * COPY per table; before commit the SQL mass balance is checked once over every lot touched. A refusal names
 * {@code events[i].field} and stores nothing.
 */
final class BulkLedger {
    /** Events per request: a few seconds of work, a few MB of JSON. */
    static final int MAX_EVENTS = 5_000;

    /** An event as posted, with its body as parsed from the request. */
    record Posted(NewEvent event, JsonObject body) {
    }

    /**
     * An event made ready before the chain is locked: its plan or the refusal of its body (thrown in turn, after the
     * refusals of the events before it), and its row (seq 0, not linked) with the canonical text its hash covers.
     */
    private record Ready(NewEvent event, EventPlan plan, ClientError refused, EventRow row, String canonical) {
        EventPlan planOrRefusal() {
            if (refused != null) {
                throw refused;
            }
            return plan;
        }
    }

    private BulkLedger() {
    }

    /** The events of {@code org}, appended in order; each as stored, and whether this call stored it. */
    static List<Appended> appendAll(Connection c, String org, List<Posted> posted, String recordedBy, Instant now)
            throws SQLException {
        // the events are sent as they are linked and stored by the server while the next ones are checked; a lookup
        // in between (a lot or an external code not read before) first ends an open COPY, and what needs the events
        // stored (a correction, the checks before commit) ends it by write
        try (CopyStream stored = EventQueries.rows(c)) {
            return appendAll(stored.guard(), stored, org, posted, recordedBy, now);
        }
    }

    private static List<Appended> appendAll(Connection c, CopyStream stored, String org, List<Posted> posted,
                                            String recordedBy, Instant now) throws SQLException {
        Instant recordedAt = EventChain.stored(now);
        OrgQueries.requireExists(c, org, "org_id");
        BatchLots lots = new BatchLots(c, org);
        List<Ready> events = ready(lots, posted, recordedBy, recordedAt);
        // the lots are read with the chain locked: no other append of the organisation can change them meanwhile
        String previous = EventQueries.lockHead(c, org, EventChain.GENESIS);
        lots.preload(lotsNamed(events));
        Map<String, EventRow> known = new HashMap<>();
        for (EventRow r : EventQueries.byClientIds(c, org, events.stream().map(e -> e.event().clientEventId())
                .distinct().toArray(String[]::new))) {
            known.put(r.clientEventId(), r);
        }
        Set<String> fresh = new HashSet<>();
        events.forEach(e -> {
            if (!known.containsKey(e.event().clientEventId())) {
                fresh.add(e.event().clientEventId());
            }
        });
        long[] seqs = EventQueries.nextSeqs(c, fresh.size());
        int nextSeq = 0;
        List<Appended> out = new ArrayList<>(events.size());
        EventRow last = null;
        for (int i = 0; i < events.size(); i++) {
            Ready ready = events.get(i);
            NewEvent e = ready.event();
            lots.eventIndex(i);
            try {
                boolean correction = e.type().equals("correction");
                if (correction) {
                    // a correction may name an event of this request, and is applied by its own statements
                    write(lots, stored);
                }
                EventLedger.check(lots, e, recordedAt);
                EventRow earlier = known.get(e.clientEventId());
                if (earlier != null) {
                    out.add(EventLedger.retried(earlier, ready.row()));
                    continue;
                }
                EventRow row = ready.row().linkedAfter(seqs[nextSeq++], previous, ready.canonical());
                EventQueries.add(stored, row);
                if (correction) {
                    write(lots, stored);
                    LotProjection.apply(c, row);
                    lots.forgetLots();
                } else {
                    LotProjection.apply(lots, row, ready.planOrRefusal());
                }
                known.put(e.clientEventId(), row);
                previous = row.hash();
                last = row;
                out.add(new Appended(row, true));
            } catch (ClientError err) {
                throw err.within("events[" + i + "]");
            }
        }
        write(lots, stored);
        Optional<Shortfall> s = LotQueries.firstShortfall(c, lots.touched().toArray(java.util.UUID[]::new));
        if (s.isPresent()) {
            throw ClientError.invalid("events[" + lots.firstEventOf(s.get().lotId()) + "]", "a lot would hold "
                    + s.get().balance().toPlainString() + " at " + s.get().place() + " at " + s.get().at()
                    + " (mass balance never goes negative)");
        }
        if (last != null) {
            EventQueries.moveHead(c, last);
        }
        return out;
    }

    /** Stores the events sent, then what they did to lots. */
    private static void write(BatchLots lots, CopyStream stored) throws SQLException {
        stored.end();
        lots.flush();
    }

    /**
     * Each event made ready: its plan (not for a correction, which is applied by its own statements) and row; the
     * master data the events name is read into {@code lots} on the way.
     */
    private static List<Ready> ready(LotStore lots, List<Posted> posted, String recordedBy, Instant recordedAt)
            throws SQLException {
        List<Ready> out = new ArrayList<>(posted.size());
        for (Posted p : posted) {
            NewEvent e = p.event();
            EventPlan plan = null;
            ClientError refused = null;
            if (!e.type().equals("correction")) {
                try {
                    // the places and parties it names are read now; the loop checks them again, in turn, from these
                    EventLedger.references(lots, e);
                } catch (ClientError refusedInTurn) {
                    // named with its index by the loop
                }
                try {
                    plan = LotProjection.plan(lots, e.type(), new EventRules.Where(e.siteId(), e.unitId(),
                            e.plotId(), e.partyId()), p.body());
                    masterData(lots, plan);
                } catch (ClientError err) {
                    refused = err;
                }
            }
            EventRow row = EventLedger.candidate(e, 0, recordedBy, recordedAt);
            out.add(new Ready(e, plan, refused, row, row.canonical()));
        }
        return out;
    }

    /** Reads the products and places {@code plan} names (what the events name themselves is read by references). */
    private static void masterData(LotStore lots, EventPlan plan) throws SQLException {
        for (EventPlan.Birth b : plan.births()) {
            if (b.productId() != null) {
                lots.product(b.productId());
            }
        }
        for (EventPlan.Take t : plan.takes()) {
            if (t.from() != null) {
                lots.placeExists(t.from());
            }
        }
    }

    /** The lot codes the events' plans name, to read at once. */
    private static Set<String> lotsNamed(List<Ready> events) {
        Set<String> codes = new LinkedHashSet<>();
        for (Ready e : events) {
            if (e.plan() != null) {
                e.plan().takes().forEach(t -> codes.add(t.lot()));
                e.plan().births().forEach(b -> codes.add(b.code()));
            }
        }
        return codes;
    }
}
