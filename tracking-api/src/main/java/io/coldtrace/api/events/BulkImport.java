package io.coldtrace.api.events;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The bulk import's path ({@code POST /api/v1/events/bulk}) for the route and for other features (EPCIS capture):
 * events as that route takes them, appended in their order in the caller's transaction by {@link BulkLedger}, with
 * every rule of the ledger (references, mass balance, no cycles, the hash chain, client ids stored once). A refusal is
 * a {@link ClientError} naming {@code events[i].field}, and the caller's transaction stores nothing of the events.
 */
public final class BulkImport {
    /** Events per call: a few seconds of work, a few MB of JSON. */
    public static final int MAX_EVENTS = BulkLedger.MAX_EVENTS;

    private BulkImport() {
    }

    /**
     * Appends {@code events} (JSON objects as {@code POST /api/v1/events} takes them, all of one organisation, owned
     * as {@code vis} decides), recorded by {@code recordedBy}; each as stored, and whether this call stored it. Run it
     * in a transaction.
     */
    public static List<EventLedger.Appended> append(Connection c, Visibility vis, JsonArray events, String recordedBy,
                                                    Instant now) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        List<BulkLedger.Posted> posted = posted(vis, events);
        return BulkLedger.appendAll(c, posted.get(0).event().orgId(), posted, recordedBy, now);
    }

    /** The id of the event {@code org} stored under {@code clientEventId}, if any (a correction names it by id). */
    public static Optional<UUID> eventId(Connection c, String org, String clientEventId) throws SQLException {
        return EventQueries.byClientId(c, org, clientEventId).map(EventRow::id);
    }

    /** The events, each owned by the caller's organisation (all by one), with their bodies as parsed. */
    static List<BulkLedger.Posted> posted(Visibility vis, JsonArray array) {
        List<BulkLedger.Posted> events = new ArrayList<>(array.size());
        String org = null;
        for (int i = 0; i < array.size(); i++) {
            try {
                if (!(array.getValue(i) instanceof JsonObject o)) {
                    throw ClientError.invalid(null, "each event must be a JSON object");
                }
                NewEvent asked = NewEvent.from(JsonBody.of(o, NewEvent.FIELDS));
                NewEvent event = asked.ownedBy(vis.owner(asked.orgId()));
                if (org != null && !org.equals(event.orgId())) {
                    throw ClientError.invalid("org_id", "all events of a request belong to one organisation ("
                            + org + ")");
                }
                org = event.orgId();
                // NewEvent.from took its body text from this object: the plan is read from it, not parsed again
                events.add(new BulkLedger.Posted(event, o.getJsonObject("body")));
            } catch (ClientError err) {
                throw err.within("events[" + i + "]");
            }
        }
        return events;
    }
}
