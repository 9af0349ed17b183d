package io.coldtrace.api.genealogy;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Pages;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The trace and mass-balance routes (tracking-api/README.md, "Trace and mass balance"). */
final class GenealogyRoutes {
    private static final BigDecimal MAX_TOLERANCE = new BigDecimal("1000000");

    private final BlockingDb db;

    GenealogyRoutes(BlockingDb db) {
        this.db = db;
    }

    void register(RouteTable routes) {
        routes.get("/api/v1/lots/:id/trace/backward", Policies.QUALITY, ctx -> lotTrace(ctx, true))
                .example("/api/v1/lots/{lot}/trace/backward?depth=8&width=100", null);
        routes.get("/api/v1/lots/:id/trace/forward", Policies.QUALITY, ctx -> lotTrace(ctx, false))
                .example("/api/v1/lots/{lot}/trace/forward?depth=8&width=100", null);
        routes.get("/api/v1/plots/:id/trace/forward", Policies.QUALITY, this::plotTrace)
                .example("/api/v1/plots/{plot}/trace/forward?depth=8", null);
        routes.get("/api/v1/lots/:id/mass-balance", Policies.QUALITY, this::balance)
                .example("/api/v1/lots/{lot}/mass-balance?tolerance=0.5", null);
        routes.get("/api/v1/mass-balance/faults", Policies.QUALITY, this::faults)
                .example("/api/v1/mass-balance/faults?tolerance=0.5&limit=50", null);
        // the QA page drawing a lot's trace; a lot the caller may not see has no page, like the lot itself
        routes.page("/lots/:id/trace", Policies.QUALITY, ctx -> {
            UUID id = Traces.uuid(ctx.pathParam("id"));
            return db.read(c -> id == null ? Optional.<MassBalance>empty()
                            : MassBalance.OF_LOT.bind(Visibility.of(ctx)).bind("id", id).first(c, MassBalance.MAPPER))
                    .compose(lot -> lot.isPresent() ? Pages.html(ctx, "lot-trace.html")
                            : Future.failedFuture(ClientError.notFound("no lot " + ctx.pathParam("id"))));
        });
    }

    private Future<Void> lotTrace(RoutingContext ctx, boolean backward) {
        Visibility vis = Visibility.of(ctx);
        TraceLimits limits = TraceLimits.of(ctx);
        String id = ctx.pathParam("id");
        return db.read(c -> Traces.lot(c, vis, id, backward, limits))
                .compose(t -> Responses.okOr404(ctx, t, "no lot " + id));
    }

    private Future<Void> plotTrace(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        TraceLimits limits = TraceLimits.of(ctx);
        String id = Params.pathText(ctx, "id", 64);
        return db.read(c -> Traces.plot(c, vis, id, limits))
                .compose(t -> Responses.okOr404(ctx, t, "no plot " + id));
    }

    private Future<Void> balance(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        BigDecimal tolerance = tolerance(ctx);
        UUID id = Traces.uuid(ctx.pathParam("id"));
        return db.read(c -> id == null ? Optional.<MassBalance>empty()
                        : MassBalance.OF_LOT.bind(vis).bind("id", id).first(c, MassBalance.MAPPER))
                .compose(b -> Responses.okOr404(ctx, b.map(x -> x.toJson(tolerance)), "no lot " + ctx.pathParam("id")));
    }

    private Future<Void> faults(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        BigDecimal tolerance = tolerance(ctx);
        int limit = Params.limit(ctx);
        String cursor = Params.textQuery(ctx, "cursor", 64);
        UUID after = cursor == null ? null : Traces.uuid(cursor);
        if (cursor != null && after == null) {
            throw ClientError.badParameter("cursor", "cursor must be the next_cursor of the previous page");
        }
        return db.read(c -> MassBalance.FAULTS.bind(vis).bind("after", after).bind("tolerance", tolerance)
                        .bind("limit", limit).list(c, MassBalance.MAPPER))
                .compose(rows -> Responses.ok(ctx, page(rows, tolerance, limit)));
    }

    private static JsonObject page(List<MassBalance> rows, BigDecimal tolerance, int limit) {
        JsonArray items = new JsonArray();
        rows.forEach(r -> items.add(r.toJson(tolerance)));
        return new JsonObject().put("items", items).put("count", rows.size())
                .put("tolerance", io.coldtrace.api.db.Rows.quantity(tolerance))
                .put("next_cursor", rows.size() == limit ? rows.get(rows.size() - 1).lotId().toString() : null);
    }

    /** {@code tolerance}: a decimal 0..1,000,000 in the lots' units, default {@link MassBalance#DEFAULT_TOLERANCE}. */
    private static BigDecimal tolerance(RoutingContext ctx) {
        String v = Params.textQuery(ctx, "tolerance", 32);
        if (v == null) {
            return MassBalance.DEFAULT_TOLERANCE;
        }
        try {
            BigDecimal t = new BigDecimal(v.trim());
            if (t.signum() >= 0 && t.compareTo(MAX_TOLERANCE) <= 0) {
                return t;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ClientError.badParameter("tolerance", "tolerance must be a decimal 0.." + MAX_TOLERANCE
                + " in the lots' units, was '" + v + "'");
    }
}
