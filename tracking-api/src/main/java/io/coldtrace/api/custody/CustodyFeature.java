package io.coldtrace.api.custody;

import com.google.auto.service.AutoService;
import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.GenericPlans;
import io.coldtrace.api.events.EventsFeature;
import io.coldtrace.api.history.HistoryFeature;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.Uses;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/**
 * Custody joined to telemetry (issue 7 §3): {@code GET /api/v1/lots/:id/custody}, each leg of the lot and its
 * ancestors with its temperature figures, verdict and the lot's remaining shelf life, which is also kept in
 * {@code lot_shelf_life} for the lots list ({@link ShelfLifeRefresh}).
 */
@AutoService(ApiFeature.class)
@Uses({EventsFeature.class, HistoryFeature.class})
public final class CustodyFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        BlockingDb db = k.db();
        routes.get("/api/v1/lots/:id/custody", Policies.READ_OPERATIONS, ctx -> custody(db, ctx));
        new ExposureRoutes(db, k.clock()).register(routes);
        new ShelfLifeRefresh(db, k.clock()).schedule(k.vertx());
    }

    private static Future<Void> custody(BlockingDb db, RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        String id = ctx.pathParam("id");
        // on the primary: the figure read is also stored for the lots list (lot_shelf_life)
        return db.query(c -> {
            Instant now = Instant.now();
            var report = GenericPlans.within(c, p -> Custody.of(p, vis, id, now));
            if (report.isPresent()) {
                ShelfLifeRefresh.store(c, report.get(), now);
            }
            return report;
        })
                .compose(r -> r.isEmpty() ? Future.failedFuture(ClientError.notFound("no lot " + id))
                        : Responses.ok(ctx, CustodyJson.of(r.get())));
    }
}
