package io.coldtrace.api.divisions;

import io.coldtrace.api.auth.Principal;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.ScopedRoutes;
import io.coldtrace.core.ids.DivisionCode;
import io.coldtrace.core.ids.DivisionList;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * GB/T 2260 divisions: admins import a list (CSV, whole or not at all); every signed-in person lists and searches
 * them and reads the history of their names and flags. Divisions belong to no organisation.
 */
final class DivisionRoutes {
    /** A national list is about 3,200 rows, some 150 KB; room for notes and longer lists. */
    static final long MAX_BYTES = 8L * 1024 * 1024;
    private static final String SAMPLE = String.join(",", DivisionList.COLUMNS) + "\n500238,巫溪县,false,false\n";

    private final BlockingDb db;

    DivisionRoutes(BlockingDb db) {
        this.db = db;
    }

    void register(RouteTable routes) {
        routes.upload("/api/v1/divisions/import", Policies.ADMINISTER, MAX_BYTES, this::importList)
                .example(null, SAMPLE, "text/csv; charset=utf-8");
        // divisions belong to no organisation: every caller the policy lets in sees them all
        routes.get("/api/v1/divisions", Policies.PEOPLE, ScopedRoutes.list(db, DivisionFilter::of,
                (c, vis, f, limit) -> DivisionQueries.list(c, f, limit), DivisionRow::toJson))
                .example("/api/v1/divisions?parent=500200&q=5002&limit=50", null);
        routes.get("/api/v1/divisions/changes", Policies.PEOPLE, this::changes)
                .example("/api/v1/divisions/changes?code=500238", null);
    }

    private Future<Void> importList(RoutingContext ctx) {
        String type = ctx.request().getHeader("content-type");
        if (type == null || !(type.startsWith("text/csv") || type.startsWith("text/plain"))) {
            throw ClientError.of(415, "unsupported_media_type", "send the division list as text/csv (UTF-8), was "
                    + (type == null ? "no content-type" : type));
        }
        String csv = ctx.body() == null ? null : ctx.body().asString("UTF-8");
        if (csv == null || csv.isBlank()) {
            throw ClientError.badParameter("body", "the request needs the division list as its body: a header "
                    + String.join(",", DivisionList.COLUMNS) + ", then one division a line");
        }
        Principal p = Principal.of(ctx);
        DivisionImport.Importer who = new DivisionImport.Importer("api", p.name(), p.tokenId());
        return db.transaction(c -> DivisionImport.run(c, csv, who)).compose(o -> Responses.ok(ctx, o.toJson()));
    }

    private Future<Void> changes(RoutingContext ctx) {
        Params.onlyQuery(ctx, List.of("code", "import_id", "limit"));
        String code = Params.textQuery(ctx, "code", 6);
        if (code != null) {
            try {
                code = new DivisionCode(code).code();
            } catch (IllegalArgumentException e) {
                throw ClientError.badParameter("code", "code: " + e.getMessage());
            }
        }
        String importText = Params.textQuery(ctx, "import_id", 19);
        Long importId = null;
        if (importText != null) {
            if (!importText.matches("[0-9]{1,18}")) {
                throw ClientError.badParameter("import_id", "import_id must be an import's number, was '"
                        + importText + "'");
            }
            importId = Long.parseLong(importText);
        }
        String c0 = code;
        Long i0 = importId;
        int limit = Params.limit(ctx);
        return db.query(c -> DivisionQueries.changes(c, c0, i0, limit))
                .compose(rows -> Responses.items(ctx, rows, DivisionChangeRow::toJson));
    }
}
