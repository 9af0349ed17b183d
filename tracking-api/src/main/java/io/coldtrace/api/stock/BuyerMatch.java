package io.coldtrace.api.stock;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Emergency matching (应急处置, issue 9 §5): the organisation's buyers ranked for a lot at risk, each with the points
 * it scored and why. Points: up to 40 for having bought the commodity in the last 90 days (in proportion to the lot's
 * quantity, the most recent counting), 25 for an institutional buyer (a canteen: consumption-assistance programmes
 * reserve a share of its purchases for the produce of assisted counties), up to 20 for nearness (same county, city or
 * province as the site, by division code: buyers carry no coordinates), and up to 15 for the shelf life the lot will
 * have on arrival after the estimated travel (same city half a day, same province one day, else two). A buyer the lot
 * would reach with less than a day of life is not proposed.
 */
final class BuyerMatch {
    /** A buyer as {@link StockSql#BUYERS} reads it. */
    record Buyer(String id, String nameZh, String nameEn, String buyerType, String division, double commodityQ,
                 Instant lastCommodityAt, long deliveries) {
    }

    record Proposal(Buyer buyer, double score, double lifeOnArrival, List<String> why, List<String> whyZh) {
        JsonObject toJson() {
            return new JsonObject().put("party_id", buyer.id()).put("name_zh", buyer.nameZh())
                    .put("name_en", buyer.nameEn()).put("buyer_type", buyer.buyerType())
                    .put("score", Math.round(score * 10) / 10.0)
                    .put("life_on_arrival_days", Math.round(lifeOnArrival * 10) / 10.0)
                    .put("why", new JsonArray(why)).put("why_zh", new JsonArray(whyZh));
        }
    }

    private BuyerMatch() {
    }

    static List<Proposal> rank(List<Buyer> buyers, double lotQ, String commodity, Double lifeDays,
                               String siteDivision, Instant now) {
        List<Proposal> out = new ArrayList<>();
        for (Buyer b : buyers) {
            List<String> why = new ArrayList<>();
            List<String> zh = new ArrayList<>();
            double score = 0;
            if (b.commodityQ() > 0) {
                double days = b.lastCommodityAt() == null ? 90
                        : Duration.between(b.lastCommodityAt(), now).toHours() / 24.0;
                double p = 40 * Math.min(1, b.commodityQ() / Math.max(lotQ, 1e-9)) * (days <= 30 ? 1 : 0.6);
                score += p;
                why.add(String.format(java.util.Locale.ROOT, "bought %.0f of %s in the last 90 days, last %.0f days ago (+%.0f)",
                        b.commodityQ(), commodity, days, p));
                zh.add(String.format(java.util.Locale.ROOT, "近 90 天购买%s %.0f，最近一次在 %.0f 天前（+%.0f）", commodity,
                        b.commodityQ(), days, p));
            }
            if ("canteen".equals(b.buyerType())) {
                score += 25;
                why.add("an institutional buyer (canteen): assistance programmes reserve a share of its purchases "
                        + "for assisted counties' produce (+25)");
                zh.add("机关食堂等单位采购方：消费帮扶预留份额用于帮扶县产品（+25）");
            }
            double travel = 2;
            int near = common(siteDivision, b.division());
            if (near >= 6) {
                score += 20;
                travel = 0.5;
                why.add("in the site's county (+20)");
                zh.add("与站点同县（+20）");
            } else if (near >= 4) {
                score += 12;
                travel = 0.5;
                why.add("in the site's city (+12)");
                zh.add("与站点同市（+12）");
            } else if (near >= 2) {
                score += 5;
                travel = 1;
                why.add("in the site's province (+5)");
                zh.add("与站点同省（+5）");
            }
            double onArrival = lifeDays == null ? Double.NaN : lifeDays - travel;
            if (lifeDays != null) {
                if (onArrival < 1) {
                    continue;
                }
                double p = 15 * Math.min(1, onArrival / Math.max(lifeDays, 1e-9));
                score += p;
                why.add(String.format(java.util.Locale.ROOT, "about %.1f days of life left on arrival after ~%.1f days of travel (+%.0f)",
                        onArrival, travel, p));
                zh.add(String.format(java.util.Locale.ROOT, "约 %.1f 天运输后到货时剩余保质期约 %.1f 天（+%.0f）", travel,
                        onArrival, p));
            }
            if (score > 0) {
                out.add(new Proposal(b, score, onArrival, why, zh));
            }
        }
        out.sort(Comparator.comparingDouble(Proposal::score).reversed().thenComparing(p -> p.buyer().id()));
        return out.size() > 10 ? out.subList(0, 10) : out;
    }

    /** How many leading digits two division codes share, counted by level (2 province, 4 city, 6 county). */
    static int common(String a, String b) {
        if (a == null || b == null || a.length() != 6 || b.length() != 6) {
            return 0;
        }
        for (int k = 6; k >= 2; k -= 2) {
            if (a.regionMatches(0, b, 0, k)) {
                return k;
            }
        }
        return 0;
    }
}
