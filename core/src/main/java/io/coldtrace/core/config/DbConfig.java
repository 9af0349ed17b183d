package io.coldtrace.core.config;

/**
 * Database connection settings (COLDTRACE_DB_*) and how long telemetry is kept (COLDTRACE_RETENTION_DAYS): the
 * retention is here because the storage migration, which either deployable may run first, writes it into the
 * TimescaleDB retention policies.
 */
public record DbConfig(String url, String user, String password, int poolSize, StorageChoice storage,
                       int retentionDays) {
    /** Which telemetry storage the migrations create; AUTO takes TimescaleDB when the extension is available. */
    public enum StorageChoice { AUTO, TIMESCALE, PARTITIONED }

    public static final int DEFAULT_RETENTION_DAYS = 400;
    public static final int MAX_RETENTION_DAYS = 36500;

    public DbConfig {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("COLDTRACE_DB_URL must be a jdbc:postgresql: URL, was " + url);
        }
        if (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS) {
            throw new ConfigException("COLDTRACE_RETENTION_DAYS must be within 1.." + MAX_RETENTION_DAYS + ", was "
                    + retentionDays);
        }
    }

    /** Settings with the default retention. */
    public DbConfig(String url, String user, String password, int poolSize, StorageChoice storage) {
        this(url, user, password, poolSize, storage, DEFAULT_RETENTION_DAYS);
    }

    public static DbConfig from(Env env) {
        return new DbConfig(
                env.string("COLDTRACE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/coldtrace"),
                env.string("COLDTRACE_DB_USER", "postgres"),
                env.string("COLDTRACE_DB_PASSWORD", ""),
                env.integer("COLDTRACE_DB_POOL_SIZE", 4, 1, 200),
                env.enumValue("COLDTRACE_DB_STORAGE", StorageChoice.AUTO),
                env.integer("COLDTRACE_RETENTION_DAYS", DEFAULT_RETENTION_DAYS, 1, MAX_RETENTION_DAYS));
    }

    public DbConfig withUrl(String newUrl) {
        return new DbConfig(newUrl, user, password, poolSize, storage, retentionDays);
    }
}
