package io.coldtrace.api.events;

import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.core.ledger.EventChain;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A correction event (docs/trace-events.md): {@code body.action} {@code void} removes the corrected event's effects
 * from the projections; {@code replace} also applies {@code body.event}, a full event that stands for the corrected
 * one. The ledger keeps both events; an event is corrected at most once (correct the correction to change it again).
 */
final class Correction {
    static final List<String> ACTIONS = List.of("void", "replace");
    static final Set<String> REPLACEMENT_FIELDS = Set.of("type", "event_time", "event_tz_offset", "site_id",
            "unit_id", "plot_id", "party_id", "body");
    private static final String CORRECTS = "corrects_event_id";

    private Correction() {
    }

    /** Checks the correction's body before it is stored: the action and, for a replacement, the event it names. */
    static NewEvent replacement(NewEvent correction) {
        BodyReader b = new BodyReader(new JsonObject(correction.body()), "body");
        String action = b.choice("action", ACTIONS, true);
        if (action.equals("void")) {
            b.only(Set.of("action"));
            return null;
        }
        b.only(Set.of("action", "event"));
        BodyReader e = b.object("event", true);
        JsonObject json = new JsonObject(correction.body()).getJsonObject("event").copy();
        try {
            JsonBody r = JsonBody.of(json, REPLACEMENT_FIELDS);
            NewEvent replacement = new NewEvent(correction.orgId(), correction.clientEventId(), r.text("type", 32),
                    r.optInstant("event_time"), r.optText("event_tz_offset", 16), r.optText("site_id", 64),
                    r.optText("unit_id", 64), r.optText("plot_id", 64), r.optText("party_id", 64),
                    r.optObject("body") == null ? null : r.optObject("body").encode(), null, null);
            if (replacement.type().equals("correction")) {
                throw ClientError.invalid("type", "a replacement is an event of the corrected kind, not a correction");
            }
            return replacement;
        } catch (ClientError err) {
            throw err.within(e.path());
        }
    }

    /** Applies stored correction {@code e}: removes the corrected event's effects, applies the replacement's. */
    static void apply(Connection c, EventRow e) throws SQLException {
        UUID corrected = e.correctsEventId();
        var earlier = LotQueries.correctedBy(c, e.orgId(), corrected, e.id());
        if (earlier.isPresent()) {
            throw ClientError.conflict(CORRECTS, "event " + corrected + " was already corrected by "
                    + earlier.get() + ": correct that correction instead");
        }
        List<UUID> touched = LotQueries.removeEffects(c, corrected, e.id());
        JsonObject body = new JsonObject(e.body());
        java.util.Map<String, String> assigned = AssignedCodes.take(body);
        NewEvent replacement = replacement(new NewEvent(e.orgId(), e.clientEventId(), e.type(), e.eventTime(),
                e.eventTzOffset(), null, null, null, null, body.encode(), corrected, e.correctionReason()));
        EventPlan plan = EventPlan.none();
        Instant at = e.eventTime();
        if (replacement != null) {
            String prefix = "body.event";
            try {
                replacement.notInTheFuture(e.recordedAt());
                LotStore direct = LotStore.direct(c, e.orgId());
                EventLedger.references(direct, replacement);
                plan = LotProjection.plan(direct, replacement.type(), new EventRules.Where(
                        replacement.siteId(), replacement.unitId(), replacement.plotId(), replacement.partyId()),
                        replacement.body());
            } catch (ClientError err) {
                throw err.within(prefix);
            }
            at = EventChain.stored(replacement.eventTime());
            try {
                LotProjection.applyReplacement(c, e.orgId(), e.id(), at, plan, assigned, touched, CORRECTS);
            } catch (ClientError err) {
                throw err.field() != null && err.field().startsWith("body") ? err.within(prefix) : err;
            }
            return;
        }
        LotProjection.applyReplacement(c, e.orgId(), e.id(), at, plan, assigned, touched, CORRECTS);
    }
}
