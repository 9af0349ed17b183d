package io.coldtrace.ingest.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alarm events, recall notices and assistance certificates' expiry warnings to webhooks from the
 * webhook_delivery outbox (filled by triggers on alarm_event, recall_notice and assistance_expiry_warning; a notice's
 * body is {@code {delivery, recall_notice: <the notice as sent>}}, a warning's {@code {delivery, assistance_expiry:
 * <the warning>}}): a POST
 * of JSON signed with HMAC-SHA256 of the body ({@code X-ColdTrace-Signature: sha256=<hex>}), retried with exponential
 * backoff (1 s, 2 s, 4 s … at most 5 min) and marked dead after {@code maxAttempts} failures. A delivery is leased
 * for a minute while it is being sent, so several ingest instances never send the same one at once; receivers get
 * {@code X-ColdTrace-Delivery} to drop a repeat after a crash.
 */
public final class WebhookSender {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    private static final String LEASE = """
            UPDATE webhook_delivery d SET next_attempt_at = now() + interval '60 seconds'
            FROM (SELECT id FROM webhook_delivery
                  WHERE delivered_at IS NULL AND dead_at IS NULL AND next_attempt_at <= now()
                  ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED) due,
                 webhook w
            WHERE d.id = due.id AND w.id = d.webhook_id
            RETURNING d.id, d.attempts, w.url, w.secret, CASE WHEN d.alarm_event_id IS NOT NULL THEN (
                SELECT json_build_object(
                    'delivery', d.id,
                    'event', json_build_object('id', e.id, 'at', e.at, 'action', e.action, 'actor', e.actor,
                                               'comment', e.comment),
                    'alarm', json_build_object('id', a.id, 'unit_id', a.unit_id, 'rule', a.rule,
                                               'severity', a.severity, 'state', a.state, 'started_at', a.started_at,
                                               'raised_at', a.raised_at, 'cleared_at', a.cleared_at,
                                               'limit_value', a.limit_value, 'peak_value', a.peak_value,
                                               'message', a.message))::text
                FROM alarm_event e JOIN alarm a ON a.id = e.alarm_id WHERE e.id = d.alarm_event_id)
                WHEN d.recall_notice_id IS NOT NULL THEN (
                    SELECT json_build_object('delivery', d.id, 'recall_notice', n.payload)::text
                    FROM recall_notice n WHERE n.id = d.recall_notice_id)
                ELSE (SELECT json_build_object('delivery', d.id, 'assistance_expiry', x.payload)::text
                      FROM assistance_expiry_warning x WHERE x.id = d.assistance_warning_id) END""";

    private static final String DELIVERED = """
            UPDATE webhook_delivery SET delivered_at = now(), attempts = attempts + 1, last_status = ?, last_error = NULL
            WHERE id = ?""";

    private static final String FAILED = """
            UPDATE webhook_delivery SET attempts = attempts + 1, last_status = ?, last_error = ?,
                next_attempt_at = now() + make_interval(secs => least(300, power(2, attempts)::int)),
                dead_at = CASE WHEN attempts + 1 >= ? THEN now() END
            WHERE id = ?""";

    private record Due(long id, int attempts, String url, String secret, String body) {
    }

    private final DataSource ds;
    private final int maxAttempts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public WebhookSender(DataSource ds, int maxAttempts) {
        this.ds = ds;
        this.maxAttempts = maxAttempts;
    }

    /** Sends what is due; returns how many deliveries were attempted. Blocking: run it on a worker. */
    public int runOnce() {
        List<Due> due = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(LEASE);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                due.add(new Due(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        } catch (SQLException e) {
            LOG.warn("webhook outbox not reachable: {}", e.getMessage());
            return 0;
        }
        for (Due d : due) {
            int status = -1;
            String error = null;
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(d.url()))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("X-ColdTrace-Signature", "sha256=" + sign(d.secret(), d.body()))
                        .header("X-ColdTrace-Delivery", Long.toString(d.id()))
                        .POST(HttpRequest.BodyPublishers.ofString(d.body(), StandardCharsets.UTF_8))
                        .build(), HttpResponse.BodyHandlers.ofString());
                status = r.statusCode();
                if (status < 200 || status >= 300) {
                    error = "HTTP " + status;
                }
            } catch (java.io.IOException | IllegalArgumentException e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return due.size();
            }
            record(d, status, error);
        }
        return due.size();
    }

    private void record(Due d, int status, String error) {
        try (Connection c = ds.getConnection()) {
            if (error == null) {
                try (PreparedStatement ps = c.prepareStatement(DELIVERED)) {
                    ps.setInt(1, status);
                    ps.setLong(2, d.id());
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement(FAILED)) {
                    ps.setObject(1, status < 0 ? null : status);
                    ps.setString(2, error);
                    ps.setInt(3, maxAttempts);
                    ps.setLong(4, d.id());
                    ps.executeUpdate();
                }
                LOG.info("webhook delivery {} to {} failed (attempt {}): {}", d.id(), d.url(), d.attempts() + 1, error);
            }
        } catch (SQLException e) {
            LOG.warn("cannot record webhook delivery {}: {} (it will be retried after its lease)", d.id(), e.getMessage());
        }
    }

    /** Hex HMAC-SHA256 of {@code body} with {@code secret}: what receivers recompute to trust a notification. */
    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
