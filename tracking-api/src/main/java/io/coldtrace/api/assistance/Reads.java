package io.coldtrace.api.assistance;

import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The reads applications and blacklist entries share: one row by the path's id, and one of its evidence files. */
final class Reads {
    /** A row of the caller's scope by id, with its statuses on {@code today}. */
    interface Finder<R> {
        Optional<R> find(Connection c, Scope scope, UUID id, LocalDate today) throws SQLException;
    }

    /** A row's JSON with what hangs on it. */
    interface Detail<R> {
        JsonObject json(Connection c, R row) throws SQLException;
    }

    private Reads() {
    }

    /** {@code GET …/:id}: the row in detail, or 404 naming {@code what}. */
    static <R> Future<Void> one(RoutingContext ctx, BlockingDb db, LocalDate today, Finder<R> finder,
                                Detail<R> detail, String what) {
        Scope scope = Scope.of(ctx);
        UUID id = EvidenceFiles.uuid(ctx.pathParam("id"));
        return db.query(c -> {
            Optional<R> row = id == null ? Optional.empty() : finder.find(c, scope, id, today);
            return row.isEmpty() ? null : detail.json(c, row.get());
        }).compose(j -> Responses.okOr404(ctx, Optional.ofNullable(j), "no " + what + " " + ctx.pathParam("id")));
    }

    /** {@code GET …/:id/evidence/:file}: the file's bytes if the caller sees the row ({@code entry}: of an entry). */
    static <R> Future<Void> file(RoutingContext ctx, BlockingDb db, LocalDate today, Finder<R> finder, boolean entry,
                                 String what) {
        Scope scope = Scope.of(ctx);
        UUID id = EvidenceFiles.uuid(ctx.pathParam("id"));
        long fileId = Params.pathId(ctx, "file");
        return db.query(c -> id == null || finder.find(c, scope, id, today).isEmpty()
                ? Optional.<EvidenceFiles.File>empty()
                : EvidenceFiles.content(c, entry ? null : id, entry ? id : null, fileId))
                .compose(f -> f.map(x -> x.send(ctx)).orElseGet(() -> Future.failedFuture(ClientError.notFound(
                        "no evidence file " + fileId + " of " + what + " " + ctx.pathParam("id")))));
    }

    /** The body's {@code outcome}: one of two words, else 422 naming it. */
    static String outcome(io.coldtrace.api.http.JsonBody b, String one, String other) {
        String outcome = b.text("outcome", 16);
        if (!outcome.equals(one) && !outcome.equals(other)) {
            throw ClientError.invalid("outcome", "outcome must be " + one + " or " + other);
        }
        return outcome;
    }
}
