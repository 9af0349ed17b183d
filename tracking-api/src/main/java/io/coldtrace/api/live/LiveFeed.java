package io.coldtrace.api.live;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.core.config.DbConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One feed per server instance, shared by every Server-Sent-Events client, pushed by the database: PostgreSQL
 * NOTIFY (a new latest reading on {@code coldtrace_latest}, an alarm event on {@code coldtrace_alarm_event}) wakes a
 * {@link PgListener}; the feed then reads what changed, as the poller it replaced did, and writes it to each client
 * allowed to see it. Wake-ups are coalesced: one read at a time, at most one per {@link #MIN_GAP_MS}, and wakes that
 * arrive meanwhile make one more. A slow fallback read every {@link #FALLBACK_MS} means a lost notification delays an
 * update, never freezes a page. Every 15 s it writes a heartbeat. All its state lives on one Vert.x context, so
 * nothing is shared between threads. A client that disconnects, fails a write or falls too far behind is dropped.
 */
public final class LiveFeed {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
    static final long HEARTBEAT_MS = 15_000;
    /** Reads anyway this often while anyone listens, in case a notification was lost. */
    static final long FALLBACK_MS = 20_000;
    /** Least time between two reads: a burst of notifications (ingest commits many batches a second) is one read. */
    static final long MIN_GAP_MS = 250;
    static final List<String> CHANNELS = List.of("coldtrace_latest", "coldtrace_alarm_event");
    private static final int UNITS = 1;
    private static final int ALARMS = 2;
    private static final int ALL = UNITS | ALARMS;
    /** Re-read this far back, so a row committed late (with an older ingested_at) is not missed. */
    private static final Duration UNIT_OVERLAP = Duration.ofSeconds(10);
    private static final int EVENT_LATE_S = 30;
    private static final int SENT_EVENTS_KEPT = 10_000;

    /** A connected browser (or client) and what it may see. */
    private record Client(HttpServerResponse response, Visibility filter) {
    }

    private final Context context;
    private final BlockingDb db;
    private final long fallbackMs;
    private final PgListener listener;
    /** Channels notified since the context last looked (written by the listener's thread). */
    private final AtomicInteger notified = new AtomicInteger();
    private final Set<Client> clients = new HashSet<>();
    private final AtomicInteger clientCount = new AtomicInteger();
    private final Map<String, Instant> unitSent = new HashMap<>();
    private final Map<Long, Boolean> eventsSent = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > SENT_EVENTS_KEPT;
        }
    };
    private long heartbeatTimer = -1;
    private long fallbackTimer = -1;
    private long gapTimer = -1;
    private boolean started;
    private boolean polling;
    private int dirty;
    private long lastPollNanos;
    private Instant unitCursor;
    private long eventCursor;

    /** A feed whose listener connects to {@code listenDb} (the primary: standbys do not notify). */
    public LiveFeed(Vertx vertx, BlockingDb db, DbConfig listenDb) {
        this(vertx, db, listenDb, FALLBACK_MS);
    }

    LiveFeed(Vertx vertx, BlockingDb db, DbConfig listenDb, long fallbackMs) {
        this.context = vertx.getOrCreateContext();
        this.db = db;
        this.fallbackMs = fallbackMs;
        this.listener = new PgListener(listenDb, CHANNELS, this::wake);
        // the listener's thread and connection end with Vert.x (undeploying this closes them)
        vertx.deployVerticle(new VerticleBase() {
            @Override
            public Future<?> stop() {
                // closing the listener's JDBC connection blocks: it runs on the JDBC workers like any JDBC call
                return db.blocking(() -> {
                    listener.stop(Duration.ofSeconds(2));
                    return null;
                });
            }
        });
    }

    /** Clients connected now (for metrics and tests). */
    public int clients() {
        return clientCount.get();
    }

    /** Starts streaming to {@code response} (headers already set); stops by itself when the client goes away. */
    public void subscribe(HttpServerResponse response, Visibility filter) {
        Client client = new Client(response, filter);
        response.closeHandler(v -> context.runOnContext(x -> remove(client)));
        response.exceptionHandler(e -> context.runOnContext(x -> remove(client)));
        context.runOnContext(v -> {
            if (response.closed()) {
                return;
            }
            clients.add(client);
            clientCount.set(clients.size());
            if (heartbeatTimer < 0) {
                listener.start();
                heartbeatTimer = context.owner().setPeriodic(HEARTBEAT_MS, id -> broadcast(null, ": heartbeat\n\n"));
                fallbackTimer = context.owner().setPeriodic(fallbackMs, id -> request(ALL));
                request(ALL);
            }
        });
    }

    /** From the listener's thread: marks the channels and hands one look to the context per burst. */
    private void wake(int channels) {
        if (notified.getAndUpdate(n -> n | channels) == 0) {
            context.runOnContext(v -> request(notified.getAndSet(0)));
        }
    }

    private void remove(Client client) {
        clients.remove(client);
        clientCount.set(clients.size());
        stopIfIdle();
    }

    private void stopIfIdle() {
        if (clients.isEmpty() && heartbeatTimer >= 0) {
            // nobody listens: stop reading and start afresh (from "now") when someone comes back; the listener stays
            // (one idle connection) so that the next page does not wait for a reconnect
            context.owner().cancelTimer(heartbeatTimer);
            context.owner().cancelTimer(fallbackTimer);
            heartbeatTimer = -1;
            fallbackTimer = -1;
            started = false;
            dirty = 0;
            unitSent.clear();
            eventsSent.clear();
        }
    }

    /** Asks for a read of {@code channels}: now, after the gap since the last one, or after the one running. */
    private void request(int channels) {
        dirty |= channels;
        if (dirty == 0 || polling || gapTimer >= 0 || clients.isEmpty()) {
            return;
        }
        long waitMs = MIN_GAP_MS - (System.nanoTime() - lastPollNanos) / 1_000_000;
        if (waitMs > 0) {
            gapTimer = context.owner().setTimer(waitMs, id -> {
                gapTimer = -1;
                request(0);
            });
            return;
        }
        poll();
    }

    private void poll() {
        int what = dirty;
        dirty = 0;
        polling = true;
        lastPollNanos = System.nanoTime();
        db.query(c -> {
            if (!started) {
                return new Poll(LiveQueries.start(c), List.of(), List.of());
            }
            return new Poll(null,
                    (what & UNITS) != 0 ? LiveQueries.units(c, unitCursor.minus(UNIT_OVERLAP)) : List.of(),
                    (what & ALARMS) != 0 ? LiveQueries.alarmEvents(c, eventCursor, EVENT_LATE_S) : List.of());
        }).onComplete(ar -> context.runOnContext(v -> {
            polling = false;
            if (ar.failed()) {
                LOG.warn("live feed read failed (retrying at the next notification or within {} ms): {}",
                        fallbackMs, ar.cause().toString());
                return;
            }
            deliver(ar.result());
            request(0);
        }));
    }

    private record Poll(LiveQueries.Start start, List<LiveQueries.UnitChange> units,
                        List<LiveQueries.AlarmChange> events) {
    }

    private void deliver(Poll poll) {
        if (heartbeatTimer < 0) {
            return;
        }
        if (poll.start() != null) {
            unitCursor = poll.start().now();
            eventCursor = poll.start().lastEventId();
            started = true;
            // what was notified before the cursors were set is read at once
            dirty = ALL;
            return;
        }
        for (LiveQueries.UnitChange u : poll.units()) {
            if (u.ingestedAt().isAfter(unitCursor)) {
                unitCursor = u.ingestedAt();
            }
            Instant sent = unitSent.get(u.unit().id());
            if (sent == null || u.ingestedAt().isAfter(sent)) {
                unitSent.put(u.unit().id(), u.ingestedAt());
                broadcast(u.orgId(), frame("unit", u.json()));
            }
        }
        for (LiveQueries.AlarmChange e : poll.events()) {
            eventCursor = Math.max(eventCursor, e.eventId());
            if (eventsSent.put(e.eventId(), Boolean.TRUE) == null) {
                broadcast(e.orgId(), frame("alarm", e.json()));
            }
        }
    }

    private static String frame(String event, JsonObject data) {
        return "event: " + event + "\ndata: " + data.encode() + "\n\n";
    }

    /** Writes {@code text} to every client that may see {@code orgId} (null = everyone, e.g. heartbeats). */
    private void broadcast(String orgId, String text) {
        for (Iterator<Client> it = clients.iterator(); it.hasNext(); ) {
            Client c = it.next();
            if (orgId != null && !c.filter().admits(orgId)) {
                continue;
            }
            if (c.response().closed() || c.response().writeQueueFull()) {
                // a client that cannot keep up is dropped rather than buffered without bound; it reconnects
                it.remove();
                clientCount.set(clients.size());
                c.response().reset();
                continue;
            }
            c.response().write(text);
        }
        stopIfIdle();
    }
}
