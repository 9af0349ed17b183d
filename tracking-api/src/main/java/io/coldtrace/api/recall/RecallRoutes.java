package io.coldtrace.api.recall;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.auth.Principal;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Csv;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.http.Pages;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.recall.CaseReport.Case;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The recall case routes (tracking-api/README.md, "Recall cases"), for QA. */
final class RecallRoutes {
    private static final List<String> LIST_STATUSES = List.of("open", "recalled", "released");

    private final BlockingDb db;
    private final Clock clock;

    RecallRoutes(BlockingDb db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void register(RouteTable routes) {
        routes.post("/api/v1/recalls", Policies.QUALITY, this::open)
                .example("{\"org_id\": \"{org}\", \"lots\": [\"{lot}\"], \"reason\": \"residue test\", "
                        + "\"drill\": true}");
        routes.get("/api/v1/recalls", Policies.QUALITY, this::list).example("/api/v1/recalls?status=open", null);
        routes.get("/api/v1/recalls/:id", Policies.QUALITY, this::read).example("/api/v1/recalls/{recall}", null);
        routes.get("/api/v1/recalls/:id/buyers.csv", Policies.QUALITY, this::buyersCsv)
                .example("/api/v1/recalls/{recall}/buyers.csv", null);
        routes.post("/api/v1/recalls/:id/status", Policies.QUALITY, this::status)
                .example("/api/v1/recalls/{recall}/status", "{\"status\": \"released\", \"note\": \"test\"}");
        routes.post("/api/v1/recalls/:id/acknowledgements", Policies.QUALITY, this::acknowledge)
                .example("/api/v1/recalls/{recall}/acknowledgements", "{\"party_id\": \"{buyer}\"}");
        routes.page("/recalls", Policies.QUALITY, ctx -> Pages.html(ctx, "recalls.html"));
        // a case the caller may not see has no page, like the case itself
        routes.page("/recalls/:id", Policies.QUALITY, ctx -> {
            String id = ctx.pathParam("id");
            return db.read(c -> CaseReport.find(c, Visibility.of(ctx), id))
                    .compose(k -> k.isPresent() ? Pages.html(ctx, "recall.html")
                            : Future.failedFuture(ClientError.notFound("no recall case " + id)));
        });
    }

    private Future<Void> open(RoutingContext ctx) {
        Instant opened = clock.instant();
        Visibility vis = Visibility.of(ctx);
        CaseOpening asked = CaseOpening.parse(body(ctx), vis);
        String by = Principal.of(ctx).name();
        return db.transaction(c -> CaseReport.read(c, CaseReport.find(c, Visibility.org(asked.org()),
                        asked.open(c, by, opened, clock).toString()).orElseThrow()))
                .compose(r -> Responses.created(ctx, r));
    }

    private Future<Void> list(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        String status = Params.choiceQuery(ctx, "status", null, LIST_STATUSES);
        int limit = Params.limit(ctx);
        return db.read(c -> RecallSql.LIST.bind(vis).bind("status", status).bind("limit", limit).list(c, rs ->
                new JsonObject().put("id", rs.getString("id")).put("org_id", rs.getString("org_id"))
                        .put("kind", rs.getString("kind")).put("reason", rs.getString("reason"))
                        .put("status", rs.getString("status")).put("status_at", Rows.iso(Rows.instant(rs, "status_at")))
                        .put("opened_by", rs.getString("opened_by"))
                        .put("opened_at", Rows.iso(Rows.instant(rs, "opened_at")))
                        .put("scope_computed_at", Rows.iso(Rows.instant(rs, "scope_computed_at")))
                        .put("scope_sha256", rs.getString("scope_sha256")).put("lots", rs.getLong("lots"))))
                .compose(rows -> Responses.items(ctx, new JsonArray(rows)));
    }

    private Future<Void> read(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        String id = ctx.pathParam("id");
        return db.read(c -> {
            var k = CaseReport.find(c, vis, id);
            return k.isEmpty() ? java.util.Optional.<JsonObject>empty() : java.util.Optional.of(CaseReport.read(c,
                    k.get()));
        }).compose(r -> Responses.okOr404(ctx, r, "no recall case " + id));
    }

    /** The buyers and what each got of each lot, with what its standing acknowledgements account for. */
    private Future<Void> buyersCsv(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        String id = ctx.pathParam("id");
        return db.read(c -> {
            Case k = CaseReport.find(c, vis, id).orElseThrow(() -> ClientError.notFound("no recall case " + id));
            return new Object[] {k, CaseReport.acks(c, k.id())};
        }).compose(r -> {
            Case k = (Case) r[0];
            @SuppressWarnings("unchecked")
            List<CaseReport.Ack> acks = (List<CaseReport.Ack>) r[1];
            Csv csv = Csv.start(ctx, "recall-" + k.id() + "-buyers.csv").row("case_id", "kind", "status",
                    "party_id", "name_zh", "name_en", "lot_id", "lot_code", "quantity", "uom", "shipped",
                    "delivered", "returned", "destroyed");
            for (Object o : k.scopeJson().getJsonArray("buyers")) {
                JsonObject b = (JsonObject) o;
                for (Object x : b.getJsonArray("lots")) {
                    JsonObject l = (JsonObject) x;
                    java.math.BigDecimal[] done = {java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO};
                    acks.stream().filter(a -> a.stands() && a.partyId().equals(b.getString("party_id"))
                            && a.lotId() != null && a.lotId().toString().equals(l.getString("lot_id"))).forEach(a -> {
                                done[0] = done[0].add(a.returned());
                                done[1] = done[1].add(a.destroyed());
                            });
                    csv.row(k.id(), k.kind(), k.status(), b.getString("party_id"), b.getString("name_zh"),
                            b.getString("name_en"), l.getString("lot_id"), l.getString("code"), l.getValue("quantity"),
                            l.getString("uom"), l.getValue("shipped"), l.getValue("delivered"),
                            Rows.quantity(done[0]).toPlainString(), Rows.quantity(done[1]).toPlainString());
                }
            }
            return csv.end();
        });
    }

    private Future<Void> status(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        JsonBody body = JsonBody.of(body(ctx), Set.of("status", "note"));
        String by = Principal.of(ctx).name();
        String id = ctx.pathParam("id");
        return db.transaction(c -> {
            Case k = CaseActions.locked(c, vis, id);
            CaseActions.status(c, k, body, by, clock.instant());
            return CaseReport.read(c, CaseReport.find(c, vis, id).orElseThrow());
        }).compose(r -> Responses.ok(ctx, r));
    }

    private Future<Void> acknowledge(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        JsonObject json = body(ctx);
        String by = Principal.of(ctx).name();
        String id = ctx.pathParam("id");
        return db.transaction(c -> {
            Case k = CaseActions.locked(c, vis, id);
            JsonArray ids = CaseActions.acknowledge(c, k, json, by, clock.instant());
            return new JsonObject().put("ids", ids).put("effectiveness",
                    CaseReport.effectiveness(k.scopeJson(), CaseReport.acks(c, k.id())));
        }).compose(r -> Responses.created(ctx, r));
    }

    private static JsonObject body(RoutingContext ctx) {
        return JsonBody.object(ctx);
    }
}
