package io.coldtrace.api.events;

import io.coldtrace.api.events.EventLedger.Appended;
import io.coldtrace.api.events.LotQueries.Shortfall;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.orgs.OrgQueries;
import io.coldtrace.core.ledger.EventChain;
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
 * and moved. The chain head is locked once, retried client_event_ids are found with one query, the lots named are
 * read with two and held in {@link BatchLots}, and the rows are written in batches; before commit the SQL mass
 * balance is checked once over every lot touched. A refusal names {@code events[i].field} and stores nothing.
 */
final class BulkLedger {
    /** Events per request: a few seconds of work, a few MB of JSON. */
    static final int MAX_EVENTS = 5_000;

    private BulkLedger() {
    }

    /** The events of {@code org}, appended in order; each as stored, and whether this call stored it. */
    static List<Appended> appendAll(Connection c, String org, List<NewEvent> events, String recordedBy, Instant now)
            throws SQLException {
        Instant recordedAt = EventChain.stored(now);
        OrgQueries.requireExists(c, org, "org_id");
        // the lots are read with the chain locked: no other append of the organisation can change them meanwhile
        String previous = EventQueries.lockHead(c, org, EventChain.GENESIS);
        BatchLots lots = new BatchLots(c, org);
        lots.preload(lotsNamed(lots, events));
        Map<String, EventRow> known = new HashMap<>();
        for (EventRow r : EventQueries.byClientIds(c, org, events.stream().map(NewEvent::clientEventId)
                .distinct().toArray(String[]::new))) {
            known.put(r.clientEventId(), r);
        }
        Set<String> fresh = new HashSet<>();
        events.forEach(e -> {
            if (!known.containsKey(e.clientEventId())) {
                fresh.add(e.clientEventId());
            }
        });
        long[] seqs = EventQueries.nextSeqs(c, fresh.size());
        int nextSeq = 0;
        List<EventRow> unwritten = new ArrayList<>();
        List<Appended> out = new ArrayList<>(events.size());
        EventRow last = null;
        for (int i = 0; i < events.size(); i++) {
            NewEvent e = events.get(i);
            lots.eventIndex(i);
            try {
                boolean correction = e.type().equals("correction");
                if (correction) {
                    // a correction may name an event of this request, and is applied by its own statements
                    write(c, lots, unwritten);
                }
                EventLedger.check(lots, e, recordedAt);
                EventRow earlier = known.get(e.clientEventId());
                if (earlier != null) {
                    out.add(EventLedger.retried(earlier, EventLedger.candidate(e, 0, recordedBy, recordedAt)));
                    continue;
                }
                EventRow row = EventLedger.candidate(e, seqs[nextSeq++], recordedBy, recordedAt)
                        .linkedAfter(previous);
                unwritten.add(row);
                if (correction) {
                    write(c, lots, unwritten);
                    LotProjection.apply(c, row);
                    lots.forgetLots();
                } else {
                    LotProjection.apply(lots, row);
                }
                known.put(e.clientEventId(), row);
                previous = row.hash();
                last = row;
                out.add(new Appended(row, true));
            } catch (ClientError err) {
                throw err.within("events[" + i + "]");
            }
        }
        write(c, lots, unwritten);
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

    private static void write(Connection c, BatchLots lots, List<EventRow> unwritten) throws SQLException {
        EventQueries.insertAll(c, unwritten);
        unwritten.clear();
        lots.flush();
    }

    /** The lot codes the events name, to read at once; an event refused here is refused again, named, in turn. */
    private static Set<String> lotsNamed(LotStore lots, List<NewEvent> events) throws SQLException {
        Set<String> codes = new LinkedHashSet<>();
        for (NewEvent e : events) {
            if (e.type().equals("correction")) {
                continue;
            }
            try {
                EventPlan plan = LotProjection.plan(lots, e.type(), new EventRules.Where(e.siteId(), e.unitId(),
                        e.plotId(), e.partyId()), e.body());
                plan.takes().forEach(t -> codes.add(t.lot()));
                plan.births().forEach(b -> codes.add(b.code()));
            } catch (ClientError refusedInTurn) {
                // named with its index below, after the events before it
            }
        }
        return codes;
    }
}
