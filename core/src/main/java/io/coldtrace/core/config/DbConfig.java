package io.coldtrace.core.config;

/** Database connection settings (COLDTRACE_DB_*). */
public record DbConfig(String url, String user, String password, int poolSize, StorageChoice storage) {
    /** Which telemetry storage the migrations create; AUTO takes TimescaleDB when the extension is available. */
    public enum StorageChoice { AUTO, TIMESCALE, PARTITIONED }

    public DbConfig {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("COLDTRACE_DB_URL must be a jdbc:postgresql: URL, was " + url);
        }
    }

    public static DbConfig from(Env env) {
        return new DbConfig(
                env.string("COLDTRACE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/coldtrace"),
                env.string("COLDTRACE_DB_USER", "postgres"),
                env.string("COLDTRACE_DB_PASSWORD", ""),
                env.integer("COLDTRACE_DB_POOL_SIZE", 4, 1, 200),
                env.enumValue("COLDTRACE_DB_STORAGE", StorageChoice.AUTO));
    }

    public DbConfig withUrl(String newUrl) {
        return new DbConfig(newUrl, user, password, poolSize, storage);
    }
}
