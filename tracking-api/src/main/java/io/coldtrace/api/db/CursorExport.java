package io.coldtrace.api.db;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Streams the rows of a query from a database {@link Cursor} to an HTTP response in constant memory, whatever their
 * number, through {@link ChunkedExport}: a JDBC worker formats one chunk of rows at a time, the event loop writes it,
 * and the next chunk is fetched only once the response can take it. Between chunks only the connection is held; a
 * client that takes nothing for the stall timeout is cut off, and a client that goes away, or an error, closes the
 * cursor and returns its connection. Rows come from {@link BlockingDb#read} (the replica when there is one).
 *
 * <p>Errors before the first byte (the query's own checks, a 404 from a lookup, a failing statement) fail the
 * returned future like any endpoint, so the client gets its 4xx/500. After that the status is sent, so a failure
 * resets the connection: the download fails visibly instead of ending short as if it were complete.
 */
public final class CursorExport {
    /** Rows pgjdbc holds per round trip. */
    public static final int FETCH_SIZE = 2_000;
    /** Characters formatted per chunk: big enough to keep round trips few, small enough to be nothing in heap. */
    static final int CHUNK_CHARS = 64 * 1024;
    /** How long a client may take nothing before the export gives up and frees its connection. */
    public static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);
    /** The server's own limit is later, so it only acts if this process stopped looking after the cursor. */
    public static final Duration SERVER_SLACK = Duration.ofSeconds(30);

    /** Prepares the export's statement with its parameters bound; may throw a client error (sent as such). */
    @FunctionalInterface
    public interface Query {
        PreparedStatement prepare(Connection c) throws SQLException;
    }

    /** Appends the current row to {@code out} (CSV now; other writers for other formats). */
    @FunctionalInterface
    public interface RowWriter {
        void write(ResultSet row, StringBuilder out) throws SQLException;
    }

    /** Takes the current row (writers that build a whole file: XLSX, ZIP). */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(ResultSet row) throws SQLException;
    }

    /**
     * What the download is: its content type and attachment name, the text before the first row (a CSV header, an
     * XML prologue) and after the last.
     */
    public record Format(String contentType, String filename, String head, RowWriter rows, String tail) {
        /** CSV with a header line, as an attachment. */
        public static Format csv(String filename, String header, RowWriter rows) {
            return new Format("text/csv; charset=utf-8", filename, header + "\r\n", rows, "");
        }
    }

    private final BlockingDb db;
    private final Duration stallTimeout;
    private final int chunkChars;

    public CursorExport(BlockingDb db) {
        this(db, STALL_TIMEOUT, CHUNK_CHARS);
    }

    /** With another stall timeout and chunk size (tests). */
    public CursorExport(BlockingDb db, Duration stallTimeout, int chunkChars) {
        this.db = db;
        this.stallTimeout = stallTimeout;
        this.chunkChars = chunkChars;
    }

    /** Streams {@code query}'s rows as {@code format} to the response of {@code ctx}; completes when all is sent. */
    public Future<Void> stream(RoutingContext ctx, Format format, Query query) {
        return ChunkedExport.send(ctx, db.blocking(() -> new Rows(Cursor.open(db.reads(), query, FETCH_SIZE,
                stallTimeout.plus(SERVER_SLACK)), format)), stallTimeout);
    }

    /**
     * Reads every row of {@code query} through a cursor (fetch size {@value #FETCH_SIZE}, on a read connection) on a
     * JDBC worker, handing each to {@code rows}, for outputs that must be built whole before they are sent (an XLSX
     * file is a ZIP whose index comes last). Memory is the consumer's business; the cursor holds one fetch. Completes
     * with the number of rows.
     */
    public Future<Long> each(Query query, RowConsumer rows) {
        return db.blocking(() -> {
            try (Cursor c = Cursor.open(db.reads(), query, FETCH_SIZE, stallTimeout.plus(SERVER_SLACK))) {
                return c.each(rows);
            }
        });
    }

    /** One export's cursor as a {@link ChunkedExport.Source}: a chunk of formatted rows at a time. */
    private final class Rows implements ChunkedExport.Source {
        private final Cursor cursor;
        private final Format format;
        private String prefix;

        Rows(Cursor cursor, Format format) {
            this.cursor = cursor;
            this.format = format;
            this.prefix = format.head();
        }

        @Override
        public ChunkedExport.Head head() {
            return new ChunkedExport.Head(format.contentType(), format.filename(), Map.of(), List.of(), 0);
        }

        @Override
        public Future<ChunkedExport.Chunk> next() {
            String before = prefix;
            prefix = "";
            return db.blocking(() -> {
                StringBuilder out = new StringBuilder(chunkChars + 1024).append(before);
                boolean last = cursor.fill(format.rows(), out, chunkChars);
                if (last) {
                    out.append(format.tail());
                }
                return new ChunkedExport.Chunk(Buffer.buffer(out.toString()), last);
            });
        }

        @Override
        public void close() {
            db.blocking(() -> {
                cursor.close();
                return null;
            });
        }

        @Override
        public String progress() {
            return cursor.rowsRead() + " rows";
        }
    }
}
