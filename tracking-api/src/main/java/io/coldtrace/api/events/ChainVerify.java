package io.coldtrace.api.events;

import io.coldtrace.api.AnchorConfig;
import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/v1/events/verify}: walks every chain in view from one snapshot through a cursor (constant memory
 * whatever the chains' length, see {@link ChainCheck}), then checks that each anchor, of the table and of the anchor
 * log, still matches the event at its seq and, when the API has its key, carries its signature. Reports the first
 * mismatch.
 */
final class ChainVerify {
    /** Lines of the anchor log looked up per query. */
    static final int LOG_BATCH = 500;

    private final AnchorConfig config;
    private final AnchorLog log;
    private long anchorsChecked;
    private long anchorsUnsigned;
    private long logAnchors;
    private JsonObject mismatch;

    ChainVerify(AnchorConfig config) {
        this.config = config;
        this.log = new AnchorLog(config.log());
    }

    /** Runs on {@code c} inside a transaction that it makes a REPEATABLE READ snapshot (its first statement). */
    JsonObject run(Connection c, Visibility vis) throws SQLException {
        long started = System.nanoTime();
        // heads and events from one snapshot: an append committed half way through cannot look like a broken chain
        EventQueries.snapshot(c);
        ChainCheck chains = new ChainCheck(EventQueries.heads(c, vis));
        ChainQueries.chains(c, vis, chains::event);
        chains.end();
        mismatch = chains.mismatch();
        boolean logPresent = false;
        if (mismatch == null) {
            ChainQueries.anchors(c, vis, a -> check(a.anchor(), a.eventId(), a.eventHash(), null));
        }
        if (mismatch == null) {
            logPresent = log.read(LOG_BATCH, lines -> checkLog(c, vis, lines));
        }
        return new JsonObject().put("ok", mismatch == null).put("events_checked", chains.checked())
                .put("chains", chains.chains()).put("anchors_checked", anchorsChecked)
                .put("anchors_unsigned", anchorsUnsigned)
                .put("anchor_log", new JsonObject().put("present", logPresent).put("anchors_checked", logAnchors))
                .put("anchor_signatures", config.signs() ? "checked"
                        : "not checked: COLDTRACE_ANCHOR_KEY is not set on this server")
                .put("first_mismatch", mismatch)
                .put("elapsed_ms", (System.nanoTime() - started) / 1_000_000);
    }

    private boolean checkLog(Connection c, Visibility vis, List<AnchorLog.Line> lines) throws SQLException {
        for (AnchorLog.Line line : lines) {
            if (line.anchor() == null && vis.seesAll()) {
                mismatch = ChainCheck.mismatch(null, null, null, line.unreadable());
                return false;
            }
        }
        List<AnchorLog.Line> visible = lines.stream()
                .filter(l -> l.anchor() != null && vis.admits(l.anchor().orgId())).toList();
        if (visible.isEmpty()) {
            return true;
        }
        Map<Long, ChainQueries.EventHash> events = ChainQueries.eventsAt(c,
                visible.stream().map(l -> l.anchor().seq()).toList());
        for (AnchorLog.Line line : visible) {
            AnchorRow a = line.anchor();
            ChainQueries.EventHash e = events.get(a.seq());
            boolean ours = e != null && e.orgId().equals(a.orgId());
            logAnchors++;
            if (!check(a, ours ? e.id() : null, ours ? e.hash() : null, line.number())) {
                return false;
            }
        }
        return true;
    }

    /** One anchor against the event now at its seq; {@code logLine} null for the table's. False on a mismatch. */
    private boolean check(AnchorRow a, UUID eventId, String eventHash, Long logLine) {
        anchorsChecked++;
        if (a.sig() == null) {
            // made while the API had no key, or stripped by someone: shown, since neither can be told apart here
            anchorsUnsigned++;
        }
        String where = logLine == null ? "" : " (anchor log line " + logLine + ")";
        if (config.signs() && a.sig() != null && !a.signedWith(config.key())) {
            mismatch = ChainCheck.mismatch(a.orgId(), eventId, a.seq(), "the anchor of " + Rows.iso(a.anchoredAt())
                    + where + " does not carry this server's signature: it was not written by this API");
            return false;
        }
        if (!a.hash().equals(eventHash)) {
            mismatch = ChainCheck.mismatch(a.orgId(), eventId, a.seq(), "event at seq " + a.seq()
                    + " no longer matches the anchor of " + Rows.iso(a.anchoredAt()) + where
                    + (eventId == null ? ": the event is gone" : ""));
            return false;
        }
        return true;
    }
}
