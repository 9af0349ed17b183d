package io.coldtrace.api.live;

import io.coldtrace.api.auth.OrgScope;
import io.coldtrace.api.db.BlockingDb;
import io.vertx.core.Context;
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
 * One poller per server instance, shared by every Server-Sent-Events client: while anyone listens it reads, once a
 * second, the units whose latest reading changed and the new alarm events, and writes them to each client allowed to
 * see them; every 15 s it writes a heartbeat. All its state lives on one Vert.x context, so nothing is shared between
 * threads. A client that disconnects, fails a write or falls too far behind is dropped.
 */
public final class LiveFeed {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
    static final long POLL_MS = 1000;
    static final int HEARTBEAT_TICKS = 15;
    /** Re-read this far back, so a row committed late (with an older ingested_at) is not missed. */
    private static final Duration UNIT_OVERLAP = Duration.ofSeconds(10);
    private static final int EVENT_LATE_S = 30;
    private static final int SENT_EVENTS_KEPT = 10_000;

    /** A connected browser (or client) and what it may see. */
    private record Client(HttpServerResponse response, OrgScope filter) {
    }

    private final Context context;
    private final BlockingDb db;
    private final Set<Client> clients = new HashSet<>();
    private final AtomicInteger clientCount = new AtomicInteger();
    private final Map<String, Instant> unitSent = new HashMap<>();
    private final Map<Long, Boolean> eventsSent = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > SENT_EVENTS_KEPT;
        }
    };
    private long timer = -1;
    private boolean started;
    private boolean polling;
    private long ticks;
    private Instant unitCursor;
    private long eventCursor;

    public LiveFeed(Vertx vertx, BlockingDb db) {
        this.context = vertx.getOrCreateContext();
        this.db = db;
    }

    /** Clients connected now (for metrics and tests). */
    public int clients() {
        return clientCount.get();
    }

    /** Starts streaming to {@code response} (headers already set); stops by itself when the client goes away. */
    public void subscribe(HttpServerResponse response, OrgScope filter) {
        Client client = new Client(response, filter);
        response.closeHandler(v -> context.runOnContext(x -> remove(client)));
        response.exceptionHandler(e -> context.runOnContext(x -> remove(client)));
        context.runOnContext(v -> {
            if (response.closed()) {
                return;
            }
            clients.add(client);
            clientCount.set(clients.size());
            if (timer < 0) {
                timer = context.owner().setPeriodic(POLL_MS, id -> tick());
                tick();
            }
        });
    }

    private void remove(Client client) {
        clients.remove(client);
        clientCount.set(clients.size());
        stopIfIdle();
    }

    private void stopIfIdle() {
        if (clients.isEmpty() && timer >= 0) {
            // nobody listens: stop polling and start afresh (from "now") when someone comes back
            context.owner().cancelTimer(timer);
            timer = -1;
            started = false;
            unitSent.clear();
            eventsSent.clear();
        }
    }

    private void tick() {
        if (++ticks % HEARTBEAT_TICKS == 0) {
            broadcast(null, ": heartbeat\n\n");
        }
        if (polling || clients.isEmpty()) {
            return;
        }
        polling = true;
        db.query(c -> {
            if (!started) {
                return new Poll(LiveQueries.start(c), List.of(), List.of());
            }
            return new Poll(null, LiveQueries.units(c, unitCursor.minus(UNIT_OVERLAP)),
                    LiveQueries.alarmEvents(c, eventCursor, EVENT_LATE_S));
        }).onComplete(ar -> context.runOnContext(v -> {
            polling = false;
            if (ar.failed()) {
                LOG.warn("live feed poll failed (retrying in {} ms): {}", POLL_MS, ar.cause().toString());
            } else {
                deliver(ar.result());
            }
        }));
    }

    private record Poll(LiveQueries.Start start, List<LiveQueries.UnitChange> units,
                        List<LiveQueries.AlarmChange> events) {
    }

    private void deliver(Poll poll) {
        if (timer < 0) {
            return;
        }
        if (poll.start() != null) {
            unitCursor = poll.start().now();
            eventCursor = poll.start().lastEventId();
            started = true;
            return;
        }
        for (LiveQueries.UnitChange u : poll.units()) {
            if (u.ingestedAt().isAfter(unitCursor)) {
                unitCursor = u.ingestedAt();
            }
            Instant sent = unitSent.get(u.unitId());
            if (sent == null || u.ingestedAt().isAfter(sent)) {
                unitSent.put(u.unitId(), u.ingestedAt());
                broadcast(u.orgId(), frame("unit", u.data()));
            }
        }
        for (LiveQueries.AlarmChange e : poll.events()) {
            eventCursor = Math.max(eventCursor, e.eventId());
            if (eventsSent.put(e.eventId(), Boolean.TRUE) == null) {
                broadcast(e.orgId(), frame("alarm", e.data()));
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
