package io.coldtrace.api.db;

import io.coldtrace.api.http.Csv;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a download made a chunk at a time off the event loop, in constant memory whatever its size: a {@link Source}
 * makes one chunk (on a JDBC worker or the CPU executor), the event loop writes it, and the next chunk is asked for
 * only once the response can take it ({@code writeQueueFull()} pauses, {@code drainHandler} resumes). No worker thread
 * waits for a slow client: between chunks the source holds only what it holds (a cursor, a snapshot), and a client
 * that takes nothing for the stall timeout is cut off so that it cannot keep a pool connection. A client that goes
 * away, or an error, closes the source. {@link CursorExport} streams a query's rows through it; the audit pack its
 * ZIP.
 *
 * <p>Errors before the first byte (the source's own checks when it opens, a 404 from a lookup, a failing statement)
 * fail the returned future like any endpoint, so the client gets its 4xx/500. After that the status is sent, so a
 * failure resets the connection: the download fails visibly instead of ending short as if it were complete.
 *
 * <p>A download may be held whole when it is small ({@link Head#holdBytes}): the chunks are kept until they add up to
 * more than that, and a source that ends before is answered in one piece with a length and its {@link Source#trailers}
 * as headers. A longer one is sent chunked from then on, with those values as HTTP trailers (announced in
 * {@code Trailer}).
 */
public final class ChunkedExport {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkedExport.class);

    /** One chunk of the download; {@code last} ends it. */
    public record Chunk(Buffer bytes, boolean last) {
    }

    /**
     * What the download is: its content type, attachment name and other headers, the names of the values known only
     * at its end ({@link Source#trailers}), and how many bytes may be held to answer it whole (0: stream from the first
     * chunk).
     */
    public record Head(String contentType, String filename, Map<String, String> headers, List<String> trailers,
                       int holdBytes) {
    }

    /** Where the download's bytes come from. Its methods are called on the event loop, one at a time. */
    public interface Source {
        /** The download's head; asked once, when the source is open. */
        Head head();

        /** Makes the next chunk off the event loop; asked again only after the last one was written. */
        Future<Chunk> next();

        /** Frees what the source holds (a cursor, a connection, temporary files); never while a chunk is made. */
        void close();

        /** Values known only once the last chunk is made (a digest of the whole): headers or trailers. */
        default Map<String, String> trailers() {
            return Map.of();
        }

        /** How far it got, for the log line of an export that stopped early. */
        default String progress() {
            return "";
        }
    }

    /** Why an export stopped early, for the log and the handler's future. */
    static final class Stopped extends RuntimeException {
        Stopped(String message) {
            super(message, null, false, false);
        }
    }

    private ChunkedExport() {
    }

    /**
     * Sends what {@code opened} gives to the response of {@code ctx}; completes when all is sent. A source that fails
     * to open fails the future before anything is sent.
     */
    public static Future<Void> send(RoutingContext ctx, Future<? extends Source> opened, Duration stallTimeout) {
        return new Run(ctx.vertx(), ctx.response(), stallTimeout).start(opened);
    }

    /** One download. Its fields are touched only on the request's event loop. */
    private static final class Run {
        private final Vertx vertx;
        private final HttpServerResponse response;
        private final Duration stallTimeout;
        private final Promise<Void> done = Promise.promise();
        private Source source;
        private Head head;
        private Buffer held;
        private boolean sent;
        private boolean fetching;
        private boolean finished;
        private long stallTimer = -1;

        Run(Vertx vertx, HttpServerResponse response, Duration stallTimeout) {
            this.vertx = vertx;
            this.response = response;
            this.stallTimeout = stallTimeout;
        }

        Future<Void> start(Future<? extends Source> opened) {
            fetching = true;
            opened.onComplete(ar -> {
                fetching = false;
                if (ar.failed()) {
                    finished = true;
                    done.fail(ar.cause());
                    return;
                }
                source = ar.result();
                if (response.closed()) {
                    finish(new Stopped("the client went away before the export started"));
                    return;
                }
                head = source.head();
                response.closeHandler(v -> finish(new Stopped("the client went away")));
                response.exceptionHandler(e -> finish(new Stopped("the response failed: " + e)));
                if (head.holdBytes() > 0) {
                    held = Buffer.buffer();
                } else {
                    sendHead();
                }
                fetch();
            });
            return done.future();
        }

        /** The status and headers of a streamed answer (chunked, the end's values as trailers). */
        private void sendHead() {
            headers().setChunked(true);
            if (!head.trailers().isEmpty()) {
                response.putHeader("trailer", String.join(", ", head.trailers()));
            }
            sent = true;
        }

        private HttpServerResponse headers() {
            response.setStatusCode(200).putHeader("content-type", head.contentType())
                    .putHeader("content-disposition", Csv.attachment(head.filename()))
                    .putHeader("cache-control", "no-store");
            head.headers().forEach(response::putHeader);
            return response;
        }

        /** Asks the source for the next chunk, then writes it. */
        private void fetch() {
            fetching = true;
            source.next().onComplete(ar -> {
                fetching = false;
                if (finished) {
                    closeSource();
                } else if (ar.failed()) {
                    finish(ar.cause());
                } else if (held != null) {
                    hold(ar.result());
                } else if (ar.result().last()) {
                    source.trailers().forEach(response::putTrailer);
                    response.end(ar.result().bytes());
                    finish(null);
                } else {
                    write(ar.result().bytes());
                }
            });
        }

        /** Keeps a chunk of a download that may be answered whole; sends what is held once it grows too long. */
        private void hold(Chunk chunk) {
            held.appendBuffer(chunk.bytes());
            if (chunk.last()) {
                Buffer whole = held;
                held = null;
                source.trailers().forEach(response::putHeader);
                sent = true;
                headers().end(whole);
                finish(null);
            } else if (held.length() > head.holdBytes()) {
                Buffer first = held;
                held = null;
                sendHead();
                write(first);
            } else {
                fetch();
            }
        }

        private void write(Buffer bytes) {
            response.write(bytes);
            if (response.writeQueueFull()) {
                pause();
            } else {
                fetch();
            }
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
                    fetch();
                }
            });
        }

        /** Ends the export once: success (null) or why it stopped; the source closes now or when its chunk is made. */
        private void finish(Throwable failure) {
            if (finished) {
                return;
            }
            finished = true;
            if (stallTimer >= 0) {
                vertx.cancelTimer(stallTimer);
            }
            String progress = source == null ? "" : source.progress();
            if (!fetching) {
                closeSource();
            }
            if (failure == null) {
                done.complete();
                return;
            }
            String name = head == null ? "" : head.filename();
            if (failure instanceof Stopped) {
                LOG.info("export {} stopped after {}: {}", name, progress, failure.getMessage());
            } else {
                LOG.error("export {} failed after {}", name, progress, failure);
            }
            if (sent) {
                // the status is out: only a reset tells the client that the file is incomplete
                response.reset();
            }
            done.fail(failure);
        }

        private void closeSource() {
            Source s = source;
            source = null;
            if (s != null) {
                s.close();
            }
        }
    }
}
