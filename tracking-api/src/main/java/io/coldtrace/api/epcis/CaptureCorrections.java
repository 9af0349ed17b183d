package io.coldtrace.api.epcis;

import io.coldtrace.api.epcis.CaptureDraft.Mapped;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * An event declared in error ({@code errorDeclaration}) as the ledger's correction of the event stored under its
 * eventID, at the declaration's time: a replacement by its corrective event (the export writes a replacement so), or
 * a void when the document holds none. Its client id is derived from the corrected eventID (an event is corrected at
 * most once), so capturing the declaration again stores nothing.
 */
final class CaptureCorrections {
    private static final List<String> PLACES = List.of("site_id", "unit_id", "plot_id", "party_id");

    private CaptureCorrections() {
    }

    /** Event {@code i} of {@code doc}, declared in error, corrected by {@code replacement} (null: voided). */
    static Mapped of(CaptureDocument doc, int i, Mapped replacement) {
        CaptureDraft d = new CaptureDraft(doc.events().getJsonObject(i), i, doc.pointer(i));
        String declared = d.ev.getString("eventID");
        if (declared == null) {
            throw d.fail("", "an errorDeclaration names the event declared in error by its eventID");
        }
        JsonObject declaration = d.ev.getJsonObject("errorDeclaration");
        String time = declaration.getString("declarationTime");
        OffsetDateTime at = d.read("/errorDeclaration/declarationTime", () -> parse(time));
        String reason = CaptureIds.word(declaration.getString("reason"), "ER-");
        d.top("client_event_id", "errorDeclaration:" + CaptureDocument.sha256(declared), "/eventID");
        d.top("type", "correction", "/errorDeclaration");
        d.top("event_time", time, "/errorDeclaration/declarationTime");
        d.top("event_tz_offset", at.getOffset().getTotalSeconds() == 0 ? "+00:00" : at.getOffset().getId(),
                "/errorDeclaration/declarationTime");
        d.top("correction_reason", "EPCIS errorDeclaration" + (reason == null ? "" : ": " + reason),
                "/errorDeclaration/reason");
        d.from("corrects_event_id", "/eventID");
        if (replacement == null) {
            d.body("action", "void", "/errorDeclaration");
        } else {
            JsonObject r = replacement.event();
            JsonObject event = new JsonObject().put("type", r.getString("type"))
                    .put("event_time", r.getString("event_time")).put("event_tz_offset", r.getString("event_tz_offset"))
                    .put("body", r.getJsonObject("body"));
            PLACES.forEach(f -> {
                if (r.getString(f) != null) {
                    event.put(f, r.getString(f));
                }
            });
            d.body("action", "replace", "/errorDeclaration/correctiveEventIDs");
            d.body("event", event, "/errorDeclaration/correctiveEventIDs");
            replacement.fields().forEach((field, pointer) -> d.fields.put("body.event." + field, pointer));
        }
        Mapped m = d.done();
        return new Mapped(m.index(), m.pointer(), m.event(), m.fields(), declared);
    }

    private static OffsetDateTime parse(String time) {
        if (time != null) {
            try {
                return OffsetDateTime.parse(time);
            } catch (DateTimeParseException e) {
                // said below
            }
        }
        throw new IllegalArgumentException("declarationTime must be a date-time with its offset");
    }
}
