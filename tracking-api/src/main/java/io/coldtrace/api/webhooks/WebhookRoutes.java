package io.coldtrace.api.webhooks;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.ScopedRoutes;
import io.coldtrace.api.orgs.OrgQueries;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** Alarm webhooks of an organisation: operators (their own) and admins register, list and delete them. */
public final class WebhookRoutes {
    private final BlockingDb db;

    public WebhookRoutes(BlockingDb db) {
        this.db = db;
    }

    public void register(RouteTable routes) {
        routes.post("/api/v1/webhooks", Policies.CONFIGURE_OPERATIONS, this::create)
                .example("{\"org_id\": \"{org}\", \"url\": \"http://127.0.0.1:9/hook\", "
                        + "\"secret\": \"0123456789abcdef\"}");
        routes.get("/api/v1/webhooks", Policies.CONFIGURE_OPERATIONS,
                ScopedRoutes.list(db, WebhookQueries::list, WebhookRow::toJson));
        routes.delete("/api/v1/webhooks/:id", Policies.CONFIGURE_OPERATIONS, this::delete);
    }

    private Future<Void> create(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        NewWebhook asked = NewWebhook.from(JsonBody.of(ctx, NewWebhook.FIELDS));
        NewWebhook hook = asked.ownedBy(vis.owner(asked.orgId()));
        return db.transaction(c -> {
            OrgQueries.requireExists(c, hook.orgId(), "org_id");
            return WebhookQueries.insert(c, hook);
        }).compose(row -> Responses.created(ctx, row.toJson()));
    }

    private Future<Void> delete(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        long id = Params.pathId(ctx, "id");
        return db.query(c -> WebhookQueries.deactivate(c, vis, id))
                .compose(row -> Responses.okOr404(ctx, row.map(WebhookRow::toJson), "no webhook " + id));
    }
}
