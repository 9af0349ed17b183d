package io.coldtrace.api.assistance;

import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.QrImages;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.labels.PublicLinks;
import io.coldtrace.api.work.CpuWork;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The public list of certified assistance products (帮扶产品名录): {@code GET /assistance-products} (HTML, Chinese
 * or English, no script), {@code .json}, and a QR image of the list's link. Certificates valid today in China's
 * calendar, neither revoked nor suspended by a blacklist entry: one that lapses leaves the list by itself.
 */
final class PublicList {
    static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");
    static final String PATH = "/assistance-products";
    static final Access PUBLIC_LIST = Access.publicAccess("the published list of certified assistance products "
            + "(定期公示): product, producer, county, certificate number and validity, nothing private");
    static final Access PUBLIC_QR = Access.publicAccess("a QR image of the public list's link, nothing else");
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final BlockingDb db;
    private final CpuWork cpu;
    private final Clock clock;
    private final PublicLinks links;

    PublicList(BlockingDb db, CpuWork cpu, Clock clock, PublicLinks links) {
        this.db = db;
        this.cpu = cpu;
        this.clock = clock;
        this.links = links;
    }

    void register(RouteTable routes) {
        routes.get(PATH, PUBLIC_LIST, ctx -> list(ctx, false));
        routes.get(PATH + ".json", PUBLIC_LIST, ctx -> list(ctx, true));
        routes.get(PATH + "/qr.svg", PUBLIC_QR, ctx -> qr(ctx, true));
        routes.get(PATH + "/qr.png", PUBLIC_QR, ctx -> qr(ctx, false));
    }

    private Future<Void> list(RoutingContext ctx, boolean json) {
        LocalDate today = LocalDate.now(clock.withZone(CALENDAR));
        boolean en = english(ctx);
        return db.read(c -> AssistanceSql.PUBLIC.bind("today", today).list(c, Listed.MAPPER)).compose(rows -> {
            String body = json ? new JsonObject().put("date", today.toString())
                    .put("items", new JsonArray(rows.stream().map(Listed::toJson).toList())).encode()
                    : ListPage.render(rows, today, en);
            return ctx.response().setStatusCode(200)
                    .putHeader("content-type", json ? "application/json; charset=utf-8" : "text/html; charset=utf-8")
                    .putHeader("cache-control", "public, max-age=300").putHeader("content-security-policy", CSP)
                    .putHeader("x-content-type-options", "nosniff").putHeader("referrer-policy", "no-referrer")
                    .putHeader("vary", "accept-language").end(body);
        });
    }

    private Future<Void> qr(RoutingContext ctx, boolean svg) {
        String url = links.base(ctx) + PATH;
        return cpu.submit(() -> svg ? QrImages.svg(url).getBytes(StandardCharsets.UTF_8) : QrImages.png(url, 10))
                .compose(image -> {
                    HttpServerResponse r = ctx.response().setStatusCode(200)
                            .putHeader("content-type", svg ? "image/svg+xml; charset=utf-8" : "image/png")
                            .putHeader("cache-control", "public, max-age=3600");
                    return r.end(Buffer.buffer(image));
                });
    }

    /** English when {@code ?lang=en}, or without it when the browser's first language is English. */
    static boolean english(RoutingContext ctx) {
        String asked = ctx.request().getParam("lang");
        if (asked != null) {
            return asked.toLowerCase(java.util.Locale.ROOT).startsWith("en");
        }
        String header = ctx.request().getHeader("accept-language");
        return header != null && header.strip().toLowerCase(java.util.Locale.ROOT).startsWith("en");
    }
}
