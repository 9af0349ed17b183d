package io.coldtrace.api.standards;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.CjkFont;
import io.coldtrace.api.http.Csv;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.work.CpuWork;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.UUID;

/** {@code GET /api/v1/lots/:id/source-destination?format=csv|pdf}: the 来源/去向 record of a lot and its trace. */
final class SourceDestinationRoutes {
    private final BlockingDb db;
    private final CpuWork cpu;
    private final CjkFont cjk = new CjkFont();

    SourceDestinationRoutes(BlockingDb db, CpuWork cpu) {
        this.db = db;
        this.cpu = cpu;
    }

    void register(RouteTable routes) {
        routes.get("/api/v1/lots/:id/source-destination", Policies.QUALITY, this::record);
    }

    private record Loaded(SourceDestinationSql.Lot lot, List<SourceDestinationSql.Step> steps) {
    }

    private Future<Void> record(RoutingContext ctx) {
        String format = Params.choiceQuery(ctx, "format", "csv", List.of("csv", "pdf"));
        Params.onlyQuery(ctx, List.of("format"));
        UUID id = uuid(Params.pathText(ctx, "id", 64));
        Visibility vis = Visibility.of(ctx);
        return db.read(c -> {
            var lot = id == null ? java.util.Optional.<SourceDestinationSql.Lot>empty()
                    : SourceDestinationSql.LOT.bind(vis).bind("lot", id).first(c, SourceDestinationSql.Lot.MAPPER);
            if (lot.isEmpty()) {
                return null;
            }
            return new Loaded(lot.get(), SourceDestinationSql.STEPS.bind(vis).bind("lot", id)
                    .list(c, SourceDestinationSql.Step.MAPPER));
        }).compose(loaded -> {
            if (loaded == null) {
                return Future.failedFuture(ClientError.notFound("no lot " + ctx.pathParam("id")));
            }
            List<List<String>> lines = SourceDestination.lines(loaded.steps());
            String name = "source-destination-" + loaded.lot().code();
            if (format.equals("csv")) {
                return ctx.response().putHeader("content-type", "text/csv; charset=utf-8")
                        .putHeader("content-disposition", Csv.attachment(name + ".csv"))
                        .end(SourceDestination.csv(lines));
            }
            return cpu.submit(() -> SourceDestination.pdf(cjk, loaded.lot(), lines)).compose(pdf -> ctx.response()
                    .putHeader("content-type", "application/pdf")
                    .putHeader("content-disposition", Csv.attachment(name + ".pdf")).end(Buffer.buffer(pdf)));
        });
    }

    private static UUID uuid(String v) {
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
