package io.coldtrace.api;

import io.coldtrace.core.config.ConfigException;
import io.coldtrace.core.config.DbConfig;
import io.coldtrace.core.config.Env;
import java.nio.file.Path;

/**
 * Settings of the tracking API, read once at start-up. Every key has a default and an environment override:
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>Variable</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>COLDTRACE_API_HTTP_PORT</td><td>8080</td><td>HTTP listen port (0 = any free port)</td></tr>
 *   <tr><td>COLDTRACE_API_HTTP_HOST</td><td>0.0.0.0</td><td>HTTP listen address</td></tr>
 *   <tr><td>COLDTRACE_API_WORKER_POOL_SIZE</td><td>8</td><td>threads of the named JDBC worker executor</td></tr>
 *   <tr><td>COLDTRACE_METRICS_TOKEN</td><td>(empty)</td><td>bearer token for GET /metrics; empty = /metrics
 *       answers 401</td></tr>
 *   <tr><td>COLDTRACE_DB_URL, _USER, _PASSWORD, _POOL_SIZE, _STORAGE</td><td>see {@link DbConfig}</td>
 *       <td>database connection</td></tr>
 *   <tr><td>COLDTRACE_DB_READ_URL</td><td>(empty)</td><td>read replica for heavy reads (histories, exports,
 *       daily records); empty = everything reads the primary</td></tr>
 *   <tr><td>COLDTRACE_DB_READ_USER, _PASSWORD, _POOL_SIZE</td><td>those of the primary</td><td>the replica's
 *       credentials and pool size</td></tr>
 *   <tr><td>COLDTRACE_API_DATA_DIR</td><td>data (in the working directory)</td><td>the API's own files (the
 *       event ledger's anchor log); created when missing</td></tr>
 *   <tr><td>COLDTRACE_ANCHOR_*</td><td>see {@link AnchorConfig}</td><td>outside anchors of the event ledger</td></tr>
 *   <tr><td>COLDTRACE_PUBLIC_BASE_URL</td><td>(empty)</td><td>scheme, host and optional path prefix of the public
 *       trace pages that QR codes, labels and Digital Links point at ({base}/t/{trace code}); empty = the address and
 *       port each request came in on (http://127.0.0.1:8080 locally): set it wherever labels are printed</td></tr>
 *   <tr><td>COLDTRACE_TRACE_*, COLDTRACE_TRUSTED_PROXIES</td><td>see {@link TraceConfig}</td><td>the buyer's page:
 *       rate limit, proxies, scan places, response time floor, the copy flag</td></tr>
 * </table>
 *
 * @param readDb        the read replica, or null when none is configured
 * @param dataDir       the API's data directory
 * @param anchor        the event ledger's anchor settings
 * @param publicBaseUrl the public base URL without a trailing slash, or "" to derive it from each request
 * @param trace         the buyer's page settings
 */
public record ApiConfig(int httpPort, String httpHost, DbConfig db, String metricsToken, int workerPoolSize,
                        DbConfig readDb, Path dataDir, AnchorConfig anchor, String publicBaseUrl, TraceConfig trace) {
    /** The data directory when COLDTRACE_API_DATA_DIR is not set. */
    public static final Path DEFAULT_DATA_DIR = Path.of("data");

    /** Without a read replica. */
    public ApiConfig(int httpPort, String httpHost, DbConfig db, String metricsToken, int workerPoolSize) {
        this(httpPort, httpHost, db, metricsToken, workerPoolSize, null);
    }

    /** With the default data directory and anchor settings, the public base URL derived from each request. */
    public ApiConfig(int httpPort, String httpHost, DbConfig db, String metricsToken, int workerPoolSize,
                     DbConfig readDb) {
        this(httpPort, httpHost, db, metricsToken, workerPoolSize, readDb, DEFAULT_DATA_DIR,
                AnchorConfig.defaults(DEFAULT_DATA_DIR), "", TraceConfig.defaults());
    }

    /** With the default data directory, anchor and buyer's page settings. */
    public ApiConfig(int httpPort, String httpHost, DbConfig db, String metricsToken, int workerPoolSize,
                     DbConfig readDb, String publicBaseUrl) {
        this(httpPort, httpHost, db, metricsToken, workerPoolSize, readDb, DEFAULT_DATA_DIR,
                AnchorConfig.defaults(DEFAULT_DATA_DIR), publicBaseUrl, TraceConfig.defaults());
    }

    public ApiConfig {
        if (httpPort < 0 || httpPort > 65_535) {
            throw new ConfigException("COLDTRACE_API_HTTP_PORT must be within 0..65535, was " + httpPort);
        }
        if (httpHost == null || httpHost.isBlank()) {
            throw new ConfigException("COLDTRACE_API_HTTP_HOST must not be empty");
        }
        if (db == null) {
            throw new ConfigException("database settings (COLDTRACE_DB_*) are missing");
        }
        if (metricsToken == null) {
            metricsToken = "";
        }
        if (!metricsToken.isEmpty() && metricsToken.length() < 16) {
            throw new ConfigException("COLDTRACE_METRICS_TOKEN must be empty (metrics disabled) or at least 16 "
                    + "characters, was " + metricsToken.length() + " characters");
        }
        if (workerPoolSize < 1 || workerPoolSize > 200) {
            throw new ConfigException("COLDTRACE_API_WORKER_POOL_SIZE must be within 1..200, was " + workerPoolSize);
        }
        if (dataDir == null) {
            throw new ConfigException("COLDTRACE_API_DATA_DIR must name a directory");
        }
        if (anchor == null) {
            anchor = AnchorConfig.defaults(dataDir);
        }
        publicBaseUrl = PublicBaseUrl.check(publicBaseUrl);
        if (trace == null) {
            trace = TraceConfig.defaults();
        }
    }

    public static ApiConfig from(Env env) {
        DbConfig db = DbConfig.from(env);
        Path dataDir = Path.of(env.string("COLDTRACE_API_DATA_DIR", DEFAULT_DATA_DIR.toString()));
        return new ApiConfig(
                env.integer("COLDTRACE_API_HTTP_PORT", 8080, 0, 65_535),
                env.string("COLDTRACE_API_HTTP_HOST", "0.0.0.0"),
                db,
                env.string("COLDTRACE_METRICS_TOKEN", ""),
                env.integer("COLDTRACE_API_WORKER_POOL_SIZE", 8, 1, 200),
                readDb(env, db), dataDir, AnchorConfig.from(env, dataDir),
                env.string("COLDTRACE_PUBLIC_BASE_URL", ""), TraceConfig.from(env));
    }

    /** The same settings with the API's files in {@code dir} and anchors as {@code anchors} (tests). */
    public ApiConfig withFiles(Path dir, AnchorConfig anchors) {
        return new ApiConfig(httpPort, httpHost, db, metricsToken, workerPoolSize, readDb, dir, anchors, publicBaseUrl,
                trace);
    }

    /** The same settings with the buyer's page set as {@code newTrace} (tests). */
    public ApiConfig withTrace(TraceConfig newTrace) {
        return new ApiConfig(httpPort, httpHost, db, metricsToken, workerPoolSize, readDb, dataDir, anchor,
                publicBaseUrl, newTrace);
    }

    /** The replica's settings: its URL, with the primary's user, password and pool size unless overridden. */
    private static DbConfig readDb(Env env, DbConfig primary) {
        String url = env.string("COLDTRACE_DB_READ_URL", "");
        if (url.isEmpty()) {
            return null;
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("COLDTRACE_DB_READ_URL must be empty (no replica) or a jdbc:postgresql: URL, "
                    + "was " + url);
        }
        return new DbConfig(url, env.string("COLDTRACE_DB_READ_USER", primary.user()),
                env.string("COLDTRACE_DB_READ_PASSWORD", primary.password()),
                env.integer("COLDTRACE_DB_READ_POOL_SIZE", primary.poolSize(), 1, 200), primary.storage());
    }

    /** True when /metrics may be scraped at all. */
    public boolean metricsEnabled() {
        return !metricsToken.isEmpty();
    }

    /** Never prints the metrics token or the database password. */
    @Override
    public String toString() {
        return "ApiConfig[http=" + httpHost + ":" + httpPort + ", db=" + db.url()
                + (readDb == null ? "" : ", read db=" + readDb.url()) + ", workers=" + workerPoolSize
                + ", metrics=" + (metricsEnabled() ? "token set" : "disabled") + ", data=" + dataDir + ", " + anchor
                + ", public=" + (publicBaseUrl.isEmpty() ? "(each request's address)" : publicBaseUrl) + "]";
    }
}
