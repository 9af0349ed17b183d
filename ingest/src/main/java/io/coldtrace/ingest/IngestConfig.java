package io.coldtrace.ingest;

import io.coldtrace.core.config.ConfigException;
import io.coldtrace.core.config.DbConfig;
import io.coldtrace.core.config.Env;
import io.coldtrace.core.config.MqttConfig;
import java.time.Duration;

/**
 * Everything ingest reads from its environment, validated once at start-up. The README lists every key; each one
 * has a default that works against the local services.
 */
public record IngestConfig(
        DbConfig db,
        MqttConfig mqtt,
        int httpPort,
        String metricsToken,
        int batchSize,
        Duration flushInterval,
        int maxBacklogMessages,
        long maxBacklogBytes,
        int maxPayloadBytes,
        Duration maxFutureSkew,
        Duration maxAge,
        Duration retryMin,
        Duration retryMax,
        Duration maintenanceInterval,
        Duration retention,
        boolean alarms,
        Duration alarmClockInterval,
        Duration webhookPollInterval,
        int webhookMaxAttempts) {

    public IngestConfig {
        if (batchSize * 2 > BROKER_WINDOW) {
            // the broker's in-flight window (deploy/mosquitto/mosquitto.conf) is 2000: a batch larger than half
            // of it waits for its timeout every time, because no more messages arrive until we acknowledge
            throw new ConfigException("COLDTRACE_INGEST_BATCH_SIZE must be at most half the broker's in-flight "
                    + "window (" + BROKER_WINDOW + "), was " + batchSize);
        }
        if (maxBacklogMessages < batchSize * 2) {
            throw new ConfigException("COLDTRACE_INGEST_MAX_BACKLOG must be at least twice the batch size, was "
                    + maxBacklogMessages);
        }
        if (retryMin.compareTo(retryMax) > 0) {
            throw new ConfigException("COLDTRACE_INGEST_RETRY_MIN_MS must not exceed COLDTRACE_INGEST_RETRY_MAX_MS");
        }
    }

    /** max_inflight_messages of deploy/mosquitto/mosquitto.conf. */
    public static final int BROKER_WINDOW = 2000;

    public static IngestConfig from(Env env) {
        DbConfig db = DbConfig.from(env);
        return new IngestConfig(
                db,
                MqttConfig.from(env, "coldtrace-ingest-1"),
                env.integer("COLDTRACE_INGEST_HTTP_PORT", 8081, 0, 65535),
                env.string("COLDTRACE_METRICS_TOKEN", ""),
                env.integer("COLDTRACE_INGEST_BATCH_SIZE", 1000, 1, BROKER_WINDOW / 2),
                env.millis("COLDTRACE_INGEST_FLUSH_MS", 20, 1, 10_000),
                env.integer("COLDTRACE_INGEST_MAX_BACKLOG", 20_000, 2, 10_000_000),
                env.integer("COLDTRACE_INGEST_MAX_BACKLOG_MB", 64, 1, 4096) * 1024L * 1024L,
                env.integer("COLDTRACE_INGEST_MAX_PAYLOAD_BYTES", 1 << 20, 256, 64 << 20),
                env.millis("COLDTRACE_INGEST_MAX_FUTURE_SKEW_MS", 300_000, 0, 86_400_000L),
                Duration.ofDays(env.integer("COLDTRACE_INGEST_MAX_AGE_DAYS", 400, 1, 3650)),
                env.millis("COLDTRACE_INGEST_RETRY_MIN_MS", 200, 1, 60_000),
                env.millis("COLDTRACE_INGEST_RETRY_MAX_MS", 10_000, 1, 600_000),
                env.millis("COLDTRACE_INGEST_MAINTENANCE_MS", 3_600_000, 1_000, 86_400_000L),
                // COLDTRACE_RETENTION_DAYS: read with the database settings, whose migration applies it too
                Duration.ofDays(db.retentionDays()),
                env.enumValue("COLDTRACE_ALARMS", Switch.ON) == Switch.ON,
                env.millis("COLDTRACE_ALARM_CLOCK_MS", 10_000, 100, 600_000),
                env.millis("COLDTRACE_WEBHOOK_POLL_MS", 1_000, 50, 600_000),
                env.integer("COLDTRACE_WEBHOOK_MAX_ATTEMPTS", 8, 1, 100));
    }

    /** An on/off setting. */
    public enum Switch { ON, OFF }
}
