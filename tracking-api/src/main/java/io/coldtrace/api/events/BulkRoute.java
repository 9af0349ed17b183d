package io.coldtrace.api.events;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.auth.Principal;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /api/v1/events/bulk}: a JSON array of up to {@link BulkLedger#MAX_EVENTS} events of one organisation,
 * each as {@code POST /api/v1/events} takes it, appended in order in one transaction. A refusal names
 * {@code events[i].field} and stores nothing of the request; a retried request stores nothing twice.
 */
final class BulkRoute {
    /** 5,000 events of about 1 KB each, with room to spare. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private final BlockingDb db;

    BulkRoute(BlockingDb db) {
        this.db = db;
    }

    Future<Void> handle(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        String by = Principal.of(ctx).name();
        String text = ctx.body() == null ? null : ctx.body().asString();
        // megabytes of JSON: read off the event loop, then appended in one transaction
        return db.blocking(() -> events(vis, text))
                .compose(events -> db.transaction(c -> BulkLedger.appendAll(c, events.get(0).event().orgId(),
                        events, by, Instant.now())))
                .compose(appended -> {
                    JsonArray items = new JsonArray();
                    int created = 0;
                    for (EventLedger.Appended a : appended) {
                        created += a.created() ? 1 : 0;
                        items.add(new JsonObject().put("id", a.event().id().toString()).put("seq", a.event().seq())
                                .put("client_event_id", a.event().clientEventId()).put("created", a.created()));
                    }
                    return Responses.json(ctx, created > 0 ? 201 : 200, new JsonObject().put("created", created)
                            .put("existing", appended.size() - created).put("events", items));
                });
    }

    /** The request's events, each owned by the caller's organisation (all by one), with their bodies as parsed. */
    private static List<BulkLedger.Posted> events(Visibility vis, String text) {
        return BulkImport.posted(vis, array(text));
    }

    private static JsonArray array(String text) {
        if (text == null || text.isBlank()) {
            throw ClientError.badParameter("body", "the request needs a JSON array of events");
        }
        Object parsed;
        try {
            parsed = Json.decodeValue(text);
        } catch (DecodeException e) {
            throw ClientError.badParameter("body", "the body is not valid JSON");
        }
        if (!(parsed instanceof JsonArray a)) {
            throw ClientError.badParameter("body", "the body must be a JSON array of events");
        }
        if (a.isEmpty() || a.size() > BulkImport.MAX_EVENTS) {
            throw ClientError.invalid("events", "send 1 to " + BulkImport.MAX_EVENTS + " events; was " + a.size());
        }
        return a;
    }
}
