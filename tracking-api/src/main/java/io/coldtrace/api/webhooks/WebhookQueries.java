package io.coldtrace.api.webhooks;

import io.coldtrace.api.auth.OrgScope;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * SQL of the webhook table. The secret is written, never read back. Deleting deactivates: the deliveries already
 * made keep the webhook they went to.
 */
public final class WebhookQueries {
    private static final String COLUMNS = "w.id, w.org_id, w.url, w.active, w.created_at";
    private static final String SCOPE = OrgScope.filter("w.org_id");
    private static final String INSERT = """
            INSERT INTO webhook AS w (org_id, url, secret) VALUES (?, ?, ?) RETURNING %s""".formatted(COLUMNS);
    private static final String LIST = """
            SELECT %s FROM webhook w WHERE %s AND w.active ORDER BY w.id LIMIT ?""".formatted(COLUMNS, SCOPE);
    private static final String DEACTIVATE = """
            UPDATE webhook w SET active = false WHERE %s AND w.id = ? AND w.active RETURNING %s"""
            .formatted(SCOPE, COLUMNS);

    private WebhookQueries() {
    }

    public static JsonObject insert(Connection c, NewWebhook w) throws SQLException {
        return Rows.first(c, INSERT, w.orgId(), w.url(), w.secret()).orElseThrow();
    }

    /** Active webhooks the scope sees, without their secrets. */
    public static JsonArray list(Connection c, OrgScope scope, int limit) throws SQLException {
        return Rows.list(c, LIST, scope.params(limit));
    }

    /** Deactivates the webhook; empty when the scope does not see an active one of that id. */
    public static Optional<JsonObject> deactivate(Connection c, OrgScope scope, long id) throws SQLException {
        return Rows.first(c, DEACTIVATE, scope.params(id));
    }
}
