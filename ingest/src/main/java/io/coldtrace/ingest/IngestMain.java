package io.coldtrace.ingest;

import com.zaxxer.hikari.HikariDataSource;
import io.coldtrace.core.config.ConfigException;
import io.coldtrace.core.config.Env;
import io.coldtrace.core.db.Database;
import io.coldtrace.core.db.StorageMode;
import io.coldtrace.core.telemetry.TelemetryCodec;
import io.coldtrace.ingest.alarms.AlarmClock;
import io.coldtrace.ingest.alarms.AlarmStage;
import io.coldtrace.ingest.metrics.MicrometerIngestMetrics;
import io.coldtrace.ingest.notify.WebhookSender;
import io.coldtrace.ingest.write.PartitionMaintenance;
import io.coldtrace.ingest.write.PeriodicTask;
import io.coldtrace.ingest.mqtt.Inbox;
import io.coldtrace.ingest.mqtt.MqttSource;
import io.coldtrace.ingest.ops.OpsHttpVerticle;
import io.coldtrace.ingest.write.BatchWriter;
import io.coldtrace.ingest.write.Decoder;
import io.coldtrace.ingest.write.TelemetryStore;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest deployable: MQTT (Paho) → decode → batch → PostgreSQL, acknowledging each message after the commit that
 * holds it. Start-up is one future: migrations, the writer loop, the MQTT source, the ops HTTP server.
 */
public final class IngestMain {
    private static final Logger LOG = LoggerFactory.getLogger(IngestMain.class);

    private final IngestConfig cfg;
    private final Vertx vertx;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private HikariDataSource ds;
    private BatchWriter writer;
    private AlarmStage alarms;
    private MqttSource source;
    private OpsHttpVerticle ops;
    private WorkerExecutor writerThread;
    private WebhookSender webhooks;
    private volatile boolean databaseProbe;
    private volatile StorageMode mode;

    public IngestMain(IngestConfig cfg) {
        this.cfg = cfg;
        // Vert.x reports its own meters (HTTP server, worker pools, event bus) into the registry /metrics serves
        this.vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
    }

    public static void main(String[] args) {
        IngestConfig cfg;
        try {
            cfg = IngestConfig.from(Env.system());
        } catch (ConfigException e) {
            System.err.println("ingest: bad configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        IngestMain main = new IngestMain(cfg);
        main.start().onComplete(ar -> {
            if (ar.failed()) {
                LOG.error("ingest failed to start: {}", ar.cause().getMessage(), ar.cause());
                System.exit(1);
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                main.stop().toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("shutdown: {}", e.getMessage());
            }
        }, "ingest-shutdown"));
    }

    /** Starts everything; the future fails with the reason if any part cannot start. */
    public Future<Void> start() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        ds = Database.pool(cfg.db(), "coldtrace-ingest");
        Inbox inbox = new Inbox(cfg.maxBacklogMessages(), cfg.maxBacklogBytes());
        MicrometerIngestMetrics metrics = new MicrometerIngestMetrics(registry, inbox::size);
        source = new MqttSource(cfg.mqtt(), inbox, metrics);
        TelemetryCodec codec = new TelemetryCodec(cfg.maxPayloadBytes(), cfg.maxFutureSkew(), cfg.maxAge());
        List<PeriodicTask> tasks = new ArrayList<>();
        tasks.add(new PartitionMaintenance(cfg.maintenanceInterval(), cfg.retention()));
        if (cfg.alarms()) {
            tasks.add(new AlarmClock(cfg.alarmClockInterval()));
        }
        alarms = new AlarmStage(cfg.alarms());
        writer = new BatchWriter(ds, new TelemetryStore(), new Decoder(codec), inbox, source, metrics,
                new BatchWriter.Settings(cfg.batchSize(), cfg.flushInterval(), cfg.retryMin(), cfg.retryMax()),
                alarms, tasks);
        webhooks = new WebhookSender(ds, cfg.webhookMaxAttempts());
        ops = new OpsHttpVerticle(cfg.httpPort(), cfg.metricsToken(), registry, () ->
                new OpsHttpVerticle.Readiness(databaseProbe, source.connected(), mode != null,
                        mode == null ? "unknown" : mode.label()));
        // the writer loop owns one long-lived worker thread; it is not a task that is expected to finish
        writerThread = vertx.createSharedWorkerExecutor("ingest-writer", 1, 3650, TimeUnit.DAYS);

        return vertx.executeBlocking(() -> Database.migrate(ds, cfg.db()))
                .compose(m -> {
                    mode = m;
                    databaseProbe = true;
                    LOG.info("schema migrated; telemetry storage mode: {}", m.label());
                    writerThread.executeBlocking(() -> {
                        writer.run();
                        return null;
                    }, false);
                    vertx.setPeriodic(2000, id -> probeDatabase());
                    if (cfg.alarms()) {
                        WorkerExecutor hooks = vertx.createSharedWorkerExecutor("ingest-webhooks", 1);
                        AtomicBoolean busy = new AtomicBoolean();
                        vertx.setPeriodic(cfg.webhookPollInterval().toMillis(), id -> {
                            if (busy.compareAndSet(false, true)) {
                                hooks.executeBlocking(webhooks::runOnce, false).onComplete(ar -> busy.set(false));
                            }
                        });
                    }
                    return vertx.deployVerticle(source);
                })
                .compose(id -> vertx.deployVerticle(ops))
                .map(id -> {
                    LOG.info("ingest up: MQTT {} as {}, ops on http://0.0.0.0:{}/ready (/health, /metrics)",
                            cfg.mqtt().url(), cfg.mqtt().clientId(), ops.actualPort());
                    return (Void) null;
                });
    }

    private void probeDatabase() {
        vertx.executeBlocking(() -> {
            try (Connection c = ds.getConnection()) {
                return c.isValid(2);
            } catch (Exception e) {
                return false;
            }
        }, false).onComplete(ar -> databaseProbe = ar.succeeded() && ar.result());
    }

    public int opsPort() {
        return ops.actualPort();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public Future<Void> stop() {
        if (writer != null) {
            writer.stop();
        }
        // the writer has been told to stop, so closing the pool and the alarm stage under a batch still in flight
        // only fails that batch, which stays unacknowledged for the broker to redeliver
        return vertx.close().onComplete(ar -> {
            if (alarms != null) {
                alarms.close();
            }
            if (ds != null) {
                ds.close();
            }
        });
    }
}
