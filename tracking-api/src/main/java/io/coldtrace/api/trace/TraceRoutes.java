package io.coldtrace.api.trace;

import io.coldtrace.api.TraceConfig;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.GenericPlans;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.core.ids.TraceCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code GET /t/{code}}: the buyer's page, and {@code GET /t/{code}.json} the same content as JSON; {@code GET
 * /t/{code}/recall.json} only whether the lot is under recall. A miss (unknown
 * or malformed code) gets a friendly bilingual 404. Timing does not tell which codes exist: hits and misses alike are
 * answered no sooner than the configured floor after the request arrived, and a miss no sooner than the time a recent
 * hit of the same route took ({@link HitTimes}, one per route: a recall status is read faster than a page), so under
 * load, when hits outgrow the floor, misses grow with them. Each client address is limited by one token bucket for
 * both routes (429 with Retry-After), and each hit of the page is counted ({@link ScanLog}).
 */
final class TraceRoutes {
    static final Access PUBLIC_PAGE = Access.publicAccess("the buyer's page of a trace code: what a scanner of the "
            + "code printed on a case may see (origin, journey, cold chain, shelf life), nothing private; unknown "
            + "codes get the same 404 in the same time");
    static final Access PUBLIC_RECALL = Access.publicAccess("whether the lot of a trace code is under recall (the "
            + "buyer's page's recall notice, for programs): nothing private, same 404 and timing as the page");
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
    private final HitTimes pageTimes = new HitTimes();
    private final HitTimes recallTimes = new HitTimes();

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
        routes.get("/t/:code/recall.json", PUBLIC_RECALL, this::recall).example("/t/{trace-code}/recall.json", null);
    }

    private Future<Void> page(RoutingContext ctx) {
        String raw = ctx.pathParam("code");
        boolean json = raw.endsWith(JSON_SUFFIX);
        String code = json ? raw.substring(0, raw.length() - JSON_SUFFIX.length()) : raw;
        Client client = Client.of(ctx, config.trustedProxies(), config.regionHeader());
        Lang lang = Lang.of(ctx);
        return lookUp(ctx, code, client, json, pageTimes, (c, lot) -> {
            TraceView v = GenericPlans.within(c, p -> TraceReader.view(p, lot, clock.instant()));
            String self = "/t/" + v.traceCode();
            return new Answer(200, json ? v.toJson().encode() : TracePage.render(v, lang, self),
                    new ScanLog.Scan(lot.orgId(), lot.id(), clock.instant(), client.place(), client.kind(),
                            json ? "json" : "html"));
        });
    }

    /**
     * {@code GET /t/{code}/recall.json}: whether the lot is under recall, for the Digital Link's {@code
     * gs1:recallStatus} link (a till, an app): the buyer's page's recall notice and nothing else, also when there is
     * none. Not counted as a scan: a program checking a recall is not a person holding the goods.
     */
    private Future<Void> recall(RoutingContext ctx) {
        Client client = Client.of(ctx, config.trustedProxies(), config.regionHeader());
        return lookUp(ctx, ctx.pathParam("code"), client, true, recallTimes, (c, lot) -> new Answer(200,
                TraceView.Recall.status(TraceCode.parse(lot.traceCode()).grouped(), lot.recalledAt() == null ? null
                        : lot.recalledAt().atZone(TraceReader.CHINA).toLocalDate()).encode(), null));
    }

    /** What a public look-up answers for the lot it found. */
    private interface Hit {
        Answer answer(Connection c, TraceReader.TracedLot lot) throws SQLException;
    }

    /**
     * A public look-up of {@code code}: the client's token bucket first (429), then the lot, answered by {@code hit}
     * or, unknown or malformed, with the same 404; no answer leaves before the floor, and a miss not before a recent
     * hit's time ({@code hitTimes}: the route's).
     */
    private Future<Void> lookUp(RoutingContext ctx, String code, Client client, boolean json, HitTimes hitTimes,
                                Hit hit) {
        long started = System.nanoTime();
        if (sweeping.compareAndSet(false, true)) {
            vertx.setPeriodic(60_000, id -> limiter.sweep(System.nanoTime()));
        }
        long retryAfter = limiter.take(client.address(), started);
        if (retryAfter > 0) {
            HttpServerResponse r = headers(ctx, 429, json).putHeader("retry-after", Long.toString(retryAfter));
            return r.end(json ? new JsonObject().put("error", "too_many_requests")
                    .put("message", "查询过于频繁，请稍后再试 / Too many look-ups, try again later")
                    .put("retry_after_s", retryAfter).encode() : TracePage.tooMany(retryAfter));
        }
        Future<Answer> answer = db.read(c -> {
            var lot = TraceReader.find(c, code);
            return lot.isEmpty() ? Answer.MISS : hit.answer(c, lot.get());
        });
        return answer.compose(a -> {
            long floor = config.floor().toNanos();
            if (a.status() == 200) {
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
