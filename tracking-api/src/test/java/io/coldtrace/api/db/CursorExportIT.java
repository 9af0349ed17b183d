package io.coldtrace.api.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Csv;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.testing.Http;
import io.coldtrace.api.testing.StreamedBody;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.testing.Await;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The export kernel on its own, through a stand-in route that streams generated rows {@code g, g padded to 60} (about
 * 70 bytes each): every row in order, errors before and after the first byte, a client that leaves and one that stalls.
 * Each case ends with the pool's connection given back.
 */
class CursorExportIT {
    private static final Duration STALL = Duration.ofMillis(500);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int MAX_ROWS = 5_000_000;
    /** 70 MB of CSV: more than loopback socket buffers hold, so a client that stops reading backs up the server. */
    private static final int MANY = 1_000_000;
    private static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.start("cursor_export", (routes, db) -> {
            CursorExport export = new CursorExport(db, STALL, 4096);
            CursorExport.RowWriter rows = (rs, out) -> Csv.append(out, rs.getLong(1), rs.getString(2));
            routes.get("/test/numbers", Access.publicAccess("test stand-in: generated numbers, no data"), ctx -> {
                int n = Params.intQuery(ctx, "n", 10, 0, Integer.MAX_VALUE);
                int failAt = Params.intQuery(ctx, "fail_at", 0, 0, Integer.MAX_VALUE);
                return export.stream(ctx, CursorExport.Format.csv("numbers.csv", "g,pad", rows), c -> {
                    if (n > MAX_ROWS) {
                        throw ClientError.badParameter("n", "at most " + MAX_ROWS + " rows");
                    }
                    // the division fails at row fail_at (never when it is 0)
                    PreparedStatement ps = c.prepareStatement("SELECT g, lpad((g + 0 * (1 / (g - ?)))::text, 60, '.')"
                            + " FROM generate_series(1, ?) g");
                    ps.setInt(1, failAt);
                    ps.setInt(2, n);
                    return ps;
                });
            });
        });
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @AfterEach
    void theConnectionIsBackInThePool() {
        Await.until(WAIT, () -> active() == 0, () -> active() + " connections still out");
        assertThat(api.number("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND state LIKE 'idle in transaction%'")).isZero();
    }

    private static int active() {
        return api.running().dataSource().getHikariPoolMXBean().getActiveConnections();
    }

    private static StreamedBody numbers(String query) {
        return StreamedBody.get(api.running().vertx(), api.running().port(), "/test/numbers?" + query, null);
    }

    @Test
    void everyRowArrivesInOrderAfterTheHeader() throws Exception {
        try (StreamedBody body = numbers("n=100000")) {
            assertThat(body.response().statusCode()).isEqualTo(200);
            assertThat(body.response().getHeader("content-type")).isEqualTo("text/csv; charset=utf-8");
            assertThat(body.response().getHeader("content-disposition")).isEqualTo("attachment; filename=\"numbers.csv\"");
            body.outcome().get(30, TimeUnit.SECONDS);
            assertThat(body.lines()).isEqualTo(100_001);
            assertThat(body.first()).isEqualTo("g,pad");
            assertThat(body.last()).isEqualTo("100000," + ".".repeat(54) + "100000");
        }
    }

    @Test
    void noRowsIsTheHeaderAlone() throws Exception {
        try (StreamedBody body = numbers("n=0")) {
            body.outcome().get(30, TimeUnit.SECONDS);
            assertThat(body.lines()).isEqualTo(1);
            assertThat(body.first()).isEqualTo("g,pad");
        }
    }

    @Test
    void aClientErrorOfTheQueryIsAnsweredAsSuch() {
        Http.assertError(api.http().get("/test/numbers?n=" + (MAX_ROWS + 1)), 400, "n");
    }

    @Test
    void aStatementThatFailsBeforeTheFirstByteIsA500() {
        assertThat(Http.expect(api.http().get("/test/numbers?n=10&fail_at=1"), 500).getString("error"))
                .isEqualTo("internal");
    }

    @Test
    void aFailureMidStreamBreaksTheDownloadInsteadOfEndingItShort() {
        try (StreamedBody body = numbers("n=400000&fail_at=300000")) {
            assertThat(body.response().statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> body.outcome().get(30, TimeUnit.SECONDS)).hasMessageContaining("closed");
            assertThat(body.lines()).isBetween(1L, 300_000L);
        }
    }

    @Test
    void aClientThatGoesAwayFreesTheConnectionAtOnce() {
        StreamedBody body = numbers("n=" + MANY);
        Await.until(WAIT, () -> body.lines() > 1000, () -> body.lines() + " lines");
        body.close();
        Await.until(WAIT, () -> active() == 0, () -> active() + " connections still out");
        assertThat(body.lines()).isLessThan(MANY);
    }

    @Test
    void aClientThatStallsIsCutOffAfterTheStallTimeout() {
        try (StreamedBody body = numbers("n=" + MANY)) {
            body.pause();
            assertThat(active()).as("the export holds its cursor").isEqualTo(1);
            Await.until(WAIT, () -> active() == 0, () -> active() + " connections still out");
            body.response().resume();
            assertThatThrownBy(() -> body.outcome().get(30, TimeUnit.SECONDS)).hasMessageContaining("closed");
            assertThat(body.lines()).isLessThan(MANY);
        }
    }
}
