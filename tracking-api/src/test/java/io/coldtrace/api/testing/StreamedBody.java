package io.coldtrace.api.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A download read as it streams, never held whole: counts its lines and bytes and keeps only its first lines and the
 * last complete one, so a test can check a body of any size in constant memory. {@link #outcome()} completes when
 * the body ends and fails when the connection breaks first.
 */
public final class StreamedBody implements AutoCloseable {
    /** Lines kept from the start of the body. */
    public static final int HEAD_LINES = 3;
    private final HttpClient client;
    private final HttpClientResponse response;
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final CompletableFuture<Void> outcome = new CompletableFuture<>();
    private final StringBuilder line = new StringBuilder();
    private final List<String> head = new CopyOnWriteArrayList<>();
    private volatile String last;

    private final Consumer<String> onLine;

    private StreamedBody(HttpClient client, HttpClientResponse response, Consumer<String> onLine) {
        this.client = client;
        this.response = response;
        this.onLine = onLine;
    }

    /** Sends GET {@code uri} (with {@code bearer} unless null) and returns once the status and headers are in. */
    public static StreamedBody get(Vertx vertx, int port, String uri, String bearer) {
        return get(vertx, port, uri, bearer, line -> { });
    }

    /** As {@link #get(Vertx, int, String, String)}, handing every line to {@code onLine} as it arrives. */
    public static StreamedBody get(Vertx vertx, int port, String uri, String bearer, Consumer<String> onLine) {
        HttpClient client = vertx.createHttpClient();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
                .setURI(uri);
        if (bearer != null) {
            options.putHeader("Authorization", "Bearer " + bearer);
        }
        StreamedBody[] body = new StreamedBody[1];
        // handlers are set as the response arrives, on its event loop, so no chunk is missed
        Http.await(client.request(options).compose(req -> req.send()).map(resp -> {
            StreamedBody b = new StreamedBody(client, resp, onLine);
            resp.handler(b::take);
            resp.exceptionHandler(b.outcome::completeExceptionally);
            resp.endHandler(v -> b.outcome.complete(null));
            body[0] = b;
            return b;
        }));
        return body[0];
    }

    private void take(Buffer buf) {
        bytes.addAndGet(buf.length());
        String text = buf.toString(StandardCharsets.UTF_8);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\n') {
                String l = line.toString().replace("\r", "");
                if (head.size() < HEAD_LINES) {
                    head.add(l);
                }
                last = l;
                onLine.accept(l);
                line.setLength(0);
                lines.incrementAndGet();
            } else if (line.length() < 1000) {
                line.append(ch);
            }
        }
    }

    public HttpClientResponse response() {
        return response;
    }

    public long lines() {
        return lines.get();
    }

    public long bytes() {
        return bytes.get();
    }

    public String first() {
        return head.isEmpty() ? null : head.get(0);
    }

    /** The first {@value #HEAD_LINES} lines (fewer when the body has fewer). */
    public List<String> head() {
        return List.copyOf(head);
    }

    public String last() {
        return last;
    }

    /** Completes when the body ended normally; fails when the connection broke before. */
    public CompletableFuture<Void> outcome() {
        return outcome;
    }

    /** Stops reading: the server's writes back up until its queue is full. */
    public void pause() {
        response.pause();
    }

    /** Drops the connection, as a browser does when its download is cancelled. */
    @Override
    public void close() {
        Http.await(client.close());
    }
}
