package io.coldtrace.api.custody;

import io.coldtrace.api.access.Visibility;
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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code lot_shelf_life} current: every {@link #TICK} it recomputes, for at most {@link #BUDGET} of database
 * time, first the lots that have no figure yet, then the lots on hand whose figure is older than {@link #EVERY},
 * stalest first; a read of a lot's custody stores its figure too. Lots that had left when last computed keep that
 * figure (a read of their custody refreshes it). Measured on the 100,000-lot bench database (lots not read before, a
 * quiet machine): about 13 lots a round, 154 a minute, so a full pass over 100,000 lots on hand takes ~11 hours,
 * over a few thousand a few minutes; the lots list shows when each figure was computed.
 */
final class ShelfLifeRefresh {
    static final Duration EVERY = Duration.ofMinutes(5);
    /**
     * Short, frequent rounds: the refresh never holds a connection or the database for long, and a page served
     * meanwhile shares the machine with it for at most a quarter of a second.
     */
    static final Duration TICK = Duration.ofSeconds(5);
    static final Duration BUDGET = Duration.ofMillis(250);
    /** Lots read per query; a round stops at its budget, or when both queries are spent. */
    static final int BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ShelfLifeRefresh.class);
    private static final Sql MISSING = Sql.of("""
            SELECT l.id FROM lot l JOIN product p ON p.id = l.product_id AND p.shelf_life_days IS NOT NULL
            WHERE l.kind = 'lot' AND l.voided_by IS NULL
              AND NOT EXISTS (SELECT 1 FROM lot_shelf_life s WHERE s.lot_id = l.id)
            LIMIT :limit""");
    private static final Sql STALE = Sql.of("""
            SELECT s.lot_id FROM lot_shelf_life s
            WHERE s.on_hand AND s.computed_at < :before
            ORDER BY s.computed_at LIMIT :limit""");
    private static final Sql UPSERT = Sql.of("""
            INSERT INTO lot_shelf_life (lot_id, org_id, used_fraction, remaining_days, predicted_expiry, as_of,
                    computed_at, on_hand)
            VALUES (:lot, :org, :used, :remaining, :expiry, :as_of, :now, :on_hand)
            ON CONFLICT (lot_id) DO UPDATE SET used_fraction = EXCLUDED.used_fraction,
                remaining_days = EXCLUDED.remaining_days, predicted_expiry = EXCLUDED.predicted_expiry,
                as_of = EXCLUDED.as_of, computed_at = EXCLUDED.computed_at, on_hand = EXCLUDED.on_hand""");

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

    /** Recomputes lots for one round's budget; how many. */
    Future<Integer> refreshNow() {
        return db.query(c -> GenericPlans.within(c, p -> refresh(p, clock.instant(), BUDGET)));
    }

    /** One round: lots without a figure (of products with a shelf-life model), then stale lots on hand, until {@code budget} has passed; how many. */
    static int refresh(Connection c, Instant now, Duration budget) throws SQLException {
        long deadline = System.nanoTime() + budget.toNanos();
        int done = 0;
        for (Sql.Bound next : List.of(MISSING.bind("limit", BATCH),
                STALE.bind("before", now.minus(EVERY)).bind("limit", BATCH))) {
            for (UUID lot : next.list(c, rs -> rs.getObject(1, UUID.class))) {
                if (System.nanoTime() > deadline) {
                    return done;
                }
                Optional<CustodyQueries.LotModel> m = CustodyQueries.lot(c, Visibility.ALL, lot.toString());
                if (m.isPresent()) {
                    store(c, Custody.report(c, m.get(), now, null, false), now);
                    done++;
                }
            }
        }
        return done;
    }

    /** Stores a report's shelf life (nothing for a lot without a model). */
    static void store(Connection c, Custody.Report r, Instant now) throws SQLException {
        Custody.ShelfLife s = r.shelfLife();
        if (s == null || r.lot().voidedBy() != null) {
            return;
        }
        UPSERT.bind("lot", r.lot().id()).bind("org", r.lot().orgId()).bind("used", s.usedFraction())
                .bind("remaining", s.remainingDays()).bind("expiry", s.predictedExpiry()).bind("as_of", s.asOf())
                .bind("now", now).bind("on_hand", r.legs().stream().anyMatch(l -> l.leg().open())).update(c);
    }
}
