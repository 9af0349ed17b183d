package io.coldtrace.api.access;

import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.testing.Http;
import io.coldtrace.api.testing.TestApi;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Route;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a route's declaration into a request for given fixtures, and sends it with given credentials. */
final class AccessCalls implements AutoCloseable {
    private static final Pattern PARAM = Pattern.compile("/([a-z-]+)/:([a-z]+)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z-]+)}");
    /** Placeholders that name a row of an organisation (a body naming another's is refused with 422). */
    private static final java.util.Set<String> ORG_FIXTURES = java.util.Set.of("org", "site", "profile", "unit",
            "device", "alarm", "webhook", "user", "party", "product", "plot", "certification", "event", "lot-code",
            "lot", "blacklist-party");

    private final HttpClient client;
    private final int port;

    AccessCalls(TestApi api) {
        this.client = api.running().vertx().createHttpClient();
        this.port = api.running().port();
    }

    /** A concrete request: path, body (or null), and whether the body names rows of an organisation. */
    record Request(String uri, String body, String contentType, boolean namesFixtures) {
    }

    /** What came back; the body is not read from an event stream (it never ends). */
    record Response(int status, String location, String contentType, String body) {
        /** An HTML page, or a redirect (a Location on a 201 or 202 names what was made, and is no page). */
        boolean page() {
            return contentType != null && contentType.startsWith("text/html") || location != null && status / 100 == 3;
        }

        boolean redirectedToLogin() {
            return status == 303 && location != null && location.startsWith("/login");
        }

        /** A redirect (303 after a form, 307 of a Digital Link to a trace page) anywhere but the login page. */
        boolean redirectedElsewhere() {
            return status / 100 == 3 && location != null && !location.startsWith("/login");
        }
    }

    /** The request the route's example (or, for the path, its parameters) describes, with {@code fixtures} in. */
    static Request request(Route route, Map<String, String> fixtures) {
        RouteTable.Example example = (RouteTable.Example) route.metadata().get(RouteTable.EXAMPLE);
        String path = example != null && example.path() != null ? example.path() : paramsAsPlaceholders(route);
        String body = example == null ? null : example.body();
        boolean names = body != null && PLACEHOLDER.matcher(body).results()
                .anyMatch(m -> ORG_FIXTURES.contains(m.group(1)));
        return new Request(fill(path, fixtures, route), body == null ? null : fill(body, fixtures, route),
                example == null ? null : example.contentType(), names);
    }

    private static String paramsAsPlaceholders(Route route) {
        String path = route.getPath();
        if (path.contains("*")) {
            throw new AssertionError(route.getName() + ": a wildcard route needs an example path (RouteTable.Example)");
        }
        Matcher m = PARAM.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String collection = m.group(1);
            String fixture = m.group(2).equals("ext") ? "device"
                    : collection.endsWith("ies") ? collection.substring(0, collection.length() - 3) + "y"
                    : collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
            m.appendReplacement(out, "/" + collection + "/{" + fixture + "}");
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String fill(String template, Map<String, String> fixtures, Route route) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = fixtures.get(m.group(1));
            if (value == null) {
                throw new AssertionError(route.getName() + ": no fixture for {" + m.group(1) + "}; the known ones are "
                        + fixtures.keySet() + " (AccessWorld)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Sends {@code request} with {@code bearer} (null = none); waits for the status, and the body unless streamed. */
    Response send(HttpMethod method, Request request, String bearer) {
        RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port)
                .setURI(request.uri());
        if (bearer != null) {
            options.putHeader("Authorization", "Bearer " + bearer);
        }
        if (request.body() != null) {
            options.putHeader("content-type", request.contentType());
        }
        Future<Response> answer = client.request(options).compose(req -> (request.body() == null ? req.send()
                : req.send(Buffer.buffer(request.body()))).compose(resp -> read(resp)));
        return Http.await(answer);
    }

    private static Future<Response> read(HttpClientResponse resp) {
        String type = resp.getHeader("content-type");
        String location = resp.getHeader("location");
        if (type != null && type.startsWith("text/event-stream")) {
            resp.request().connection().close();
            return Future.succeededFuture(new Response(resp.statusCode(), location, type, ""));
        }
        return resp.body().map(b -> new Response(resp.statusCode(), location, type, b.toString()));
    }

    @Override
    public void close() {
        Http.await(client.close());
    }
}
