package io.coldtrace.api.audit;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.ChunkedExport;
import io.coldtrace.api.db.CursorExport;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.CjkFont;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.work.CpuWork;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code GET /api/v1/lots/:id/audit-pack} and {@code GET /api/v1/recalls/:id/audit-pack} (QA): the pack opens a
 * snapshot on a JDBC worker (the subject, the limits, the chain check: a 404 or 422 before any byte), then is written
 * and sent a step at a time through {@link ChunkedExport} ({@link PackStream}), so a case of thousands of lots is
 * streamed in bounded memory. Bounded all the same: {@link AuditData#MAX_LOTS} lots, {@link AuditData#MAX_EVENTS}
 * events.
 */
final class AuditRoutes {
    private final BlockingDb db;
    private final CpuWork cpu;
    private final Clock clock;
    private final AuditPdf pdf = new AuditPdf(new CjkFont());

    AuditRoutes(BlockingDb db, CpuWork cpu, Clock clock) {
        this.db = db;
        this.cpu = cpu;
        this.clock = clock;
    }

    void register(RouteTable routes) {
        routes.get("/api/v1/lots/:id/audit-pack", Policies.QUALITY, ctx -> pack(ctx, "lot"))
                .example("/api/v1/lots/{lot}/audit-pack", null);
        routes.get("/api/v1/recalls/:id/audit-pack", Policies.QUALITY, ctx -> pack(ctx, "recall"))
                .example("/api/v1/recalls/{recall}/audit-pack", null);
    }

    private Future<Void> pack(RoutingContext ctx, String kind) {
        Visibility vis = Visibility.of(ctx);
        String id = ctx.pathParam("id");
        Instant asOf = asOf(ctx);
        Duration idle = CursorExport.STALL_TIMEOUT.plus(CursorExport.SERVER_SLACK);
        Future<PackStream> opened = db.blocking(() -> AuditData.open(db.reads(), idle, AuditData.LIMITS, vis, kind,
                id, asOf)).compose(d -> d.isEmpty()
                        ? Future.failedFuture(ClientError.notFound(
                                "no " + (kind.equals("lot") ? "lot " : "recall case ") + id))
                        : Future.succeededFuture(new PackStream(d.get(), pdf, db, cpu, ctx.vertx())));
        return ChunkedExport.send(ctx, opened, CursorExport.STALL_TIMEOUT);
    }

    /** {@code as_of} (ISO-8601 with offset, not in the future), default now to the second. */
    private Instant asOf(RoutingContext ctx) {
        Instant now = clock.instant();
        if (!ctx.queryParams().contains("as_of")) {
            return now.truncatedTo(ChronoUnit.SECONDS);
        }
        Instant t = Params.instantQuery(ctx, "as_of");
        if (t.isAfter(now)) {
            throw ClientError.badParameter("as_of", "as_of may not be in the future, was " + t);
        }
        return t;
    }
}
