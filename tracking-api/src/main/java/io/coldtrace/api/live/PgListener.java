package io.coldtrace.api.live;

import io.coldtrace.core.config.DbConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.IntConsumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LISTENs on PostgreSQL channels over one dedicated connection (not a pool's: it stays in LISTEN for as long as it
 * runs) on a thread of its own, and reports which channels fired as a bit mask (bit i = {@code channels.get(i)}).
 * A burst read in one wait is reported once. When the connection drops it reconnects with backoff and reports every
 * channel, since notifications sent meanwhile are lost. It always talks to the primary: a standby has no LISTEN.
 */
final class PgListener {
    private static final Logger LOG = LoggerFactory.getLogger(PgListener.class);
    /** Longest wait for notifications before the loop looks at its stop flag. */
    private static final int WAIT_MS = 500;
    /** After this long without a notification the connection is checked with a query, so a dead one is noticed. */
    private static final Duration PING_AFTER = Duration.ofSeconds(30);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(15);

    private final DbConfig db;
    private final List<String> channels;
    private final IntConsumer wake;
    private volatile boolean running;
    private Thread thread;

    /** {@code channels} are SQL identifiers of this code base (LISTEN takes no parameters). */
    PgListener(DbConfig db, List<String> channels, IntConsumer wake) {
        this.db = db;
        this.channels = List.copyOf(channels);
        this.wake = wake;
        for (String c : channels) {
            if (!c.matches("[a-z_]+")) {
                throw new IllegalArgumentException("not a channel name: " + c);
            }
        }
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "coldtrace-api-listen");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops within {@link #WAIT_MS} and closes the connection; waits for that up to {@code wait}. */
    void stop(Duration wait) throws InterruptedException {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t != null) {
            t.interrupt();
            t.join(wait.toMillis());
        }
    }

    private void run() {
        Duration backoff = MIN_BACKOFF;
        while (running) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                for (String channel : channels) {
                    s.execute("LISTEN " + channel);
                }
                backoff = MIN_BACKOFF;
                // whatever was committed before LISTEN took effect was not notified: read it now
                wake.accept(all());
                listen(c.unwrap(PGConnection.class), s);
            } catch (SQLException e) {
                if (!running) {
                    break;
                }
                LOG.warn("live feed listener lost its connection, reconnecting in {} ms: {}", backoff.toMillis(),
                        e.toString());
                if (!sleep(backoff)) {
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void listen(PGConnection pg, Statement s) throws SQLException {
        long quietSince = System.nanoTime();
        while (running) {
            PGNotification[] got = pg.getNotifications(WAIT_MS);
            if (got != null && got.length > 0) {
                int mask = 0;
                for (PGNotification n : got) {
                    int i = channels.indexOf(n.getName());
                    mask |= i >= 0 ? 1 << i : 0;
                }
                wake.accept(mask);
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > PING_AFTER.toNanos()) {
                s.execute("SELECT 1");
                quietSince = System.nanoTime();
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", db.user());
        if (!db.password().isEmpty()) {
            p.setProperty("password", db.password());
        }
        p.setProperty("ApplicationName", "coldtrace-api-listen");
        p.setProperty("connectTimeout", "5");
        // a ping that gets no answer fails instead of waiting for TCP to give up
        p.setProperty("socketTimeout", "30");
        p.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(db.url(), p);
    }

    private int all() {
        return (1 << channels.size()) - 1;
    }

    private boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
