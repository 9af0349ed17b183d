package io.coldtrace.api.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open database cursor: a query run in a {@link Snapshot} (autocommit off) with a fetch size, so pgjdbc holds only
 * {@code fetchSize} rows at a time and asks the server for the next ones as they are read. It owns its connection
 * until {@link #close()}. Blocking: every method runs on a JDBC worker, one at a time.
 */
final class Cursor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Cursor.class);

    private final Snapshot snapshot;
    private final PreparedStatement statement;
    private final ResultSet rows;
    // written by the worker, read by the event loop for its log line
    private volatile long read;

    private Cursor(Snapshot snapshot, PreparedStatement statement, ResultSet rows) {
        this.snapshot = snapshot;
        this.statement = statement;
        this.rows = rows;
    }

    /**
     * Opens {@code query} on a read connection. The server ends the session if it sits idle in this transaction
     * longer than {@code serverIdleLimit}: the last guard should this process stop fetching without closing.
     */
    static Cursor open(ReadSource reads, CursorExport.Query query, int fetchSize, Duration serverIdleLimit)
            throws SQLException {
        Snapshot s = Snapshot.open(reads, serverIdleLimit);
        PreparedStatement ps = null;
        try {
            ps = query.prepare(s.connection());
            ps.setFetchSize(fetchSize);
            return new Cursor(s, ps, ps.executeQuery());
        } catch (SQLException | RuntimeException e) {
            release(s, ps);
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
        release(snapshot, statement);
    }

    private static void release(Snapshot s, PreparedStatement ps) {
        try {
            if (ps != null) {
                ps.close();
            }
        } catch (SQLException e) {
            LOG.debug("closing an export statement: {}", e.toString());
        } finally {
            s.close();
        }
    }
}
