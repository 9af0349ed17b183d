package io.coldtrace.api.custody;

import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.GenericPlans;
import io.coldtrace.api.db.Sql;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code lot_shelf_life} current: every {@link #TICK}, up to {@link #BATCH} lots on hand whose figure is older
 * than {@link #EVERY} (or missing), stalest first, are recomputed from their custody; a read of a lot's custody
 * stores its figure too. Lots that have left keep the figure of when they left.
 */
final class ShelfLifeRefresh {
    static final Duration EVERY = Duration.ofMinutes(5);
    /** A small batch often rather than a large one rarely: the refresh never holds the database for long. */
    static final Duration TICK = Duration.ofSeconds(30);
    static final int BATCH = 25;
    private static final Logger LOG = LoggerFactory.getLogger(ShelfLifeRefresh.class);
    private static final Sql STALE = Sql.of("""
            SELECT l.id FROM lot l LEFT JOIN lot_shelf_life s ON s.lot_id = l.id
            WHERE l.kind = 'lot' AND l.voided_by IS NULL
              AND (s.lot_id IS NULL OR (s.computed_at < :before AND EXISTS (
                    SELECT 1 FROM lot_movement m WHERE m.lot_id = l.id AND m.place_kind <> 'gone'
                    GROUP BY m.place_kind, m.place_id HAVING sum(m.delta) > 0)))
            ORDER BY s.computed_at NULLS FIRST LIMIT :limit""");
    private static final Sql UPSERT = Sql.of("""
            INSERT INTO lot_shelf_life (lot_id, org_id, used_fraction, remaining_days, predicted_expiry, as_of,
                    computed_at)
            VALUES (:lot, :org, :used, :remaining, :expiry, :as_of, :now)
            ON CONFLICT (lot_id) DO UPDATE SET used_fraction = EXCLUDED.used_fraction,
                remaining_days = EXCLUDED.remaining_days, predicted_expiry = EXCLUDED.predicted_expiry,
                as_of = EXCLUDED.as_of, computed_at = EXCLUDED.computed_at""");

    private final BlockingDb db;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    ShelfLifeRefresh(BlockingDb db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void schedule(Vertx vertx) {
        vertx.setPeriodic(Duration.ofSeconds(20).toMillis(), TICK.toMillis(), id -> {
            if (!running.compareAndSet(false, true)) {
                return;
            }
            refreshNow().onComplete(ar -> {
                running.set(false);
                if (ar.failed()) {
                    LOG.error("refreshing lots' shelf life failed", ar.cause());
                }
            });
        });
    }

    /** Recomputes one batch of stale lots; how many. */
    Future<Integer> refreshNow() {
        return db.query(c -> GenericPlans.within(c, p -> refresh(p, clock.instant())));
    }

    static int refresh(Connection c, Instant now) throws SQLException {
        List<UUID> stale = STALE.bind("before", now.minus(EVERY)).bind("limit", BATCH)
                .list(c, rs -> rs.getObject(1, UUID.class));
        for (UUID lot : stale) {
            CustodyQueries.LotModel m = CustodyQueries.lot(c, io.coldtrace.api.access.Visibility.ALL, lot.toString())
                    .orElseThrow();
            store(c, Custody.report(c, m, now, null, false), now);
        }
        return stale.size();
    }

    /** Stores a report's shelf life (nothing for a lot without a model). */
    static void store(Connection c, Custody.Report r, Instant now) throws SQLException {
        Custody.ShelfLife s = r.shelfLife();
        if (s == null || r.lot().voidedBy() != null) {
            return;
        }
        UPSERT.bind("lot", r.lot().id()).bind("org", r.lot().orgId()).bind("used", s.usedFraction())
                .bind("remaining", s.remainingDays()).bind("expiry", s.predictedExpiry()).bind("as_of", s.asOf())
                .bind("now", now).update(c);
    }
}
