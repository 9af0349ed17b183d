package io.coldtrace.api.db;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.postgresql.copy.CopyIn;
import org.postgresql.core.BaseConnection;
import org.postgresql.jdbc.TimestampUtils;

/**
 * Rows sent to one table with {@code COPY ... FROM STDIN} (text format) as they are added, a few dozen kB at a time:
 * the server stores them while the caller makes the next ones. The COPY is opened by the first rows sent and ended by
 * {@link #end}, which sends the rest (the rows are then stored, or the error of one of them thrown). The connection can
 * do nothing else while a COPY is open, so work between rows uses {@link #guard}, which first ends an open COPY; rows
 * not sent yet wait for the next one: that work must not need the rows added since the last {@link #end}.
 * {@link #close} abandons an open COPY (after a failure: the transaction stores none of it).
 *
 * <p>Each value is sent as the text a bound parameter of {@link Sql} sends, so a row stored this way is stored as the
 * same statement with parameters would store it: text as it is (a jsonb column parses it as {@code CAST(:v AS jsonb)}
 * does), an {@link Instant} as the timestamptz text pgjdbc writes for it, numbers in full, null as NULL. Triggers and
 * constraints run as for an INSERT; a serial column left out is numbered in the order the rows are sent.
 */
public final class CopyStream implements AutoCloseable {
    /** Characters buffered before they are sent. */
    private static final int CHUNK = 32 * 1024;

    private final Connection c;
    private final String copy;
    private final int width;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
    private TimestampUtils times;
    private CopyIn in;

    /** Rows for {@code columns} of {@code table}, sent on {@code c}. */
    public CopyStream(Connection c, String table, List<String> columns) {
        this.c = c;
        this.copy = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        this.width = columns.size();
    }

    /**
     * Adds a row: one value per column, in their order; each null, a String, UUID, Instant, Boolean, Integer, Long,
     * Double or BigDecimal.
     */
    public void add(Object... values) throws SQLException {
        if (values.length != width) {
            throw new IllegalArgumentException(width + " columns, " + values.length + " values: " + copy);
        }
        if (times == null) {
            times = c.unwrap(BaseConnection.class).getTimestampUtils();
        }
        for (int i = 0; i < width; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            field(buffer, values[i], times);
        }
        buffer.append('\n');
        if (buffer.length() >= CHUNK) {
            send();
        }
    }

    /** Stores the rows added so far (ending the COPY): the error of one of them is thrown here. */
    public void end() throws SQLException {
        send();
        pause();
    }

    /** Ends an open COPY (the rows sent are stored); the rows not sent yet stay for the next. */
    private void pause() throws SQLException {
        if (in != null) {
            CopyIn open = in;
            in = null;
            try {
                open.endCopy();
            } finally {
                if (open.isActive()) {
                    open.cancelCopy();
                }
            }
        }
    }

    /** Abandons the COPY if one is open (its rows are not stored; the transaction then fails). */
    @Override
    public void close() throws SQLException {
        buffer.setLength(0);
        if (in != null && in.isActive()) {
            CopyIn open = in;
            in = null;
            open.cancelCopy();
        }
    }

    /**
     * {@code c} for work between rows: anything asked of it first ends an open COPY. Work that needs the rows added
     * so far calls {@link #end} first.
     */
    public Connection guard() {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    pause();
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void send() throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        if (in == null) {
            in = c.unwrap(BaseConnection.class).getCopyAPI().copyIn(copy);
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        in.writeToCopy(bytes, 0, bytes.length);
    }

    /** One value as a field of COPY's text format. */
    static void field(StringBuilder out, Object v, TimestampUtils times) {
        if (v == null) {
            out.append("\\N");
        } else if (v instanceof String s) {
            text(out, s);
        } else if (v instanceof Instant t) {
            // what PgPreparedStatement sends for the OffsetDateTime Sql binds an Instant as
            text(out, times.toString(t.atOffset(ZoneOffset.UTC)));
        } else if (v instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (v instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (v instanceof UUID || v instanceof Integer || v instanceof Long || v instanceof Double) {
            out.append(v);
        } else {
            throw new IllegalArgumentException("no COPY text for " + v.getClass().getName());
        }
    }

    /** Text with COPY's escapes: a backslash, and the tab, newline and carriage return that end fields and rows. */
    static void text(StringBuilder out, String s) {
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != '\\' && ch != '\t' && ch != '\n' && ch != '\r') {
                continue;
            }
            out.append(s, from, i).append('\\').append(switch (ch) {
                case '\t' -> 't';
                case '\n' -> 'n';
                case '\r' -> 'r';
                default -> '\\';
            });
            from = i + 1;
        }
        out.append(s, from, s.length());
    }
}
