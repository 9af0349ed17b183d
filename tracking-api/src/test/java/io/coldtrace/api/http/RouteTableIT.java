package io.coldtrace.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.BearerGuard;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.testing.Http;
import io.coldtrace.api.testing.TestApi;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The route table's guard and failure mapping, on routes made for the test, with the real token store. */
class RouteTableIT {
    private static TestApi api;
    private static BlockingDb db;
    private static Http http;

    @BeforeAll
    static void start() {
        api = TestApi.start("routes");
        var vertx = api.running().vertx();
        db = new BlockingDb(vertx, api.running().dataSource(), 2);
        RouteTable table = new RouteTable(vertx, new BearerGuard(db, ""));
        table.get("/qa-only", Access.roles(Role.QA), ctx -> Responses.ok(ctx, new JsonObject().put("ok", true)));
        table.get("/throws", Access.probe(), ctx -> {
            throw new IllegalStateException("secret internal detail");
        });
        table.get("/fails", Access.probe(), ctx -> Future.failedFuture(new RuntimeException("secret detail")));
        table.get("/metrics-off", Access.metrics(), ctx -> Responses.ok(ctx, new JsonObject()));
        http = Http.serve(vertx, table.router());
    }

    @AfterAll
    static void stop() {
        http.close();
        db.close();
        api.close();
    }

    @Test
    void aValidTokenWithARoleTheRouteDoesNotNameIs403Json() {
        HttpResponse<Buffer> r = http.get("/qa-only", api.token(Role.OPERATOR, "o1"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(Http.json(r).getString("error")).isEqualTo("forbidden");
        assertThat(Http.json(r).getString("message")).contains("operator");
    }

    @Test
    void theNamedRoleAndAdminPass() {
        assertThat(http.get("/qa-only", api.token(Role.QA, "o1")).statusCode()).isEqualTo(200);
        assertThat(http.get("/qa-only", api.token(Role.ADMIN)).statusCode()).isEqualTo(200);
    }

    @Test
    void aMalformedAuthorizationHeaderIs401NotAServerError() {
        assertThat(http.get("/qa-only", "").statusCode()).isEqualTo(401);
    }

    @Test
    void anExceptionThrownByAnEndpointIs500JsonWithoutDetails() {
        HttpResponse<Buffer> r = http.get("/throws");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(Http.json(r).getString("error")).isEqualTo("internal");
        assertThat(r.bodyAsString()).doesNotContain("secret").doesNotContain("at io.");
    }

    @Test
    void aFailedFutureFromAnEndpointIs500JsonWithoutDetails() {
        HttpResponse<Buffer> r = http.get("/fails");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.bodyAsString()).doesNotContain("secret");
    }

    @Test
    void metricsWithoutAConfiguredTokenAre401SayingHowToEnableThem() {
        HttpResponse<Buffer> r = http.get("/metrics-off", "anything");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(Http.json(r).getString("message")).contains("COLDTRACE_METRICS_TOKEN");
    }
}
