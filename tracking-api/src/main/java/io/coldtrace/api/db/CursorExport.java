package io.coldtrace.api.db;

import io.coldtrace.api.http.Csv;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the rows of a query from a database {@link Cursor} to an HTTP response in constant memory, whatever their
 * number: a JDBC worker formats one chunk of rows at a time, the event loop writes it, and the next chunk is fetched
 * only once the response can take it ({@code writeQueueFull()} pauses, {@code drainHandler} resumes). No worker
 * thread waits for a slow client: between chunks only the connection is held, and a client that takes nothing for
 * the stall timeout is cut off so that it cannot keep a pool connection. A client that goes away, or an error, closes
 * the cursor and returns its connection. Rows come from {@link BlockingDb#read} (the replica when there is one).
 *
 * <p>Errors before the first byte (the query's own checks, a 404 from a lookup, a failing statement) fail the
 * returned future like any endpoint, so the client gets its 4xx/500. After that the status is sent, so a failure
 * resets the connection: the download fails visibly instead of ending short as if it were complete.
 */
public final class CursorExport {
    /** Rows pgjdbc holds per round trip. */
    static final int FETCH_SIZE = 2_000;
    /** Characters formatted per chunk: big enough to keep round trips few, small enough to be nothing in heap. */
    static final int CHUNK_CHARS = 64 * 1024;
    /** How long a client may take nothing before the export gives up and frees its connection. */
    public static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);
    /** The server's own limit is later, so it only acts if this process stopped looking after the cursor. */
    private static final Duration SERVER_SLACK = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(CursorExport.class);

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

    /** Why an export stopped early, for the log and the handler's future. */
    static final class Stopped extends RuntimeException {
        Stopped(String message) {
            super(message, null, false, false);
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
        return new Run(ctx.vertx(), ctx.response(), format).start(query);
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

    /** One export. Its fields are touched only on the request's event loop; the cursor only on workers. */
    private final class Run {
        private final Vertx vertx;
        private final HttpServerResponse response;
        private final Format format;
        private final Promise<Void> done = Promise.promise();
        private Cursor cursor;
        private boolean fetching;
        private boolean finished;
        private long stallTimer = -1;

        Run(Vertx vertx, HttpServerResponse response, Format format) {
            this.vertx = vertx;
            this.response = response;
            this.format = format;
        }

        Future<Void> start(Query query) {
            fetching = true;
            db.blocking(() -> Cursor.open(db.reads(), query, FETCH_SIZE, stallTimeout.plus(SERVER_SLACK)))
                    .onComplete(ar -> {
                        fetching = false;
                        if (ar.failed()) {
                            finished = true;
                            done.fail(ar.cause());
                            return;
                        }
                        cursor = ar.result();
                        if (response.closed()) {
                            finish(new Stopped("the client went away before the export started"));
                            return;
                        }
                        response.setStatusCode(200).setChunked(true)
                                .putHeader("content-type", format.contentType())
                                .putHeader("content-disposition", Csv.attachment(format.filename()))
                                .putHeader("cache-control", "no-store");
                        response.closeHandler(v -> finish(new Stopped("the client went away")));
                        response.exceptionHandler(e -> finish(new Stopped("the response failed: " + e)));
                        fetch(format.head());
                    });
            return done.future();
        }

        /** Formats the next chunk on a worker, then writes it; {@code prefix} goes before its rows. */
        private void fetch(String prefix) {
            fetching = true;
            Cursor c = cursor;
            db.blocking(() -> {
                StringBuilder out = new StringBuilder(chunkChars + 1024).append(prefix);
                boolean last = c.fill(format.rows(), out, chunkChars);
                if (last) {
                    out.append(format.tail());
                }
                return new Chunk(Buffer.buffer(out.toString()), last);
            }).onComplete(ar -> {
                fetching = false;
                if (finished) {
                    closeCursor();
                } else if (ar.failed()) {
                    finish(ar.cause());
                } else if (ar.result().last()) {
                    response.end(ar.result().bytes());
                    finish(null);
                } else {
                    response.write(ar.result().bytes());
                    if (response.writeQueueFull()) {
                        pause();
                    } else {
                        fetch("");
                    }
                }
            });
        }

        private void pause() {
            stallTimer = vertx.setTimer(stallTimeout.toMillis(), id -> {
                stallTimer = -1;
                finish(new Stopped("the client took nothing for " + stallTimeout.toMillis() + " ms"));
            });
            response.drainHandler(v -> {
                response.drainHandler(null);
                if (!finished) {
                    vertx.cancelTimer(stallTimer);
                    stallTimer = -1;
                    fetch("");
                }
            });
        }

        /** Ends the export once: success (null) or why it stopped; the cursor closes now or when its fetch returns. */
        private void finish(Throwable failure) {
            if (finished) {
                return;
            }
            finished = true;
            if (stallTimer >= 0) {
                vertx.cancelTimer(stallTimer);
            }
            long rows = cursor == null ? 0 : cursor.rowsRead();
            if (!fetching) {
                closeCursor();
            }
            if (failure == null) {
                done.complete();
                return;
            }
            if (failure instanceof Stopped) {
                LOG.info("export {} stopped after {} rows: {}", format.filename(), rows, failure.getMessage());
            } else {
                LOG.error("export {} failed after {} rows", format.filename(), rows, failure);
            }
            // the status is out: only a reset tells the client that the file is incomplete
            response.reset();
            done.fail(failure);
        }

        private void closeCursor() {
            Cursor c = cursor;
            cursor = null;
            if (c != null) {
                db.blocking(() -> {
                    c.close();
                    return null;
                });
            }
        }
    }

    private record Chunk(Buffer bytes, boolean last) {
    }
}
