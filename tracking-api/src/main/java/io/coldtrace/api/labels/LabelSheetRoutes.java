package io.coldtrace.api.labels;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.work.CpuWork;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A4 label sheets (PDF, {@link LabelStock}): {@code GET /api/v1/lots/{id}/labels.pdf?copies=} for one lot and
 * {@code GET /api/v1/events/{id}/labels.pdf?copies=} for the lots a pack, transform or receive bore (each lot on
 * sheets of its own). {@code copies} (labels per lot) is 1..65, a full sheet (21) by default. A voided lot's labels
 * are refused (409): its record was withdrawn by a correction.
 */
final class LabelSheetRoutes {
    static final int MAX_COPIES = 65;
    /** Most sheets one PDF holds (a packing run of many lots prints in parts). */
    static final int MAX_SHEETS = 100;

    private final BlockingDb db;
    private final CpuWork cpu;
    private final PublicLinks links;
    private final LabelSheet sheet = new LabelSheet();

    LabelSheetRoutes(BlockingDb db, CpuWork cpu, PublicLinks links) {
        this.db = db;
        this.cpu = cpu;
        this.links = links;
    }

    void register(RouteTable routes) {
        routes.get("/api/v1/lots/:id/labels.pdf", Policies.READ_OPERATIONS, this::lot);
        routes.get("/api/v1/events/:id/labels.pdf", Policies.READ_OPERATIONS, this::event);
    }

    private Future<Void> lot(RoutingContext ctx) {
        String id = Params.pathText(ctx, "id", 64);
        int copies = Params.intQuery(ctx, "copies", LabelStock.PER_SHEET, 1, MAX_COPIES);
        Visibility vis = Visibility.of(ctx);
        return db.query(c -> {
            QrRoutes.traced(LabelQueries.lot(c, vis, id), id);
            return labels(c, vis, List.of(UUID.fromString(id)));
        }).compose(labels -> send(ctx, labels, copies, labels.get(0).code()));
    }

    private Future<Void> event(RoutingContext ctx) {
        String id = Params.pathText(ctx, "id", 64);
        int copies = Params.intQuery(ctx, "copies", LabelStock.PER_SHEET, 1, MAX_COPIES);
        Visibility vis = Visibility.of(ctx);
        return db.query(c -> {
            if (!LabelQueries.eventExists(c, vis, id)) {
                throw ClientError.notFound("no event " + id);
            }
            List<UUID> lots = LabelQueries.eventLots(c, vis, id);
            if (lots.isEmpty()) {
                throw ClientError.notFound("event " + id + " bore no lots to label (a pack, transform or receive "
                        + "with outputs does; the lots of a corrected event are labelled from its correction)");
            }
            return labels(c, vis, lots);
        }).compose(labels -> send(ctx, labels, copies, "event-" + id));
    }

    /** The labels of {@code ids}; 409 when one of them was voided. */
    private static List<Label> labels(Connection c, Visibility vis, List<UUID> ids) throws SQLException {
        List<Label> labels = LabelQueries.labels(c, vis, ids);
        for (Label l : labels) {
            if (l.voidedBy() != null) {
                throw ClientError.conflict("id", "lot " + l.code() + " was voided by correction " + l.voidedBy()
                        + ": its labels are not printed");
            }
        }
        return labels;
    }

    private Future<Void> send(RoutingContext ctx, List<Label> labels, int copies, String name) {
        int sheets = labels.size() * ((copies + LabelStock.PER_SHEET - 1) / LabelStock.PER_SHEET);
        if (sheets > MAX_SHEETS) {
            throw ClientError.invalid("copies", labels.size() + " lots of " + copies + " labels make " + sheets
                    + " sheets, more than the " + MAX_SHEETS + " one PDF holds; print fewer copies");
        }
        List<LabelSheet.Run> runs = new ArrayList<>();
        for (Label l : labels) {
            runs.add(new LabelSheet.Run(l, links.page(ctx, l.traceCode()), copies));
        }
        return cpu.submit(() -> sheet.render(runs, "Labels " + name))
                .compose(pdf -> ctx.response().setStatusCode(200)
                        .putHeader("content-type", "application/pdf")
                        .putHeader("content-disposition", "inline; filename=\"labels-"
                                + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf\"")
                        .putHeader("cache-control", "no-store")
                        .end(Buffer.buffer(pdf)));
    }
}
