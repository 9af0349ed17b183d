package io.coldtrace.api.standards;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.CursorExport;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Csv;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.work.CpuWork;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code GET /api/v1/fsma204}: the FDA's electronic sortable spreadsheet (21 CFR 1.1455(c)(3)(ii)) of the caller's
 * critical tracking events over a range, optionally of a product's or some lots' trace. Rows stream from a cursor into
 * the workbook (SXSSF keeps a window in memory), the file is written to a temporary file and sent from there.
 */
final class FsmaRoutes {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final BlockingDb db;
    private final CpuWork cpu;
    private final CursorExport export;

    FsmaRoutes(BlockingDb db, CpuWork cpu) {
        this.db = db;
        this.cpu = cpu;
        this.export = new CursorExport(db);
    }

    void register(RouteTable routes) {
        routes.get("/api/v1/fsma204", Policies.QUALITY, this::sheet).example(
                "/api/v1/fsma204?from=2025-03-01T00:00:00Z&to=2025-03-02T00:00:00Z&format=xlsx", null);
    }

    /** The lots in scope: null for all, else the seeds' trace (ids for SQL, codes for the rows). */
    private record Scope(UUID[] ids, Set<String> codes) {
    }

    private Future<Void> sheet(RoutingContext ctx) {
        FsmaQuery q = FsmaQuery.of(ctx);
        Visibility vis = Visibility.of(ctx);
        boolean xlsx = q.format().equals("xlsx");
        return db.read(c -> scope(c, vis, q)).compose(scope -> cpu.submit(() -> {
            Path file = Files.createTempFile("fsma204-", xlsx ? ".xlsx" : ".zip");
            return new Output(file, xlsx ? new FsmaSheets.Xlsx() : new FsmaSheets.CsvZip(), scope);
        })).compose(out -> export.each(c -> (out.scope() == null
                ? FsmaSql.RANGE.bind(vis).bind("from", q.from()).bind("to", q.to())
                : FsmaSql.RANGE_SCOPED.bind(vis).bind("from", q.from()).bind("to", q.to())
                        .bind("sel", out.scope().ids())).prepare(c), rs -> {
                    FsmaSql.Row r = FsmaSql.Row.MAPPER.map(rs);
                    Cte cte = Cte.of(r.type());
                    for (List<Object> cells : cte.rows(r, out.scope() == null ? null : out.scope().codes())) {
                        try {
                            out.sheets().row(cte, cells);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }).compose(n -> cpu.submit(() -> {
                    try (OutputStream o = Files.newOutputStream(out.file())) {
                        out.sheets().finish(o);
                    }
                    return out;
                })).onFailure(e -> out.discard()))
                .compose(out -> ctx.response().putHeader("content-type", xlsx ? XLSX : "application/zip")
                        .putHeader("content-disposition", Csv.attachment("fsma204." + (xlsx ? "xlsx" : "zip")))
                        .putHeader("cache-control", "no-store")
                        .sendFile(out.file().toString()).onComplete(v -> out.discard()));
    }

    private static Scope scope(java.sql.Connection c, Visibility vis, FsmaQuery q) throws java.sql.SQLException {
        if (!q.scoped()) {
            return null;
        }
        if (q.productId() != null && FsmaSql.KNOWN_PRODUCT.bind(vis).bind("product", q.productId())
                .first(c, rs -> rs.getString(1)).isEmpty()) {
            throw ClientError.invalid("product_id", "no product " + q.productId());
        }
        String[] codes = q.lots().toArray(new String[0]);
        if (!q.lots().isEmpty()) {
            Set<String> known = new HashSet<>(FsmaSql.KNOWN_CODES.bind(vis).bind("codes", codes)
                    .list(c, rs -> rs.getString(1)));
            for (String code : q.lots()) {
                if (!known.contains(code)) {
                    throw ClientError.invalid("lot", "no lot " + code);
                }
            }
        }
        List<FsmaSql.Scoped> lots = FsmaSql.TRACE.bind(vis).bind("codes", codes).bind("product", q.productId())
                .list(c, FsmaSql.Scoped.MAPPER);
        Set<String> names = new HashSet<>();
        lots.forEach(l -> names.add(l.code()));
        return new Scope(lots.stream().map(FsmaSql.Scoped::id).toArray(UUID[]::new), names);
    }

    /** One export's file and sheets; {@link #discard} closes the sheets and deletes the file. */
    private record Output(Path file, FsmaSheets sheets, Scope scope) {
        void discard() {
            try {
                sheets.close();
            } catch (Exception e) {
                // temporary files only
            }
            try {
                Files.deleteIfExists(file);
            } catch (java.io.IOException e) {
                // the temporary directory's cleaner takes it
            }
        }
    }
}
