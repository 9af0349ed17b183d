package io.coldtrace.ingest.mqtt;

import io.coldtrace.core.config.MqttConfig;
import io.coldtrace.core.telemetry.Topics;
import io.coldtrace.ingest.metrics.IngestMetrics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to device telemetry and status with QoS 1 on a persistent session (stable client id, clean session
 * off) and hands every message to the {@link Inbox} without parsing it. Messages are acknowledged only through
 * {@link #ack}, after the writer committed them.
 *
 * <p>Each connection is a fresh Paho client with its own epoch: an acknowledgement goes to the client the message
 * came from, or nowhere if that connection is gone (the broker then redelivers, and the writer's natural key makes
 * the second copy a no-op). Reconnection is ours, with backoff, on this verticle's context: it resubscribes every
 * time. When the inbox overflows (the broker ignored its in-flight window while the writer was held up) the
 * connection stops taking messages: further ones are left unacknowledged, the writer finishes and acknowledges
 * what it holds, and only then does the source reconnect so that the broker redelivers the rest. Memory stays
 * bounded and every cycle makes progress.
 */
public final class MqttSource extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(MqttSource.class);
    private static final Duration RECONNECT_MIN = Duration.ofMillis(250);
    private static final Duration RECONNECT_MAX = Duration.ofSeconds(10);

    private final MqttConfig cfg;
    private final Inbox inbox;
    private final IngestMetrics metrics;
    private final Object ackLock = new Object();

    // touched only on this verticle's context, except where noted
    private Context ctx;
    private Connection current;
    private long epochs;
    private boolean paused;
    private boolean stopping;
    private long reconnectDelayMs = RECONNECT_MIN.toMillis();

    public MqttSource(MqttConfig cfg, Inbox inbox, IngestMetrics metrics) {
        this.cfg = cfg;
        this.inbox = inbox;
        this.metrics = metrics;
    }

    /** One MQTT connection: its client, and whether it is up and subscribed (read from other threads). */
    private final class Connection implements MqttCallback {
        final long epoch;
        final MqttAsyncClient client;
        volatile boolean subscribed;
        volatile boolean lost;
        volatile boolean shedding;

        Connection(long epoch) throws MqttException {
            this.epoch = epoch;
            this.client = new MqttAsyncClient(cfg.url(), cfg.clientId(), new MemoryPersistence());
            client.setManualAcks(true);
            client.setCallback(this);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // Paho's callback thread: hand over, never parse, block or throw
            metrics.messageReceived();
            if (lost || shedding) {
                return; // not acknowledged: the broker redelivers it on the next connection
            }
            Inbound in = new Inbound(epoch, message.getId(), message.getQos(), topic, message.getPayload(), Instant.now());
            if (!inbox.offer(in)) {
                shedding = true;
                ctx.runOnContext(v -> pauseForOverflow(this));
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            lost = true;
            subscribed = false;
            ctx.runOnContext(v -> onLost(this, cause));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // ingest publishes nothing
        }
    }

    @Override
    public Future<?> start() {
        ctx = context;
        Promise<Void> first = Promise.promise();
        connect(first);
        return first.future();
    }

    @Override
    public Future<?> stop() {
        stopping = true;
        Connection c = current;
        current = null;
        if (c != null) {
            return closeQuietly(c);
        }
        return Future.succeededFuture();
    }

    /** True while a connection is up and subscribed: what /ready reports as the broker's state. */
    public boolean connected() {
        Connection c = current;
        return c != null && c.subscribed && !c.lost;
    }

    public boolean paused() {
        return paused;
    }

    /** The epoch messages get now; the writer drops older ones (they will be redelivered). */
    public long currentEpoch() {
        Connection c = current;
        return c == null ? -1 : c.epoch;
    }

    /**
     * Acknowledges a committed message on the connection it arrived on; does nothing if that connection is gone.
     * Called from the writer thread.
     */
    public void ack(Inbound in) {
        if (in.qos() == 0) {
            return;
        }
        Connection c = current;
        if (c == null || c.epoch != in.epoch() || c.lost) {
            return;
        }
        synchronized (ackLock) {
            try {
                c.client.messageArrivedComplete(in.mqttId(), in.qos());
            } catch (MqttException e) {
                LOG.debug("ack of message {} not sent (connection going away): {}", in.mqttId(), e.getMessage());
            }
        }
    }

    /**
     * Called by the writer once it has written and acknowledged everything it held; reconnects if the source had
     * stopped taking messages, so that the broker redelivers the ones left unacknowledged.
     */
    public void resumeIfPaused() {
        ctx.runOnContext(v -> {
            if (paused && !stopping) {
                paused = false;
                Connection old = current;
                LOG.info("backlog drained: reconnecting to {} for the messages left with the broker", cfg.url());
                if (old != null) {
                    old.lost = true;
                    closeQuietly(old).onComplete(ar -> connect(null));
                } else {
                    connect(null);
                }
            }
        });
    }

    private void pauseForOverflow(Connection c) {
        if (paused || stopping || c != current) {
            return;
        }
        paused = true;
        metrics.sourcePaused();
        LOG.warn("in-memory backlog over its bound ({} messages, {} bytes): taking no more messages on this "
                + "connection until the writer has caught up; the broker keeps the rest", inbox.size(), inbox.bytes());
    }

    private void connect(Promise<Void> first) {
        if (stopping) {
            return;
        }
        Connection c;
        try {
            c = new Connection(++epochs);
        } catch (MqttException e) {
            fail(first, e);
            return;
        }
        current = c;
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(false);
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(30);
        o.setConnectionTimeout(10);
        o.setMaxInflight(1000);
        if (!cfg.username().isEmpty()) {
            o.setUserName(cfg.username());
            o.setPassword(cfg.password().toCharArray());
        }
        try {
            c.client.connect(o, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken t) {
                    ctx.runOnContext(v -> subscribe(c, first));
                }

                @Override
                public void onFailure(IMqttToken t, Throwable e) {
                    ctx.runOnContext(v -> retry(c, first, e));
                }
            });
        } catch (MqttException e) {
            retry(c, first, e);
        }
    }

    private void subscribe(Connection c, Promise<Void> first) {
        String telemetry = cfg.shareGroup().isEmpty()
                ? Topics.TELEMETRY_FILTER : "$share/" + cfg.shareGroup() + "/" + Topics.TELEMETRY_FILTER;
        try {
            // status is retained, and retained messages never reach shared subscriptions: every instance reads it
            c.client.subscribe(new String[] {telemetry, Topics.STATUS_FILTER}, new int[] {1, 1}, null,
                    new IMqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken t) {
                            ctx.runOnContext(v -> {
                                c.subscribed = true;
                                reconnectDelayMs = RECONNECT_MIN.toMillis();
                                LOG.info("subscribed to {} and {} at {} as {} (connection {})", telemetry,
                                        Topics.STATUS_FILTER, cfg.url(), cfg.clientId(), c.epoch);
                                if (first != null) {
                                    first.tryComplete();
                                }
                            });
                        }

                        @Override
                        public void onFailure(IMqttToken t, Throwable e) {
                            ctx.runOnContext(v -> retry(c, first, e));
                        }
                    });
        } catch (MqttException e) {
            retry(c, first, e);
        }
    }

    private void onLost(Connection c, Throwable cause) {
        if (c != current || stopping) {
            return;
        }
        LOG.warn("MQTT connection {} lost: {}; reconnecting", c.epoch, cause == null ? "closed" : cause.getMessage());
        retry(c, null, cause);
    }

    private void retry(Connection c, Promise<Void> first, Throwable e) {
        c.lost = true;
        closeQuietly(c);
        if (c != current || stopping || paused) {
            return;
        }
        long delay = reconnectDelayMs;
        reconnectDelayMs = Math.min(reconnectDelayMs * 2, RECONNECT_MAX.toMillis());
        LOG.warn("cannot reach the MQTT broker at {}: {}; retrying in {} ms", cfg.url(),
                e == null ? "?" : e.getMessage(), delay);
        // start-up does not fail for a broker that is still coming up: ingest keeps trying, /ready says why
        if (first != null) {
            first.tryComplete();
        }
        vertx.setTimer(delay, id -> {
            if (c == current) {
                connect(null);
            }
        });
    }

    private Future<Void> closeQuietly(Connection c) {
        return vertx.executeBlocking(() -> {
            try {
                if (c.client.isConnected()) {
                    c.client.disconnectForcibly(0, 1000, false);
                }
            } catch (MqttException e) {
                LOG.debug("disconnect: {}", e.getMessage());
            }
            try {
                c.client.close(true);
            } catch (MqttException e) {
                LOG.debug("close: {}", e.getMessage());
            }
            return null;
        }, false);
    }

    private static void fail(Promise<Void> first, Exception e) {
        if (first != null) {
            first.tryFail(e);
        }
    }
}
