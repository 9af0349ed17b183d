package io.coldtrace.simulator.provision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.coldtrace.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A bearer-token JSON client of tracking-api; answers come back whatever their status, transport failures throw. */
public final class ApiClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** One answer: status, the body as JSON (missing when empty or not JSON) and as text. */
    public record Response(int status, JsonNode json, String text) {
        /** The {@code field} the API's error body names, or "" when it names none. */
        public String errorField() {
            return json.path("field").asText("");
        }
    }

    private final URI base;
    private final String token;
    private final HttpClient http;

    public ApiClient(URI base, String token) {
        this.base = base;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    public URI base() {
        return base;
    }

    public Response get(String path) throws ProvisionException, InterruptedException {
        return send("GET", path, null);
    }

    public Response post(String path, JsonNode body) throws ProvisionException, InterruptedException {
        return send("POST", path, body);
    }

    public Response put(String path, JsonNode body) throws ProvisionException, InterruptedException {
        return send("PUT", path, body);
    }

    private Response send(String method, String path, JsonNode body) throws ProvisionException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(
                    json(body), StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), parse(r.body()), r.body());
        } catch (IOException e) {
            throw new ProvisionException(method + " " + base + path + " failed: " + e, 0,
                    "is tracking-api running at " + base + "? (deploy/run-local.sh starts it)");
        }
    }

    private static String json(JsonNode body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
