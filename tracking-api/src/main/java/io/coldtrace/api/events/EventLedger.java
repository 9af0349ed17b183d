package io.coldtrace.api.events;

import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.orgs.OrgQueries;
import io.coldtrace.core.ledger.EventChain;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one write path of the ledger (the API and the test seeds use it): checks an event's references, links it to
 * its organisation's chain and stores it. Run it inside a transaction: the chain head stays locked until commit, so
 * appends of one organisation are serialised and the chain cannot fork.
 */
public final class EventLedger {
    /** The stored event, and whether this call stored it (false: an earlier post with the same client id did). */
    public record Appended(EventRow event, boolean created) {
    }

    private EventLedger() {
    }

    /**
     * Appends {@code event} (its organisation decided by the caller's visibility) as recorded by {@code recordedBy} at
     * {@code now}. A retry with the same client_event_id and the same content returns the stored event; the same id
     * with other content is 409. Unknown references (or another organisation's) are 422 naming the field.
     */
    public static Appended append(Connection c, NewEvent event, String recordedBy, Instant now) throws SQLException {
        Objects.requireNonNull(event.orgId(), "the event's organisation");
        String org = event.orgId();
        Instant recordedAt = EventChain.stored(now);
        OrgQueries.requireExists(c, org, "org_id");
        check(LotStore.direct(c, org), event, recordedAt);
        // everything below runs with the organisation's chain locked: a concurrent retry of the same client id waits
        // here and then finds the first one's event
        String previous = EventQueries.lockHead(c, org, EventChain.GENESIS);
        EventRow candidate = candidate(event, 0, recordedBy, recordedAt);
        var existing = EventQueries.byClientId(c, org, event.clientEventId());
        if (existing.isPresent()) {
            return retried(existing.get(), candidate);
        }
        EventRow stored = EventQueries.insert(c, candidate.linkedAfter(previous));
        // the lots it bears and moves; a refusal here rolls the whole append back
        LotProjection.apply(c, stored);
        EventQueries.moveHead(c, stored);
        return new Appended(stored, true);
    }

    /** Checks {@code event} before anything is locked: its time, organisation, references, a correction's body. */
    static void check(LotStore s, NewEvent event, Instant recordedAt) throws SQLException {
        event.notInTheFuture(recordedAt);
        references(s, event);
        if (event.type().equals("correction")) {
            Correction.replacement(event);
        }
    }

    /** The row {@code event} would be stored as (not yet linked to the chain). */
    static EventRow candidate(NewEvent event, long seq, String recordedBy, Instant recordedAt) {
        return new EventRow(seq, io.coldtrace.core.ids.TimeOrderedIds.next(), event.orgId(), event.clientEventId(), event.type(),
                EventChain.stored(event.eventTime()), event.eventTzOffset(), event.siteId(), event.unitId(),
                event.plotId(), event.partyId(), AssignedCodes.assign(event.type(), event.body()), recordedBy,
                recordedAt, event.correctsEventId(),
                event.correctionReason(), event.lateAt(recordedAt), null, null);
    }

    /** A retry of {@code existing}'s client_event_id: the stored event when the content agrees, else 409. */
    static Appended retried(EventRow existing, EventRow candidate) {
        if (!EventChain.canonical(existing.asPosted()).equals(EventChain.canonical(candidate.asPosted()))) {
            throw ClientError.conflict("client_event_id", "client_event_id " + existing.clientEventId()
                    + " was used for another event (" + existing.id() + "); retry with the same content "
                    + "or use a new client_event_id");
        }
        return new Appended(existing, false);
    }

    /** Refuses an event naming a site, unit, plot, party or corrected event its organisation does not have. */
    static void references(LotStore s, NewEvent e) throws SQLException {
        if (e.siteId() != null && !s.placeExists(Place.site(e.siteId()))) {
            throw ClientError.invalid("site_id", "no site " + e.siteId());
        }
        if (e.unitId() != null && !s.placeExists(Place.unit(e.unitId()))) {
            throw ClientError.invalid("unit_id", "no unit " + e.unitId());
        }
        if (e.plotId() != null && !s.placeExists(Place.plot(e.plotId()))) {
            throw ClientError.invalid("plot_id", "no plot " + e.plotId());
        }
        if (e.partyId() != null && s.partyKind(e.partyId()) == null) {
            throw ClientError.invalid("party_id", "no party " + e.partyId());
        }
        if (e.correctsEventId() != null && !s.eventExists(e.correctsEventId())) {
            throw ClientError.invalid("corrects_event_id", "no event " + e.correctsEventId());
        }
    }
}
