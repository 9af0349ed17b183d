package io.coldtrace.api.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read-only REPEATABLE READ transaction on a read connection ({@link ReadSource}), held across the steps of one
 * export so that every statement of it sees the same data: a {@link Cursor}'s query, or the many reads of an audit
 * pack. It owns its connection until {@link #close()}. The server ends the session if it sits idle in the transaction
 * longer than the limit given: the last guard should this process stop without closing it. Blocking: call it on a
 * JDBC worker, one step at a time.
 */
public final class Snapshot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Snapshot.class);

    private final Connection connection;
    private boolean closed;

    private Snapshot(Connection connection) {
        this.connection = connection;
    }

    /** Opens a snapshot on a read connection; the server ends it after {@code serverIdleLimit} without a statement. */
    public static Snapshot open(ReadSource reads, Duration serverIdleLimit) throws SQLException {
        Connection c = reads.connection();
        try {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            try (PreparedStatement limit = c.prepareStatement(
                    "SELECT set_config('idle_in_transaction_session_timeout', ?, true)")) {
                limit.setString(1, Long.toString(serverIdleLimit.toMillis()));
                limit.execute();
            }
            return new Snapshot(c);
        } catch (SQLException | RuntimeException e) {
            new Snapshot(c).close();
            throw e;
        }
    }

    /** The snapshot's connection: statements on it see the snapshot; its transaction is the snapshot's. */
    public Connection connection() {
        return connection;
    }

    /** Ends the transaction and gives the connection back; never throws; again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // the connection is broken or the server ended the session: the pool replaces it
            LOG.debug("ending an export transaction: {}", e.toString());
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("returning an export connection: {}", e.toString());
            }
        }
    }
}
