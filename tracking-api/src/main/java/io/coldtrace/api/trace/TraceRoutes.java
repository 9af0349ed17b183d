package io.coldtrace.api.trace;

import io.coldtrace.api.TraceConfig;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.GenericPlans;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code GET /t/{code}}: the buyer's page, and {@code GET /t/{code}.json} the same content as JSON. A miss (unknown
 * or malformed code) gets a friendly bilingual 404. Timing does not tell which codes exist: hits and misses alike are
 * answered no sooner than the configured floor after the request arrived, and a miss no sooner than the time a recent
 * hit took ({@link HitTimes}), so under load, when hits outgrow the floor, misses grow with them. Each client address is limited by a
 * token bucket (429 with Retry-After), and each hit is counted ({@link ScanLog}).
 */
final class TraceRoutes {
    static final Access PUBLIC_PAGE = Access.publicAccess("the buyer's page of a trace code: what a scanner of the "
            + "code printed on a case may see (origin, journey, cold chain, shelf life), nothing private; unknown "
            + "codes get the same 404 in the same time");
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";
    static final String JSON_SUFFIX = ".json";

    private final Vertx vertx;
    private final BlockingDb db;
    private final TraceConfig config;
    private final Clock clock;
    private final RateLimiter limiter;
    private final ScanLog scans;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private final HitTimes hitTimes = new HitTimes();

    TraceRoutes(Vertx vertx, BlockingDb db, TraceConfig config, Clock clock, ScanLog scans) {
        this.vertx = vertx;
        this.db = db;
        this.config = config;
        this.clock = clock;
        this.limiter = new RateLimiter(config.rateBurst(), config.ratePerMinute());
        this.scans = scans;
    }

    void register(RouteTable routes) {
        routes.get("/t/:code", PUBLIC_PAGE, this::page).example("/t/{trace-code}", null);
    }

    private Future<Void> page(RoutingContext ctx) {
        long started = System.nanoTime();
        if (sweeping.compareAndSet(false, true)) {
            vertx.setPeriodic(60_000, id -> limiter.sweep(System.nanoTime()));
        }
        String raw = ctx.pathParam("code");
        boolean json = raw.endsWith(JSON_SUFFIX);
        String code = json ? raw.substring(0, raw.length() - JSON_SUFFIX.length()) : raw;
        Client client = Client.of(ctx, config.trustedProxies(), config.regionHeader());
        long retryAfter = limiter.take(client.address(), started);
        if (retryAfter > 0) {
            HttpServerResponse r = headers(ctx, 429, json).putHeader("retry-after", Long.toString(retryAfter));
            return r.end(json ? new JsonObject().put("error", "too_many_requests")
                    .put("message", "查询过于频繁，请稍后再试 / Too many look-ups, try again later")
                    .put("retry_after_s", retryAfter).encode() : TracePage.tooMany(retryAfter));
        }
        Lang lang = Lang.of(ctx);
        Future<Answer> answer = db.read(c -> {
            var lot = TraceReader.find(c, code);
            if (lot.isEmpty()) {
                return Answer.MISS;
            }
            TraceView v = GenericPlans.within(c, p -> TraceReader.view(p, lot.get(), clock.instant()));
            String self = "/t/" + v.traceCode();
            return new Answer(200, json ? v.toJson().encode() : TracePage.render(v, lang, self),
                    new ScanLog.Scan(lot.get().orgId(), lot.get().id(), clock.instant(), client.place(),
                            client.kind(), json ? "json" : "html"));
        });
        return answer.compose(a -> {
            long floor = config.floor().toNanos();
            if (a.scan() != null) {
                hitTimes.add(System.nanoTime() - started);
            } else {
                floor = Math.max(floor, hitTimes.sample());
            }
            return after(started, floor);
        }).map(x -> answer.result()).compose(a -> {
            if (a.scan() != null) {
                scans.add(a.scan());
            }
            String body = a.status() == 200 ? a.body() : json ? new JsonObject().put("error", "not_found")
                    .put("message", "未找到该追溯码 / No lot has this trace code").encode() : TracePage.notFound();
            return headers(ctx, a.status(), json).putHeader("vary", "accept-language").end(body);
        });
    }

    /** Completes once {@code nanos} have passed since {@code startedNanos}. */
    private Future<Void> after(long startedNanos, long nanos) {
        long left = nanos - (System.nanoTime() - startedNanos);
        if (left <= 0) {
            return Future.succeededFuture();
        }
        Promise<Void> p = Promise.promise();
        vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)), id -> p.complete());
        return p.future();
    }

    private static HttpServerResponse headers(RoutingContext ctx, int status, boolean json) {
        return ctx.response().setStatusCode(status)
                .putHeader("content-type", json ? "application/json; charset=utf-8" : "text/html; charset=utf-8")
                .putHeader("cache-control", "no-store")
                .putHeader("content-security-policy", CSP)
                .putHeader("x-content-type-options", "nosniff")
                .putHeader("referrer-policy", "no-referrer");
    }

    /** What the page answers: 200 with its body and the scan to count, or the miss. */
    record Answer(int status, String body, ScanLog.Scan scan) {
        static final Answer MISS = new Answer(404, null, null);
    }
}
