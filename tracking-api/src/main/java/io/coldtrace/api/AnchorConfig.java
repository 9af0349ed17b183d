package io.coldtrace.api;

import io.coldtrace.core.config.ConfigException;
import io.coldtrace.core.config.Env;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the event ledger's outside anchors (see {@code events.ChainAnchors}): how often every organisation's chain
 * head is anchored, the HMAC key that signs anchors, and the append-only log file that keeps a copy outside the
 * database.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>Variable</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>COLDTRACE_ANCHOR_INTERVAL_S</td><td>3600</td><td>seconds between anchor runs; 0 = only on request
 *       (POST /api/v1/events/anchor)</td></tr>
 *   <tr><td>COLDTRACE_ANCHOR_KEY</td><td>(empty)</td><td>HMAC-SHA256 key (32 characters or more) that signs anchors;
 *       empty = anchors are recorded unsigned, and the API says so (no key is made up: one stored beside the log it
 *       signs would add nothing, and one lost with a container would make every signature unverifiable)</td></tr>
 *   <tr><td>COLDTRACE_ANCHOR_LOG</td><td>COLDTRACE_API_DATA_DIR/chain-anchors.jsonl</td><td>the anchor log, one JSON
 *       line per anchor, only ever appended to; keep it (or a copy) where the database's superusers cannot write</td></tr>
 * </table>
 *
 * @param interval between anchor runs; zero = no periodic run
 * @param key      the signing key, or null (anchors unsigned)
 * @param log      the anchor log file
 */
public record AnchorConfig(Duration interval, String key, Path log) {
    /** Shortest key accepted: 256 bits of an ASCII secret. */
    public static final int MIN_KEY_CHARS = 32;
    /** The log's name in the data directory when COLDTRACE_ANCHOR_LOG is not set. */
    public static final String LOG_NAME = "chain-anchors.jsonl";

    public AnchorConfig {
        if (interval == null || interval.isNegative()) {
            throw new ConfigException("COLDTRACE_ANCHOR_INTERVAL_S must be 0 or more");
        }
        if (key != null && key.isEmpty()) {
            key = null;
        }
        if (key != null && key.length() < MIN_KEY_CHARS) {
            throw new ConfigException("COLDTRACE_ANCHOR_KEY must be empty (anchors unsigned) or at least "
                    + MIN_KEY_CHARS + " characters, was " + key.length() + " characters");
        }
        if (log == null) {
            throw new ConfigException("COLDTRACE_ANCHOR_LOG must name a file");
        }
    }

    /** Hourly, unsigned, logged to {@link #LOG_NAME} in {@code dataDir}. */
    public static AnchorConfig defaults(Path dataDir) {
        return new AnchorConfig(Duration.ofHours(1), null, dataDir.resolve(LOG_NAME));
    }

    static AnchorConfig from(Env env, Path dataDir) {
        String log = env.string("COLDTRACE_ANCHOR_LOG", "");
        return new AnchorConfig(Duration.ofSeconds(env.integer("COLDTRACE_ANCHOR_INTERVAL_S", 3600, 0, 604_800)),
                env.string("COLDTRACE_ANCHOR_KEY", ""), log.isEmpty() ? dataDir.resolve(LOG_NAME) : Path.of(log));
    }

    /** True when anchors are signed (a key is configured). */
    public boolean signs() {
        return key != null;
    }

    /** The same settings with another key (null = unsigned). */
    public AnchorConfig withKey(String newKey) {
        return new AnchorConfig(interval, newKey, log);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "AnchorConfig[every " + interval.toSeconds() + " s, " + (signs() ? "signed" : "unsigned") + ", log="
                + log + "]";
    }
}
