package io.coldtrace.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.testing.StreamedBody;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.config.DbConfig;
import io.coldtrace.core.testing.Await;
import io.coldtrace.core.testing.Ports;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live feed is pushed by NOTIFY: a change reaches a client long before the 20 s fallback read could bring it, also
 * after the listener's connection was killed; and a feed whose listener can never connect still delivers through its
 * fallback read (a stand-in stream with a 1 s fallback and a listener pointed at a dead port).
 */
class LivePushIT {
    /** Well below LiveFeed.FALLBACK_MS: an event this fast was pushed, not found by the fallback read. */
    private static final Duration PUSHED = Duration.ofSeconds(4);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestApi api;
    private static String token;

    @BeforeAll
    static void start() {
        DbConfig nowhere = new DbConfig("jdbc:postgresql://127.0.0.1:" + Ports.free() + "/none", "postgres", "", 1,
                DbConfig.StorageChoice.AUTO);
        api = TestApi.start("live_push", url -> null, (routes, db) -> {
            LiveFeed deaf = new LiveFeed(Vertx.currentContext().owner(), db, nowhere, 1000);
            routes.get("/test/stream-without-notify", Access.roles(Role.OPERATOR), ctx -> {
                HttpServerResponse r = ctx.response().setChunked(true)
                        .putHeader("content-type", "text/event-stream; charset=utf-8");
                Visibility scope = Visibility.of(ctx);
                return r.write(": connected\n\n").onSuccess(v -> deaf.subscribe(r, scope));
            });
        });
        api.sql("INSERT INTO org (id, name) VALUES ('o', 'O')");
        api.sql("INSERT INTO site (id, name, org_id) VALUES ('s', 'S', 'o')");
        api.sql("INSERT INTO unit (id, site_id, kind, name, temp_class) VALUES ('u', 's', 'cold_room', 'U', 'chilled')");
        api.sql("INSERT INTO device (ext_id, last_ingested_at) VALUES ('d', now())");
        api.sql("INSERT INTO device_binding (device_id, unit_id, valid) SELECT id, 'u', "
                + "tstzrange(now() - interval '1 day', NULL) FROM device");
        api.sql("INSERT INTO device_latest (device_id, ts, seq, t_air, ingested_at) SELECT id, now(), 1, 4, now() "
                + "FROM device");
        token = api.token(Role.OPERATOR, "o");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static StreamedBody open(String uri, List<String> lines) {
        StreamedBody s = StreamedBody.get(api.running().vertx(), api.running().port(), uri, token, lines::add);
        Await.until(WAIT, () -> lines.contains(": connected"), () -> String.join(" | ", lines));
        return s;
    }

    private static long listenerPid() {
        return api.number("SELECT COALESCE(max(pid), 0) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND application_name = 'coldtrace-api-listen'");
    }

    /**
     * Lets the feed finish the reads it makes when its first client comes (they would find any change, pushed or
     * not), so that what follows can only arrive by the path under test.
     */
    private static void settle() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    private static void reading(double value) {
        api.sql("UPDATE device_latest SET t_air = ?, ts = now(), ingested_at = now()", value);
    }

    private static void awaitValue(List<String> lines, String value, Duration within) {
        Await.until(within, () -> lines.stream().anyMatch(l -> l.contains("\"value\":" + value)),
                () -> String.join(" | ", lines));
    }

    @Test
    void aChangeIsPushedAtOnceAndAgainAfterTheListenerLostItsConnection() {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (StreamedBody s = open("/api/v1/stream", lines)) {
            Await.until(WAIT, () -> listenerPid() > 0, () -> "no listener connection");
            long first = listenerPid();
            settle();
            reading(5.5);
            awaitValue(lines, "5.5", PUSHED);

            assertThat(api.number("SELECT count(*) FROM (SELECT pg_terminate_backend(?)) t", (int) first)).isOne();
            Await.until(WAIT, () -> listenerPid() != first && listenerPid() > 0, () -> "listener " + listenerPid());
            reading(6.5);
            awaitValue(lines, "6.5", PUSHED);
        }
    }

    @Test
    void withoutNotificationsTheFallbackReadStillDelivers() {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (StreamedBody s = open("/test/stream-without-notify", lines)) {
            settle();
            reading(7.5);
            awaitValue(lines, "7.5", PUSHED);
        }
    }
}
