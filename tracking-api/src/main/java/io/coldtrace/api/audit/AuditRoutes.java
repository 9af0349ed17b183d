package io.coldtrace.api.audit;

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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code GET /api/v1/lots/:id/audit-pack} and {@code GET /api/v1/recalls/:id/audit-pack} (QA): the data is read in
 * one snapshot on the read path, then the files, the PDF and the ZIP are made on the CPU executor and answered whole
 * (a pack is bounded: {@link AuditData#MAX_EVENTS} events, {@link AuditData#MAX_LOTS} lots).
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
        routes.get("/api/v1/lots/:id/audit-pack", Policies.QUALITY, ctx -> pack(ctx, "lot", AuditData::lot))
                .example("/api/v1/lots/{lot}/audit-pack", null);
        routes.get("/api/v1/recalls/:id/audit-pack", Policies.QUALITY, ctx -> pack(ctx, "recall case",
                AuditData::recall)).example("/api/v1/recalls/{recall}/audit-pack", null);
    }

    private interface Reader {
        Optional<AuditData> read(Connection c, Visibility vis, String id, Instant asOf) throws SQLException;
    }

    private Future<Void> pack(RoutingContext ctx, String what, Reader reader) {
        Visibility vis = Visibility.of(ctx);
        String id = ctx.pathParam("id");
        Instant asOf = asOf(ctx);
        return db.read(c -> reader.read(c, vis, id, asOf))
                .compose(d -> d.isEmpty() ? Future.failedFuture(ClientError.notFound("no " + what + " " + id))
                        : cpu.submit(() -> build(d.get())))
                .compose(p -> ctx.response().setStatusCode(200).putHeader("content-type", "application/zip")
                        .putHeader("content-disposition", Csv.attachment(p.name()))
                        .putHeader("cache-control", "no-store")
                        .putHeader("x-manifest-sha256", p.zip().manifestSha256())
                        .putHeader("x-audit-as-of", asOf.toString())
                        .end(Buffer.buffer(p.zip().zip())));
    }

    /** A built pack and its download name. */
    record Built(String name, PackZip zip) {
    }

    Built build(AuditData d) {
        Map<String, byte[]> files = new TreeMap<>(AuditFiles.of(d));
        files.put("report.pdf", pdf.render(d));
        String name = "audit-" + d.subject().kind() + "-" + d.subject().code() + "-"
                + d.asOf().toString().replace(":", "") + ".zip";
        return new Built(name, PackZip.of(AuditFiles.header(d), files, d.asOf()));
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
