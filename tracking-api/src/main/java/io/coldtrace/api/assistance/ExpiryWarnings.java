package io.coldtrace.api.assistance;

import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.Sql;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expiry warnings pushed by webhook (V9_41): every hour, each certificate (not revoked) whose validity ends within
 * {@link #DAYS} days of today in China gets one warning for that end, and a trigger queues it to every active webhook
 * of the certificate's organisation (ingest's sender delivers it). The list {@code GET /api/v1/assistance/expiring}
 * reads the same certificates at any time.
 */
final class ExpiryWarnings {
    static final int DAYS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(ExpiryWarnings.class);
    private static final Sql RECORD = Sql.of("""
            INSERT INTO assistance_expiry_warning (application_id, org_id, valid_to, payload)
            SELECT a.id, a.org_id, d.valid_to, jsonb_build_object('kind', 'assistance_certificate_expiring',
                       'application_id', a.id, 'certificate_number', d.certificate_number, 'issuer', d.issuer,
                       'product_id', a.product_id, 'party_id', a.party_id, 'valid_from', d.valid_from,
                       'valid_to', d.valid_to, 'days_left', d.valid_to - CAST(:today AS date),
                       'warned_on', CAST(:today AS date))
            FROM assistance_decision d JOIN assistance_application a ON a.id = d.application_id
            WHERE d.outcome = 'certified'
              AND d.valid_to BETWEEN CAST(:today AS date) AND CAST(:today AS date) + CAST(:days AS integer)
              AND NOT EXISTS (SELECT 1 FROM assistance_recheck r WHERE r.application_id = a.id
                              AND r.outcome = 'revoked')
            ON CONFLICT (application_id, valid_to) DO NOTHING""");

    private final BlockingDb db;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    ExpiryWarnings(BlockingDb db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Records the warnings due on {@code today}; how many were new. */
    static int record(Connection c, LocalDate today) throws SQLException {
        return RECORD.bind("today", today).bind("days", DAYS).update(c);
    }

    /** A pass every hour (the first an hour after start: warnings are a month ahead, a start need not wait). */
    void schedule(Vertx vertx) {
        vertx.setPeriodic(3_600_000, id -> {
            if (!running.compareAndSet(false, true)) {
                return;
            }
            db.transaction(c -> record(c, LocalDate.now(clock.withZone(PublicList.CALENDAR)))).onComplete(ar -> {
                running.set(false);
                if (ar.failed()) {
                    LOG.error("recording the expiry warnings of assistance certificates failed", ar.cause());
                } else if (ar.result() > 0) {
                    LOG.info("{} assistance certificates expire within {} days: warnings queued", ar.result(), DAYS);
                }
            });
        });
    }
}
