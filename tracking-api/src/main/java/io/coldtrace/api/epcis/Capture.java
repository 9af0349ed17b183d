package io.coldtrace.api.epcis;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.epcis.CaptureDraft.Mapped;
import io.coldtrace.api.events.BulkImport;
import io.coldtrace.api.events.EventLedger;
import io.coldtrace.api.http.ClientError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stores a partner's document in the capturing organisation's ledger, all or nothing, in the caller's transaction:
 * the master data it names by GS1 keys read at once, every event mapped ({@link CaptureMapper}) before anything is
 * stored, then the events appended in the document's order through the bulk import ({@link BulkImport}: every rule of
 * the ledger, each event under its eventID so a document captured again stores nothing twice). An event declared in
 * error ({@code errorDeclaration}) becomes a correction of the event stored under its eventID: a replacement by its
 * one corrective event when the document holds it (that event is then stored as the replacement, not on its own),
 * else a void. Corrections name the event they correct by its ledger id, so the events before one are appended first.
 */
final class Capture {
    /** What a capture stored: events stored now, and events already stored under their eventIDs. */
    record Outcome(int created, int existing) {
        Outcome plus(Outcome o) {
            return new Outcome(created + o.created, existing + o.existing);
        }
    }

    private static final Pattern EVENT_FIELD = Pattern.compile("^events\\[(\\d+)]\\.?(.*)$");

    private Capture() {
    }

    static Outcome run(Connection c, String org, CaptureDocument doc, String recordedBy, Instant now)
            throws SQLException {
        CaptureMapper mapper = new CaptureMapper(doc, CaptureKeys.read(c, org, doc));
        Map<String, Integer> byEventId = new HashMap<>();
        for (int i = 0; i < doc.events().size(); i++) {
            String id = doc.events().getJsonObject(i).getString("eventID");
            if (id != null && !byEventId.containsKey(id)) {
                byEventId.put(id, i);
            }
        }
        Set<Integer> folded = new HashSet<>();
        Map<Integer, Integer> corrective = new HashMap<>();
        for (int i = 0; i < doc.events().size(); i++) {
            JsonObject declaration = doc.events().getJsonObject(i).getJsonObject("errorDeclaration");
            JsonArray ids = declaration == null ? new JsonArray() : declaration.getJsonArray("correctiveEventIDs",
                    new JsonArray());
            Integer replacement = ids.size() == 1 ? byEventId.get(ids.getString(0)) : null;
            if (replacement != null && !folded.contains(replacement) && doc.events().getJsonObject(replacement)
                    .getJsonObject("errorDeclaration") == null) {
                folded.add(replacement);
                corrective.put(i, replacement);
            }
        }
        List<Mapped> mapped = new ArrayList<>();
        for (int i = 0; i < doc.events().size(); i++) {
            if (folded.contains(i)) {
                continue;
            }
            boolean declared = doc.events().getJsonObject(i).containsKey("errorDeclaration");
            Integer r = corrective.get(i);
            mapped.add(declared ? CaptureCorrections.of(doc, i, r == null ? null : mapper.map(r)) : mapper.map(i));
        }
        return append(c, org, mapped, recordedBy, now);
    }

    /** Appends the mapped events in runs between corrections, each correction once the event it corrects is stored. */
    private static Outcome append(Connection c, String org, List<Mapped> events, String recordedBy, Instant now)
            throws SQLException {
        Outcome total = new Outcome(0, 0);
        List<Mapped> run = new ArrayList<>();
        for (Mapped m : events) {
            if (m.declared() == null) {
                run.add(m);
                continue;
            }
            // the events before a correction are stored first: it names the one it corrects by its ledger id
            total = total.plus(appendRun(c, org, run, recordedBy, now));
            run = new ArrayList<>();
            String id = BulkImport.eventId(c, org, m.declared()).map(Object::toString).orElseThrow(() ->
                    EpcisProblems.invalid(m.pointer() + "/eventID", "event " + m.index() + " (" + m.pointer()
                            + ") declares event " + m.declared() + " in error, which the organisation has not "
                            + "captured").with("eventIndex", m.index()));
            m.event().put("corrects_event_id", id);
            total = total.plus(appendRun(c, org, List.of(m), recordedBy, now));
        }
        return total.plus(appendRun(c, org, run, recordedBy, now));
    }

    private static Outcome appendRun(Connection c, String org, List<Mapped> run, String recordedBy, Instant now)
            throws SQLException {
        JsonArray events = new JsonArray();
        run.forEach(m -> events.add(m.event()));
        try {
            int created = 0;
            for (EventLedger.Appended a : BulkImport.append(c, Visibility.org(org), events, recordedBy, now)) {
                created += a.created() ? 1 : 0;
            }
            return new Outcome(created, run.size() - created);
        } catch (ClientError err) {
            throw refusal(run, err);
        }
    }

    /** The ledger's refusal of an event of {@code run} ({@code events[i].field}), named in the document's terms. */
    private static RuntimeException refusal(List<Mapped> run, ClientError err) {
        Matcher m = err.field() == null ? null : EVENT_FIELD.matcher(err.field());
        if (m == null || !m.matches() || Integer.parseInt(m.group(1)) >= run.size()) {
            return EpcisProblems.invalid(null, err.getMessage());
        }
        Mapped event = run.get(Integer.parseInt(m.group(1)));
        String field = m.group(2);
        String pointer = event.pointerOf(field);
        var problem = EpcisProblems.invalid(pointer, "event " + event.index() + " (" + pointer + "): "
                + err.getMessage() + (field.isEmpty() ? "" : " [ledger field " + field + "]"))
                .with("eventIndex", event.index());
        return field.isEmpty() ? problem : problem.with("field", field);
    }
}
