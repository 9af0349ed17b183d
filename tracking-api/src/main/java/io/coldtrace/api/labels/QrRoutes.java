package io.coldtrace.api.labels;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.work.CpuWork;
import io.coldtrace.core.ids.TraceCode;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * QR images of a lot's public page: by trace code for anyone ({@code GET /t/{code}/qr.svg|png}, the issue makes them
 * public: they show only the link printed on the case), by lot id for its organisation's staff.
 */
final class QrRoutes {
    static final Access PUBLIC_QR = Access.publicAccess("a trace code's QR image: only the public page link the "
            + "code is printed with; unknown and malformed codes get one and the same 404");
    /** What an unknown or malformed code gets: the same answer, whichever it was. */
    static final String NO_SUCH_CODE = "未找到该追溯码 / No lot has this trace code";
    /** Rendered in place of a lot's link when there is none, so a miss costs what a hit does. */
    private static final TraceCode STAND_IN = TraceCode.random();

    private final BlockingDb db;
    private final CpuWork cpu;
    private final PublicLinks links;

    QrRoutes(BlockingDb db, CpuWork cpu, PublicLinks links) {
        this.db = db;
        this.cpu = cpu;
        this.links = links;
    }

    void register(RouteTable routes) {
        for (QrFormat format : QrFormat.values()) {
            routes.get("/t/:code/qr." + format.extension, PUBLIC_QR, ctx -> byCode(ctx, format))
                    .example("/t/{trace-code}/qr." + format.extension, null);
            routes.get("/api/v1/lots/:id/qr." + format.extension, Policies.READ_OPERATIONS,
                    ctx -> byLot(ctx, format));
        }
    }

    private Future<Void> byCode(RoutingContext ctx, QrFormat format) {
        TraceCode code = LotCodes.parse(ctx.pathParam("code"));
        return db.query(c -> LotCodes.byTraceCode(c, code)).compose(found -> {
            String url = links.page(ctx, found.map(LotCodes.TracedLot::traceCode).orElse(STAND_IN));
            return cpu.submit(() -> format.render(url)).compose(image -> found.isPresent()
                    ? format.send(ctx, image, "public, max-age=3600")
                    : Future.failedFuture(ClientError.notFound(NO_SUCH_CODE)));
        });
    }

    private Future<Void> byLot(RoutingContext ctx, QrFormat format) {
        String id = Params.pathText(ctx, "id", 64);
        Visibility vis = Visibility.of(ctx);
        return db.query(c -> LabelQueries.lot(c, vis, id)).compose(lot -> {
            TraceCode code = traced(lot, id);
            String url = links.page(ctx, code);
            return cpu.submit(() -> format.render(url)).compose(image -> format.send(ctx, image, "no-store"));
        });
    }

    /** The trace code of a lot the caller sees; 404 when there is none or it is a harvest batch (no code). */
    static TraceCode traced(Optional<LotRow> lot, String id) {
        LotRow row = lot.orElseThrow(() -> ClientError.notFound("no lot " + id));
        if (!row.isLot()) {
            throw ClientError.notFound(row.code() + " is a harvest batch: only the lots packed from it carry a "
                    + "trace code");
        }
        return row.traceCode();
    }
}
