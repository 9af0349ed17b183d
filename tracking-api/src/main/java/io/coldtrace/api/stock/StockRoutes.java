package io.coldtrace.api.stock;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.stock.SellThrough.Assessment;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stock and the early warning of unsold produce (issue 9 §5): {@code GET /api/v1/stock?site=} (a site's lots on hand,
 * each assessed), {@code GET /api/v1/stock/warnings} (the warning pass over every site the caller sees: the lots at
 * watch or worse, worst first) and {@code GET /api/v1/stock/lots/:id/buyers?site=} (emergency matching).
 */
final class StockRoutes {
    private static final List<String> STOCK_PARAMS = List.of("site", "product", "still_days", "window_days", "limit");
    private static final List<String> WARNING_PARAMS = List.of("site", "product", "min_grade", "still_days",
            "window_days", "limit");

    /** The worst grade first, then the most at risk, then by lot code. */
    private static final Comparator<Assessment> WORST_FIRST = Comparator.comparingInt(Assessment::rank).reversed()
            .thenComparing(Comparator.comparingDouble(Assessment::atRisk).reversed())
            .thenComparing(a -> a.row().code());

    private final BlockingDb db;
    private final Clock clock;

    StockRoutes(BlockingDb db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void register(RouteTable routes) {
        routes.get("/api/v1/stock", Policies.READ_OPERATIONS, this::stock).example("/api/v1/stock?site={site}", null);
        routes.get("/api/v1/stock/warnings", Policies.READ_OPERATIONS, this::warnings)
                .example("/api/v1/stock/warnings?min_grade=watch", null);
        routes.get("/api/v1/stock/lots/:id/buyers", Policies.READ_OPERATIONS, this::buyers)
                .example("/api/v1/stock/lots/{lot}/buyers?site={site}", null);
    }

    private static SellThrough.Settings settings(RoutingContext ctx) {
        return new SellThrough.Settings(Params.intQuery(ctx, "still_days", 7, 1, 365),
                Params.intQuery(ctx, "window_days", 14, 1, 365));
    }

    /** The lots on hand and what left, assessed, for {@code site} (null: every site the caller sees). */
    private static List<Assessment> assess(Connection c, Visibility vis, String site, String product,
                                           SellThrough.Settings s, Instant now) throws SQLException {
        List<StockRow> rows = StockSql.ON_HAND.bind(vis).bind("site", site).bind("product", product).bind("now", now)
                .list(c, StockRow.MAPPER);
        Map<String, Double> out = new HashMap<>();
        StockSql.OUTFLOW.bind(vis).bind("site", site).bind("now", now)
                .bind("from", now.minus(Duration.ofDays(s.windowDays()))).list(c, rs -> out.put(
                        rs.getString("site_id") + "|" + rs.getString("product_id") + "|" + rs.getString("uom"),
                        rs.getDouble("out_q")));
        return SellThrough.assess(rows, out, s, now);
    }

    private Future<Void> stock(RoutingContext ctx) {
        Params.onlyQuery(ctx, STOCK_PARAMS);
        String site = Params.textQuery(ctx, "site", 64);
        if (site == null) {
            throw ClientError.badParameter("site", "site is required: the stock of which site");
        }
        String product = Params.textQuery(ctx, "product", 64);
        int limit = Params.limit(ctx);
        SellThrough.Settings s = settings(ctx);
        Visibility vis = Visibility.of(ctx);
        Instant now = clock.instant();
        // a site the caller does not see holds nothing for it (a filter, as every list's)
        return db.read(c -> assess(c, vis, site, product, s, now)).compose(items -> {
            Map<String, JsonObject> totals = new java.util.TreeMap<>();
            for (Assessment a : items) {
                StockRow r = a.row();
                JsonObject t = totals.computeIfAbsent(r.productId() + "|" + r.uom(), k -> new JsonObject()
                        .put("product_id", r.productId()).put("name_zh", r.nameZh()).put("name_en", r.nameEn())
                        .put("uom", r.uom()).put("quantity", 0.0).put("lots", 0).put("at_risk", 0.0)
                        .put("rate_per_day", round(a.ratePerDay())));
                t.put("quantity", round(t.getDouble("quantity") + r.quantity().doubleValue()))
                        .put("lots", t.getInteger("lots") + 1).put("at_risk", round(t.getDouble("at_risk") + a.atRisk()));
            }
            return Responses.ok(ctx, new JsonObject().put("as_of", Rows.iso(now))
                    .put("still_days", s.stillDays()).put("window_days", s.windowDays())
                    .put("products", new JsonArray(List.copyOf(totals.values()))).put("lots_on_hand", items.size())
                    .put("items", new JsonArray(items.stream().sorted(WORST_FIRST).limit(limit)
                            .map(StockRoutes::json).toList())));
        });
    }

    private Future<Void> warnings(RoutingContext ctx) {
        Params.onlyQuery(ctx, WARNING_PARAMS);
        String site = Params.textQuery(ctx, "site", 64);
        String product = Params.textQuery(ctx, "product", 64);
        String min = Params.choiceQuery(ctx, "min_grade", "watch", SellThrough.GRADES);
        int limit = Params.limit(ctx);
        SellThrough.Settings s = settings(ctx);
        Visibility vis = Visibility.of(ctx);
        Instant now = clock.instant();
        long started = System.nanoTime();
        return db.read(c -> assess(c, vis, site, product, s, now)).compose(all -> {
            int floor = SellThrough.GRADES.indexOf(min);
            List<Assessment> hits = all.stream().filter(a -> a.rank() >= floor).sorted(WORST_FIRST).toList();
            Map<String, Integer> counts = new java.util.LinkedHashMap<>();
            for (String g : SellThrough.GRADES.subList(1, 4)) {
                counts.put(g, (int) all.stream().filter(a -> a.grade().equals(g)).count());
            }
            return Responses.ok(ctx, new JsonObject().put("as_of", Rows.iso(now)).put("lots_assessed", all.size())
                    .put("counts", JsonObject.mapFrom(counts)).put("min_grade", min)
                    .put("still_days", s.stillDays()).put("window_days", s.windowDays())
                    .put("computed_ms", (System.nanoTime() - started) / 1_000_000)
                    .put("items", new JsonArray(hits.stream().limit(limit).map(StockRoutes::json).toList())));
        });
    }

    private Future<Void> buyers(RoutingContext ctx) {
        Params.onlyQuery(ctx, List.of("site", "still_days", "window_days"));
        String site = Params.textQuery(ctx, "site", 64);
        if (site == null) {
            throw ClientError.badParameter("site", "site is required: where the lot is");
        }
        UUID lot;
        try {
            lot = UUID.fromString(Params.pathText(ctx, "id", 64));
        } catch (IllegalArgumentException e) {
            throw ClientError.notFound("no lot " + ctx.pathParam("id"));
        }
        SellThrough.Settings s = settings(ctx);
        Visibility vis = Visibility.of(ctx);
        Instant now = clock.instant();
        return db.read(c -> {
            var siteRow = StockSql.SITE.bind(vis).bind("site", site)
                    .first(c, rs -> new String[] {rs.getString("org_id"), rs.getString("division_code")});
            if (siteRow.isEmpty()) {
                return null;
            }
            List<Assessment> at = assess(c, vis, site, null, s, now).stream()
                    .filter(a -> a.row().lotId().equals(lot)).toList();
            if (at.isEmpty()) {
                return null;
            }
            Assessment a = at.get(0);
            double q = at.stream().mapToDouble(x -> x.row().quantity().doubleValue()).sum();
            String commodity = a.row().commodity();
            List<BuyerMatch.Buyer> buyers = StockSql.BUYERS.bind("org", siteRow.get()[0])
                    .bind("commodity", commodity).bind("from", now.minus(Duration.ofDays(90))).bind("now", now)
                    .list(c, rs -> new BuyerMatch.Buyer(rs.getString("id"), rs.getString("name_zh"),
                            rs.getString("name_en"), rs.getString("buyer_type"), rs.getString("division_code"),
                            rs.getDouble("commodity_q"), Rows.instant(rs, "last_commodity_at"),
                            rs.getLong("deliveries")));
            List<BuyerMatch.Proposal> ranked = BuyerMatch.rank(buyers, q, commodity, a.row().remainingDays(),
                    siteRow.get()[1], now);
            return json(a).put("proposals", new JsonArray(ranked.stream().map(BuyerMatch.Proposal::toJson).toList()));
        }).compose(j -> j == null ? Future.failedFuture(ClientError.notFound("lot " + lot + " is not on hand at site "
                + site)) : Responses.ok(ctx, j));
    }

    static JsonObject json(Assessment a) {
        StockRow r = a.row();
        return new JsonObject().put("lot_id", r.lotId().toString()).put("code", r.code()).put("site_id", r.siteId())
                .put("site", r.siteName()).put("place_kind", r.placeKind()).put("place_id", r.placeId())
                .put("place", r.placeName()).put("product_id", r.productId()).put("name_zh", r.nameZh())
                .put("name_en", r.nameEn()).put("quantity", r.quantity().doubleValue()).put("uom", r.uom())
                .put("arrived_at", Rows.iso(r.arrivedAt())).put("last_moved_at", Rows.iso(r.lastMove()))
                .put("still_days", round(a.stillDays()))
                .put("remaining_days", r.remainingDays() == null ? null : round(r.remainingDays()))
                .put("predicted_expiry", Rows.iso(r.predictedExpiry()))
                .put("shelf_life_computed_at", Rows.iso(r.shelfLifeAt()))
                .put("warning", new JsonObject().put("grade", a.grade()).put("at_risk", round(a.atRisk()))
                        .put("rate_per_day", round(a.ratePerDay()))
                        .put("clear_days", Double.isInfinite(a.clearDays()) ? null : round(a.clearDays()))
                        .put("en", a.en()).put("zh", a.zh()));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
