package io.coldtrace.api.events;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.auth.Principal;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.ScopedRoutes;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/**
 * The event ledger: operators and QA record events of their organisation, every role reads them and verifies its
 * organisation's chain (an admin of no organisation verifies every chain).
 */
public final class EventRoutes {
    /** Who records steps of the chain: the operators who do the work, and QA who record checks and corrections. */
    static final Access RECORDERS = Access.roles(Role.OPERATOR, Role.QA);

    private final BlockingDb db;

    public EventRoutes(BlockingDb db) {
        this.db = db;
    }

    public void register(RouteTable routes) {
        routes.post("/api/v1/events", RECORDERS, this::append)
                .example("{\"org_id\": \"{org}\", \"client_event_id\": \"{new}\", \"type\": \"loss\", "
                        + "\"event_time\": \"" + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        + "\", \"event_tz_offset\": \"+08:00\", \"body\": {\"reason\": \"sample\", "
                        + "\"lots\": [{\"lot\": \"{lot-code}\", \"quantity\": 1, \"uom\": \"box\"}]}}");
        routes.upload("/api/v1/events/bulk", RECORDERS, BulkRoute.MAX_BYTES, new BulkRoute(db)::handle)
                .example("[{\"org_id\": \"{org}\", \"client_event_id\": \"{new}\", \"type\": \"loss\", "
                        + "\"event_time\": \"" + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        + "\", \"event_tz_offset\": \"+08:00\", \"body\": {\"reason\": \"sample\", "
                        + "\"lots\": [{\"lot\": \"{lot-code}\", \"quantity\": 1, \"uom\": \"box\"}]}}]");
        routes.get("/api/v1/events", Policies.READ_OPERATIONS, this::list);
        // before /:id, which would otherwise take "verify" for an id
        routes.get("/api/v1/events/verify", Policies.READ_OPERATIONS, this::verify);
        routes.get("/api/v1/events/:id", Policies.READ_OPERATIONS,
                ScopedRoutes.get(db, "event", EventQueries::get, EventRow::toJson));
    }

    private Future<Void> append(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        NewEvent asked = NewEvent.from(JsonBody.of(ctx, NewEvent.FIELDS));
        NewEvent event = asked.ownedBy(vis.owner(asked.orgId()));
        String by = Principal.of(ctx).name();
        return db.transaction(c -> EventLedger.append(c, event, by, Instant.now()))
                .compose(a -> Responses.json(ctx, a.created() ? 201 : 200, a.event().toJson()));
    }

    private Future<Void> list(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        String type = Params.choiceQuery(ctx, "type", null, NewEvent.TYPES);
        Instant since = ctx.queryParams().contains("since") ? Params.instantQuery(ctx, "since") : null;
        int limit = Params.limit(ctx);
        return db.query(c -> EventQueries.list(c, vis, type, since, limit))
                .compose(rows -> Responses.items(ctx, rows, EventRow::toJson));
    }

    private Future<Void> verify(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        // heads and events from one snapshot: an append committed half way through cannot look like a broken chain
        return db.transaction(c -> {
            EventQueries.snapshot(c);
            return ChainCheck.verify(EventQueries.chains(c, vis), EventQueries.heads(c, vis));
        }).compose(result -> Responses.ok(ctx, result));
    }
}
