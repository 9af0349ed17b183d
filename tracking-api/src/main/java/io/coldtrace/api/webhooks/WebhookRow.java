package io.coldtrace.api.webhooks;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A stored webhook, as the API shows it: never with its secret. */
public record WebhookRow(long id, String orgId, String url, boolean active, Instant createdAt) {
    /** The columns {@link #MAPPER} reads, for a query over {@code webhook w}; the secret is not one of them. */
    static final String COLUMNS = "w.id, w.org_id, w.url, w.active, w.created_at";

    static final RowMapper<WebhookRow> MAPPER = rs -> new WebhookRow(rs.getLong("id"), rs.getString("org_id"),
            rs.getString("url"), rs.getBoolean("active"), Rows.instant(rs, "created_at"));

    /** The JSON of the API. */
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("org_id", orgId).put("url", url).put("active", active)
                .put("created_at", Rows.iso(createdAt));
    }
}
