package io.coldtrace.api.events;

import io.coldtrace.api.AnchorConfig;
import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.core.ledger.EventChain;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anchors chain heads outside the chain: for each organisation whose head moved since its last anchor, checks the
 * events since that anchor (from its hash, so history before it cannot have been rewritten unnoticed either), then
 * records the head in {@code trace_chain_anchor}, signed with the API's key when it has one, and appends it to the
 * anchor log, which is forced to disk before the anchors commit (the log holds at least what the table holds). Runs
 * every {@link AnchorConfig#interval()} and on request ({@code POST /api/v1/events/anchor}).
 */
final class ChainAnchors {
    private static final Logger LOG = LoggerFactory.getLogger(ChainAnchors.class);

    private final BlockingDb db;
    private final AnchorConfig config;
    private final AnchorLog log;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    ChainAnchors(BlockingDb db, AnchorConfig config, Clock clock) {
        this.db = db;
        this.config = config;
        this.log = new AnchorLog(config.log());
        this.clock = clock;
    }

    /** Starts the periodic run (none when the interval is zero); Vert.x cancels it when it closes. */
    void schedule(Vertx vertx) {
        if (!config.signs()) {
            LOG.warn("COLDTRACE_ANCHOR_KEY is not set: chain anchors are recorded unsigned (to {})", log.file());
        }
        if (config.interval().isZero()) {
            return;
        }
        vertx.setPeriodic(config.interval().toMillis(), id -> {
            if (!running.compareAndSet(false, true)) {
                return;
            }
            anchorNow(Visibility.ALL).onComplete(ar -> {
                running.set(false);
                if (ar.failed()) {
                    LOG.error("anchoring the event chains failed", ar.cause());
                } else if (!ar.result().getJsonArray("anchored").isEmpty()
                        || !ar.result().getJsonArray("refused").isEmpty()) {
                    LOG.info("chain anchors: {}", ar.result().encode());
                }
            });
        });
    }

    /** Anchors the heads of the chains {@code vis} sees. */
    Future<JsonObject> anchorNow(Visibility vis) {
        return db.transaction(c -> anchor(c, vis));
    }

    /** {anchored: [anchors], unchanged: n, refused: [{org_id, seq, reason}], signed, note?}. */
    private JsonObject anchor(Connection c, Visibility vis) throws SQLException {
        ChainQueries.lockAnchors(c);
        List<AnchorRow> anchored = new ArrayList<>();
        JsonArray refused = new JsonArray();
        int unchanged = 0;
        for (EventQueries.Head head : EventQueries.heads(c, vis)) {
            if (head.lastSeq() == null) {
                continue;
            }
            Optional<AnchorRow> latest = ChainQueries.latestAnchor(c, head.orgId());
            if (latest.isPresent() && latest.get().seq() == head.lastSeq()) {
                unchanged++;
                continue;
            }
            JsonObject broken = brokenSince(c, head, latest);
            if (broken != null) {
                LOG.warn("chain of {} not anchored: {}", head.orgId(), broken.encode());
                refused.add(broken);
                continue;
            }
            AnchorRow a = AnchorRow.of(head.orgId(), head.lastSeq(), head.lastHash(), clock.instant(), config.key());
            ChainQueries.insertAnchor(c, a);
            anchored.add(a);
        }
        log.append(anchored);
        JsonObject out = new JsonObject()
                .put("anchored", new JsonArray(anchored.stream().map(AnchorRow::toJson).toList()))
                .put("unchanged", unchanged).put("refused", refused).put("signed", config.signs());
        return config.signs() ? out : out.put("note",
                "COLDTRACE_ANCHOR_KEY is not set on this server: anchors are recorded unsigned");
    }

    /** The first mismatch of the head's chain after its latest anchor (from genesis when none), or null. */
    private static JsonObject brokenSince(Connection c, EventQueries.Head head, Optional<AnchorRow> latest)
            throws SQLException {
        ChainCheck check = new ChainCheck(List.of(head));
        Long after = latest.map(AnchorRow::seq).orElse(null);
        check.after(head.orgId(), after, latest.map(AnchorRow::hash).orElse(EventChain.GENESIS));
        ChainQueries.segment(c, head.orgId(), after == null ? 0 : after, head.lastSeq(), check::event);
        check.end();
        return check.mismatch();
    }
}
