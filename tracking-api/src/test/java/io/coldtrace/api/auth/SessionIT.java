package io.coldtrace.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.testing.Http;
import io.coldtrace.api.testing.TestApi;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Browser sign-in: the session cookie, how the guard takes it, and pages that send strangers to /login. */
class SessionIT {
    private static TestApi api;
    private static WebClient client;
    private static String operator;

    @BeforeAll
    static void start() {
        api = TestApi.start("session");
        client = WebClient.create(api.running().vertx(), new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(api.running().port()).setFollowRedirects(false));
        operator = api.createToken("--role", "operator", "--name", "op", "--org", "acme").out();
    }

    @AfterAll
    static void stop() {
        client.close();
        api.close();
    }

    private static HttpResponse<Buffer> signIn(String body) {
        return Http.await(client.post("/api/v1/session").putHeader("content-type", "application/json")
                .sendBuffer(Buffer.buffer(body)));
    }

    private static String cookieOf(HttpResponse<Buffer> r) {
        return r.cookies().stream().filter(c -> c.startsWith("ct_session=")).findFirst().orElseThrow();
    }

    private static HttpResponse<Buffer> withCookie(HttpMethod method, String uri, String token, String origin) {
        HttpRequest<Buffer> req = client.request(method, uri).putHeader("Cookie", "ct_session=" + token);
        if (origin != null) {
            req.putHeader("Origin", origin);
        }
        return Http.await(req.send());
    }

    @Test
    void aValidTokenSetsAnHttpOnlyStrictCookieHoldingIt() {
        HttpResponse<Buffer> r = signIn(new JsonObject().put("token", operator).encode());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Http.json(r)).isEqualTo(new JsonObject().put("name", "op").put("role", "operator")
                .put("org_id", "acme"));
        String cookie = cookieOf(r);
        assertThat(cookie).startsWith("ct_session=" + operator + ";").containsIgnoringCase("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/").contains("Max-Age=43200").doesNotContain("Secure");
    }

    @Test
    void anUnknownTokenIs401AndSetsNoCookie() {
        HttpResponse<Buffer> r = signIn("{\"token\":\"ct_nope\"}");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.cookies()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"token\":\"\"}", "{\"token\":5}", "[1]", "not json"})
    void aBodyWithoutATokenIs400(String body) {
        HttpResponse<Buffer> r = signIn(body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.json(r).getString("field")).isIn("token", "body");
    }

    @Test
    void aLargeBodyIsRefusedBeforeItIsRead() {
        HttpResponse<Buffer> r = signIn("{\"token\":\"" + "x".repeat(5000) + "\"}");
        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void theCookieAuthenticatesApiRoutesUntilTheTokenIsRevoked() {
        String token = api.createToken("--role", "qa", "--name", "qa", "--org", "acme").out();
        assertThat(withCookie(HttpMethod.GET, "/api/v1/overview", token, null).statusCode()).isEqualTo(200);
        assertThat(withCookie(HttpMethod.GET, "/api/v1/overview", "ct_wrong", null).statusCode()).isEqualTo(401);
        api.sql("UPDATE api_token SET revoked_at = now() WHERE token_hash = ?", Tokens.hash(token));
        assertThat(withCookie(HttpMethod.GET, "/api/v1/overview", token, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aStateChangeCarriedByTheCookieFromAnotherOriginIs403() {
        HttpResponse<Buffer> r = withCookie(HttpMethod.POST, "/api/v1/alarms/1/resolve", operator,
                "http://evil.example");
        assertThat(r.statusCode()).isEqualTo(403);
        String self = "http://127.0.0.1:" + api.running().port();
        assertThat(withCookie(HttpMethod.POST, "/api/v1/alarms/1/resolve", operator, self).statusCode())
                .as("same origin passes the guard (no such alarm: 404)").isEqualTo(404);
    }

    @Test
    void logoutClearsTheCookie() {
        HttpResponse<Buffer> r = Http.await(client.post("/api/v1/session/logout").send());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(cookieOf(r)).startsWith("ct_session=;").contains("Max-Age=0").containsIgnoringCase("HttpOnly");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/overview", "/units/room-1", "/alarms?state=open"})
    void pagesWithoutASessionRedirectToLogin(String page) {
        HttpResponse<Buffer> r = Http.await(client.get(page).send());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.getHeader("Location")).startsWith("/login?next=%2F");
    }

    @Test
    void pagesWithASessionAreServedWithAPolicyThatKeepsThemOffTheInternet() {
        HttpResponse<Buffer> r = withCookie(HttpMethod.GET, "/overview", operator, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.getHeader("content-type")).startsWith("text/html");
        assertThat(r.getHeader("content-security-policy")).contains("default-src 'self'");
        assertThat(r.bodyAsString()).contains("/assets/overview.js");
    }

    @Test
    void theLoginFormAndStaticAssetsArePublic() {
        assertThat(Http.await(client.get("/login").send()).bodyAsString()).contains("login-form");
        assertThat(Http.await(client.get("/assets/app.css").send()).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> uplot = Http.await(client.get("/vendor/uplot/uPlot.iife.min.js").send());
        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.bodyAsString()).contains("uPlot");
        assertThat(Http.await(client.get("/assets/missing.js").send()).statusCode()).isEqualTo(404);
        assertThat(Http.await(client.get("/assets/../overview.html").send()).statusCode()).isIn(400, 404);
    }
}
