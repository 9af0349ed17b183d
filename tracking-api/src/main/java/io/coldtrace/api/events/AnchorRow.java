package io.coldtrace.api.events;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.coldtrace.core.ledger.EventChain;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An outside anchor of one organisation's chain: its head (seq and hash) at {@code anchoredAt}, with the hex
 * HMAC-SHA256 of {@link #message()} under the API's anchor key ({@code sig}; null when the API has no key). The same
 * record is a row of {@code trace_chain_anchor} and a line of the anchor log ({@link #toJson()}).
 */
record AnchorRow(String orgId, long seq, String hash, Instant anchoredAt, String sig) {
    /** The columns {@link #MAPPER} reads, for a query over {@code trace_chain_anchor a}. */
    static final String COLUMNS = "a.org_id, a.seq, a.hash, a.anchored_at, a.anchor_sig";
    static final RowMapper<AnchorRow> MAPPER = rs -> new AnchorRow(rs.getString("org_id"), rs.getLong("seq"),
            rs.getString("hash"), Rows.instant(rs, "anchored_at"), rs.getString("anchor_sig"));

    /** The anchor of {@code org}'s head ({@code seq}, {@code hash}) at {@code now}, signed with {@code key} if any. */
    static AnchorRow of(String org, long seq, String hash, Instant now, String key) {
        AnchorRow unsigned = new AnchorRow(org, seq, hash, EventChain.stored(now), null);
        return key == null ? unsigned : new AnchorRow(org, seq, hash, unsigned.anchoredAt(), unsigned.signature(key));
    }

    /** What the signature covers: {@code org_id|seq|hash|anchored_at} (UTC ISO-8601, as {@link Rows#iso}). */
    String message() {
        return orgId + "|" + seq + "|" + hash + "|" + Rows.iso(anchoredAt);
    }

    /** The signature this anchor should carry under {@code key}. */
    String signature(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /** Whether the stored signature is the one {@code key} makes (compared in constant time). */
    boolean signedWith(String key) {
        return sig != null && MessageDigest.isEqual(sig.getBytes(StandardCharsets.US_ASCII),
                signature(key).getBytes(StandardCharsets.US_ASCII));
    }

    /** The JSON of the API and of a line of the anchor log. */
    JsonObject toJson() {
        return new JsonObject().put("org_id", orgId).put("seq", seq).put("hash", hash)
                .put("anchored_at", Rows.iso(anchoredAt)).put("anchor_sig", sig);
    }

    /** A line of the anchor log, read back; IllegalArgumentException when it is not an anchor. */
    static AnchorRow fromJson(JsonObject j) {
        try {
            String org = j.getString("org_id");
            String hash = j.getString("hash");
            Long seq = j.getLong("seq");
            String at = j.getString("anchored_at");
            String sig = j.getString("anchor_sig");
            if (org == null || seq == null || hash == null || !hash.matches("[0-9a-f]{64}") || at == null
                    || sig != null && !sig.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("org_id, seq, hash and anchored_at are required");
            }
            return new AnchorRow(org, seq, hash, Instant.parse(at), sig);
        } catch (ClassCastException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
