package io.coldtrace.api.http;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.BlockingDb;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;

/**
 * The endpoints every org-owned resource has, made from its queries: a list ({@code ?limit=}), one row by its
 * {@code :id} path parameter, and a replacing update of that row; 404 when the row does not exist or belongs to
 * another organisation.
 */
public final class ScopedRoutes {
    /** The value an update body describes, for the row named by the path. */
    @FunctionalInterface
    public interface Parse<T> {
        T from(JsonBody body, String pathId);
    }

    /** Rows the caller sees, at most {@code limit}, as records. */
    @FunctionalInterface
    public interface Lister<R> {
        List<R> run(Connection c, Visibility vis, int limit) throws SQLException;
    }

    /** Rows the caller sees that pass {@code filter}, at most {@code limit}, as records. */
    @FunctionalInterface
    public interface FilteredLister<F, R> {
        List<R> run(Connection c, Visibility vis, F filter, int limit) throws SQLException;
    }

    /** The row {@code id} if the caller sees it. */
    @FunctionalInterface
    public interface Getter<R> {
        Optional<R> run(Connection c, Visibility vis, String id) throws SQLException;
    }

    /** Writes {@code value} if the caller sees its row; the row as it is now, or empty. */
    @FunctionalInterface
    public interface Updater<T, R> {
        Optional<R> run(Connection c, Visibility vis, T value) throws SQLException;
    }

    private ScopedRoutes() {
    }

    /** {"items": [...], "count": n} of {@code query}, each row made JSON by {@code json}. */
    public static <R> Endpoint list(BlockingDb db, Lister<R> query, Function<R, JsonObject> json) {
        return ctx -> {
            Visibility vis = Visibility.of(ctx);
            int limit = Params.limit(ctx);
            return db.query(c -> query.run(c, vis, limit)).compose(rows -> Responses.items(ctx, rows, json));
        };
    }

    /**
     * {"items": [...], "count": n} of {@code query} with the filter {@code filter} reads from the query string (a
     * bad parameter is refused before the database is asked).
     */
    public static <F, R> Endpoint list(BlockingDb db, Function<RoutingContext, F> filter,
                                       FilteredLister<F, R> query, Function<R, JsonObject> json) {
        return ctx -> {
            Visibility vis = Visibility.of(ctx);
            F f = filter.apply(ctx);
            int limit = Params.limit(ctx);
            return db.query(c -> query.run(c, vis, f, limit)).compose(rows -> Responses.items(ctx, rows, json));
        };
    }

    /** The row named by {@code :id}; {@code what} names the resource in the 404 ("no site s1"). */
    public static <R> Endpoint get(BlockingDb db, String what, Getter<R> query, Function<R, JsonObject> json) {
        return ctx -> {
            Visibility vis = Visibility.of(ctx);
            String id = Params.pathText(ctx, "id", 128);
            return db.query(c -> query.run(c, vis, id))
                    .compose(row -> Responses.okOr404(ctx, row.map(json), "no " + what + " " + id));
        };
    }

    /** Replaces the fields of the row named by {@code :id} with the body (only {@code fields} allowed). */
    public static <T, R> Endpoint update(BlockingDb db, String what, Set<String> fields, Parse<T> parse,
                                         Updater<T, R> query, Function<R, JsonObject> json) {
        return ctx -> {
            Visibility vis = Visibility.of(ctx);
            String id = Params.pathText(ctx, "id", 128);
            T value = parse.from(JsonBody.of(ctx, fields), id);
            return db.query(c -> query.run(c, vis, value))
                    .compose(row -> Responses.okOr404(ctx, row.map(json), "no " + what + " " + id));
        };
    }
}
