package io.coldtrace.api.webhooks;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * SQL of the webhook table, limited by the caller's {@link Visibility}. The secret is written, never read back.
 * Deleting deactivates: the deliveries already made keep the webhook they went to.
 */
public final class WebhookQueries {
    private static final String VISIBLE = Visibility.owned("w.org_id");
    private static final Sql INSERT = Sql.of("""
            INSERT INTO webhook AS w (org_id, url, secret) VALUES (:org_id, :url, :secret) RETURNING %s"""
            .formatted(WebhookRow.COLUMNS));
    private static final Sql LIST = Sql.of("""
            SELECT %s FROM webhook w WHERE %s AND w.active ORDER BY w.id LIMIT :limit"""
            .formatted(WebhookRow.COLUMNS, VISIBLE));
    private static final Sql DEACTIVATE = Sql.of("""
            UPDATE webhook w SET active = false WHERE %s AND w.id = :id AND w.active RETURNING %s"""
            .formatted(VISIBLE, WebhookRow.COLUMNS));

    private WebhookQueries() {
    }

    /** Stores {@code w} (its organisation already checked). */
    public static WebhookRow insert(Connection c, NewWebhook w) throws SQLException {
        return INSERT.bind("org_id", w.orgId()).bind("url", w.url()).bind("secret", w.secret())
                .first(c, WebhookRow.MAPPER).orElseThrow();
    }

    /** Active webhooks the caller sees, without their secrets. */
    public static List<WebhookRow> list(Connection c, Visibility vis, int limit) throws SQLException {
        return LIST.bind(vis).bind("limit", limit).list(c, WebhookRow.MAPPER);
    }

    /** Deactivates the webhook; empty when the caller does not see an active one of that id. */
    public static Optional<WebhookRow> deactivate(Connection c, Visibility vis, long id) throws SQLException {
        return DEACTIVATE.bind(vis).bind("id", id).first(c, WebhookRow.MAPPER);
    }
}
