package io.coldtrace.api.genealogy;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.http.ClientError;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The forward trace of a set of lots, for features that scope from it (recall cases): the answer of
 * {@code GET /api/v1/lots/:id/trace/forward} from several roots at once, at the widest limits a trace allows. A
 * genealogy beyond them is a 422 naming {@code field}.
 */
public final class Forward {
    private Forward() {
    }

    public static JsonObject of(Connection c, Visibility vis, UUID[] roots, String field) throws SQLException {
        try {
            return Traces.forward(c, vis, roots, new TraceLimits(TraceLimits.MAX_DEPTH, TraceLimits.MAX_WIDTH));
        } catch (ClientError e) {
            throw e.status() == 422 ? ClientError.invalid(field, e.getMessage()) : e;
        }
    }
}
