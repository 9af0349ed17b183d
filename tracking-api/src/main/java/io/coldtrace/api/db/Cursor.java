package io.coldtrace.api.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open database cursor: a query run with autocommit off and a fetch size, so pgjdbc holds only
 * {@code fetchSize} rows at a time and asks the server for the next ones as they are read. It owns its connection
 * until {@link #close()}. Blocking: every method runs on a JDBC worker, one at a time.
 */
final class Cursor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Cursor.class);

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    // written by the worker, read by the event loop for its log line
    private volatile long read;

    private Cursor(Connection connection, PreparedStatement statement, ResultSet rows) {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
    }

    /**
     * Opens {@code query} on a read connection. The server ends the session if it sits idle in this transaction
     * longer than {@code serverIdleLimit}: the last guard should this process stop fetching without closing.
     */
    static Cursor open(ReadSource reads, CursorExport.Query query, int fetchSize, Duration serverIdleLimit)
            throws SQLException {
        Connection c = reads.connection();
        PreparedStatement ps = null;
        try {
            c.setAutoCommit(false);
            try (PreparedStatement limit = c.prepareStatement(
                    "SELECT set_config('idle_in_transaction_session_timeout', ?, true)")) {
                limit.setString(1, Long.toString(serverIdleLimit.toMillis()));
                limit.execute();
            }
            ps = query.prepare(c);
            ps.setFetchSize(fetchSize);
            return new Cursor(c, ps, ps.executeQuery());
        } catch (SQLException | RuntimeException e) {
            release(c, ps);
            throw e;
        }
    }

    /** Appends rows to {@code out} until it holds {@code chars} characters or the rows end; true at the end. */
    boolean fill(CursorExport.RowWriter writer, StringBuilder out, int chars) throws SQLException {
        while (out.length() < chars) {
            if (!rows.next()) {
                return true;
            }
            writer.write(rows, out);
            read++;
        }
        return false;
    }

    /** Hands every remaining row to {@code rows}; returns how many. */
    long each(CursorExport.RowConsumer rows) throws SQLException {
        while (this.rows.next()) {
            rows.accept(this.rows);
            read++;
        }
        return read;
    }

    /** Rows read so far. */
    long rowsRead() {
        return read;
    }

    /** Closes the cursor, ends its read-only transaction and gives the connection back; never throws. */
    @Override
    public void close() {
        try {
            rows.close();
        } catch (SQLException e) {
            LOG.debug("closing an export cursor: {}", e.toString());
        }
        release(connection, statement);
    }

    private static void release(Connection c, PreparedStatement ps) {
        try {
            if (ps != null) {
                ps.close();
            }
            c.rollback();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            // the connection is broken or the server ended the session: the pool replaces it
            LOG.debug("ending an export transaction: {}", e.toString());
        } finally {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("returning an export connection: {}", e.toString());
            }
        }
    }
}
