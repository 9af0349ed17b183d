package io.coldtrace.api.events;

import io.coldtrace.api.AnchorConfig;
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
import io.coldtrace.api.orgs.OrgQueries;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Set;

/**
 * The event ledger: operators and QA record events of their organisation, every role reads them and verifies its
 * organisation's chain (an admin of no organisation verifies every chain, or one with {@code ?org_id=}); admins
 * anchor chain heads on demand besides the periodic run.
 */
public final class EventRoutes {
    /** Who records steps of the chain: the operators who do the work, and QA who record checks and corrections. */
    static final Access RECORDERS = Access.roles(Role.OPERATOR, Role.QA);

    private final BlockingDb db;
    private final AnchorConfig anchorConfig;
    private final ChainAnchors anchors;

    EventRoutes(BlockingDb db, AnchorConfig anchorConfig, ChainAnchors anchors) {
        this.db = db;
        this.anchorConfig = anchorConfig;
        this.anchors = anchors;
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
        routes.get("/api/v1/events/verify", Policies.READ_OPERATIONS, this::verify)
                .example("/api/v1/events/verify?org_id={org}", null);
        routes.post("/api/v1/events/anchor", Policies.ADMINISTER, this::anchor)
                .example("{\"org_id\": \"{org}\"}");
        // before /:id; QA and admins prove the lot tables are what the ledger gives
        routes.get("/api/v1/events/projections/check", Access.roles(Role.QA, Role.ADMIN), this::checkProjections)
                .example("/api/v1/events/projections/check?org_id={org}", null);
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

    /** Every chain in view, or only {@code ?org_id=}'s (none when the caller does not see that organisation). */
    private Future<Void> checkProjections(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        String asked = Params.textQuery(ctx, "org_id", 64);
        if (asked != null && !vis.admits(asked)) {
            // like a list filtered to an organisation the caller does not see: nothing to replay
            return Responses.ok(ctx, new io.vertx.core.json.JsonObject().put("ok", true).put("events_replayed", 0)
                    .put("differences", new io.vertx.core.json.JsonArray()));
        }
        String org = vis.owner(asked);
        return db.transaction(c -> {
            try {
                return ProjectionCheck.run(c, org);
            } finally {
                // the replay wrote only temporary tables; nothing of it stays
                c.rollback();
            }
        }).compose(result -> Responses.ok(ctx, result));
    }

    private Future<Void> verify(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        String org = Params.textQuery(ctx, "org_id", 64);
        Visibility scope = org == null ? vis : vis.admits(org) ? Visibility.org(org) : Visibility.NONE;
        return db.transaction(c -> new ChainVerify(anchorConfig).run(c, scope))
                .compose(result -> Responses.ok(ctx, result));
    }

    /** Anchors now the heads of the caller's chains ({@code org_id}: one organisation's; an unscoped admin's all). */
    private Future<Void> anchor(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        String org = JsonBody.optional(ctx, Set.of("org_id")).optText("org_id", 64);
        if (org == null && vis.seesAll()) {
            return anchors.anchorNow(vis).compose(result -> Responses.ok(ctx, result));
        }
        String owner = vis.owner(org);
        return db.query(c -> {
            OrgQueries.requireExists(c, owner, "org_id");
            return null;
        }).compose(v -> anchors.anchorNow(Visibility.org(owner))).compose(result -> Responses.ok(ctx, result));
    }
}
