package io.coldtrace.api.testing;

import io.coldtrace.api.http.HttpVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** A blocking HTTP client for tests against a server on 127.0.0.1; every call awaits its response. */
public final class Http implements AutoCloseable {
    private final WebClient client;

    public Http(Vertx vertx, int port) {
        this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
    }

    /** Serves {@code router} through the real HTTP verticle on a free loopback port and returns a client for it. */
    public static Http serve(Vertx vertx, Router router) {
        HttpVerticle verticle = new HttpVerticle("127.0.0.1", 0, router);
        await(vertx.deployVerticle(verticle));
        return new Http(vertx, verticle.actualPort());
    }

    public HttpResponse<Buffer> get(String uri, String bearer) {
        return send(HttpMethod.GET, uri, bearer);
    }

    public HttpResponse<Buffer> get(String uri) {
        return send(HttpMethod.GET, uri, null);
    }

    public HttpResponse<Buffer> send(HttpMethod method, String uri, String bearer) {
        return await(request(method, uri, bearer).send());
    }

    /** Sends {@code body} as it is (it may be malformed on purpose) with a JSON content type. */
    public HttpResponse<Buffer> send(HttpMethod method, String uri, String bearer, String body) {
        return await(request(method, uri, bearer).putHeader("content-type", "application/json")
                .sendBuffer(Buffer.buffer(body)));
    }

    /** POSTs {@code bytes} as they are with {@code contentType} (a file upload). */
    public HttpResponse<Buffer> upload(String uri, String bearer, String contentType, byte[] bytes) {
        return await(request(HttpMethod.POST, uri, bearer).putHeader("content-type", contentType)
                .sendBuffer(Buffer.buffer(bytes)));
    }

    public HttpResponse<Buffer> post(String uri, String bearer, JsonObject body) {
        return send(HttpMethod.POST, uri, bearer, body.encode());
    }

    public HttpResponse<Buffer> put(String uri, String bearer, JsonObject body) {
        return send(HttpMethod.PUT, uri, bearer, body.encode());
    }

    public HttpResponse<Buffer> delete(String uri, String bearer) {
        return send(HttpMethod.DELETE, uri, bearer);
    }

    private HttpRequest<Buffer> request(HttpMethod method, String uri, String bearer) {
        HttpRequest<Buffer> req = client.request(method, uri);
        if (bearer != null) {
            req.putHeader("Authorization", "Bearer " + bearer);
        }
        return req;
    }

    /** Asserts a JSON client error: its status and the field it names (null = none). */
    public static JsonObject assertError(HttpResponse<Buffer> r, int status, String field) {
        if (r.statusCode() != status) {
            throw new AssertionError("expected " + status + " but was " + r.statusCode() + ": " + r.bodyAsString());
        }
        JsonObject body = r.bodyAsJsonObject();
        if (body.getString("error") == null || body.getString("message") == null) {
            throw new AssertionError("not an error body: " + body);
        }
        if (!Objects.equals(field, body.getString("field"))) {
            throw new AssertionError("expected field " + field + " in " + body);
        }
        return body;
    }

    /** Asserts the status, showing the body when it differs, and returns the JSON body. */
    public static JsonObject expect(HttpResponse<Buffer> r, int status) {
        if (r.statusCode() != status) {
            throw new AssertionError("expected " + status + " but was " + r.statusCode() + ": " + r.bodyAsString());
        }
        return r.bodyAsJsonObject();
    }

    /** A query string {@code a=v&b=w} with each value percent-encoded (for Chinese values). */
    public static String query(String query) {
        return java.util.Arrays.stream(query.split("&")).map(kv -> {
            int eq = kv.indexOf('=');
            return kv.substring(0, eq + 1)
                    + java.net.URLEncoder.encode(kv.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
        }).collect(java.util.stream.Collectors.joining("&"));
    }

    /** The body of a response as JSON, failing the test if it is not JSON. */
    public static JsonObject json(HttpResponse<Buffer> r) {
        return r.bodyAsJsonObject();
    }

    public static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("future did not complete: " + e, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
