package io.coldtrace.api.lots;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.certifications.CertificationRoutes;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Pages;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.core.ids.TraceCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Lots for operators and QA: the filtered list, a lot's page by id or by any code printed on it (its lot code, its
 * trace code however typed, a mapped external code), and the pages that show them. Events are recorded through
 * {@code POST /api/v1/events} (the events feature); the pages post there.
 */
final class LotRoutes {
    private static final int MAX_CODE = 128;

    private final BlockingDb db;
    private final Clock clock;

    LotRoutes(BlockingDb db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void register(RouteTable routes) {
        routes.get("/api/v1/lots", Policies.READ_OPERATIONS, this::list);
        // before /:id, which would otherwise take "by-code" for an id
        routes.get("/api/v1/lots/by-code/:code", Policies.READ_OPERATIONS, this::byCode)
                .example("/api/v1/lots/by-code/{lot-code}", null);
        routes.get("/api/v1/lots/:id", Policies.READ_OPERATIONS, this::get);
        routes.page("/lots", Policies.READ_OPERATIONS, ctx -> Pages.html(ctx, "lots.html"));
        routes.page("/lots/pack", Policies.READ_OPERATIONS, ctx -> Pages.html(ctx, "lot-pack.html"));
        // the page of a lot the caller may not see does not exist, like the lot itself
        routes.page("/lots/:id", Policies.READ_OPERATIONS, ctx -> {
            String id = Params.pathText(ctx, "id", MAX_CODE);
            Visibility vis = Visibility.of(ctx);
            return db.query(c -> LotQueries.get(c, vis, id))
                    .compose(lot -> lot.isPresent() ? Pages.html(ctx, "lot.html")
                            : Future.failedFuture(ClientError.notFound("no lot " + id)));
        });
    }

    private Future<Void> list(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        LotFilter filter = LotFilter.from(ctx);
        return db.query(c -> {
            List<LotRow> rows = LotQueries.list(c, vis, filter);
            Map<UUID, List<Holding>> places = LotQueries.holdings(c, rows.stream().map(LotRow::id).toList())
                    .stream().collect(Collectors.groupingBy(Holding::lotId));
            JsonArray items = new JsonArray();
            rows.forEach(r -> items.add(r.toJson(places.getOrDefault(r.id(), List.of()))));
            return new JsonObject().put("items", items).put("count", items.size())
                    .put("next_cursor", rows.size() == filter.limit()
                            ? LotFilter.cursorAfter(rows.get(rows.size() - 1)) : null);
        }).compose(body -> Responses.ok(ctx, body));
    }

    private Future<Void> get(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        String id = Params.pathText(ctx, "id", MAX_CODE);
        return detail(ctx, vis, c -> LotQueries.get(c, vis, id), "no lot " + id);
    }

    private Future<Void> byCode(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        String code = Params.pathText(ctx, "code", MAX_CODE).trim();
        String trace;
        try {
            trace = TraceCode.parse(code).value();
        } catch (IllegalArgumentException e) {
            trace = null;
        }
        String parsed = trace;
        return detail(ctx, vis, c -> LotQueries.byCode(c, vis, code, parsed), "no lot with code " + code);
    }

    private Future<Void> detail(RoutingContext ctx, Visibility vis, BlockingDb.SqlWork<Optional<LotRow>> find,
                                String missing) {
        LocalDate today = LocalDate.now(clock.withZone(CertificationRoutes.CALENDAR));
        return db.query(c -> {
            Optional<LotRow> lot = find.run(c);
            return lot.isPresent() ? Optional.of(LotDetail.read(c, vis, lot.get(), today)) : Optional.<JsonObject>empty();
        }).compose(body -> Responses.okOr404(ctx, body, missing));
    }
}
