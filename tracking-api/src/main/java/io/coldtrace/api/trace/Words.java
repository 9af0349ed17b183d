package io.coldtrace.api.trace;

import io.coldtrace.api.trace.TraceView.Band;
import io.coldtrace.api.trace.TraceView.Origin;
import io.coldtrace.api.trace.TraceView.Step;
import java.util.Locale;

/** The page's words for the model's codes, in both languages (HTML-safe: no caller text passes through here). */
final class Words {
    private Words() {
    }

    static String partyKind(String kind, Lang l) {
        return switch (kind == null ? "" : kind) {
            case "farm" -> l.t("农场", "Farm");
            case "cooperative" -> l.t("合作社", "Cooperative");
            case "packer" -> l.t("包装商", "Packer");
            case "cold_store_operator" -> l.t("冷库", "Cold store");
            case "carrier" -> l.t("承运商", "Carrier");
            case "buyer" -> l.t("采购方", "Buyer");
            default -> l.t("生产者", "Producer");
        };
    }

    static String buyerType(String type, Lang l) {
        return switch (type == null ? "" : type) {
            case "supermarket" -> l.t("超市", "a supermarket");
            case "canteen" -> l.t("单位食堂", "a canteen");
            case "wholesale_market" -> l.t("批发市场", "a wholesale market");
            case "e_commerce" -> l.t("电商平台", "an online shop");
            default -> l.t("采购方", "a buyer");
        };
    }

    /** County, city, province from the finest to the broadest (zh: broadest first, as addresses are written). */
    static String region(Origin o, Lang l) {
        StringBuilder b = new StringBuilder();
        String[] parts = l == Lang.ZH ? new String[] {o.province(), o.city(), o.county()}
                : new String[] {o.county(), o.city(), o.province()};
        for (String p : parts) {
            if (p != null && !p.isBlank() && b.indexOf(p) < 0) {
                b.append(b.isEmpty() ? "" : l.t(" ", ", ")).append(p);
            }
        }
        return b.toString();
    }

    static String certKind(String kind, Lang l) {
        return switch (kind) {
            case "green_food" -> l.t("绿色食品", "Green Food");
            case "organic" -> l.t("有机产品", "Organic");
            case "geographical_indication" -> l.t("地理标志", "Geographical indication");
            case "assistance_product" -> l.t("消费帮扶产品", "Certified assistance product");
            case "regional_brand" -> l.t("区域公用品牌", "Regional public brand");
            case "compliance_certificate" -> l.t("承诺达标合格证", "Compliance certificate");
            default -> kind;
        };
    }

    static String certStatus(String status, Lang l) {
        return switch (status) {
            case "valid" -> l.t("有效", "valid");
            case "expired" -> l.t("已过期", "expired");
            default -> l.t("尚未生效", "not yet valid");
        };
    }

    static String verdictStatus(String status, Lang l) {
        return switch (status) {
            case "kept" -> l.t("温度达标", "in range");
            case "excursion" -> l.t("温度超标", "out of range");
            case "partial" -> l.t("部分无数据", "partly unmeasured");
            default -> l.t("未监测", "not monitored");
        };
    }

    static String band(Band band, Lang l) {
        if (band.low() != null && band.high() != null) {
            return c(band.low()) + "–" + c(band.high()) + " °C";
        }
        if (band.high() != null) {
            return l.t("不高于 ", "at or below ") + c(band.high()) + " °C";
        }
        return l.t("不低于 ", "at or above ") + c(band.low()) + " °C";
    }

    private static String c(double v) {
        return String.format(Locale.ROOT, v == Math.rint(v) ? "%.0f" : "%.1f", v).replace("-", "−");
    }

    static String step(Step s, Lang l) {
        return switch (s.kind()) {
            case "harvest" -> l.t("采收", "Harvested");
            case "pre_cool" -> l.t("预冷", "Pre-cooled");
            case "packed" -> l.t("包装", "Packed");
            case "repacked" -> l.t("分装", "Split and repacked");
            case "cold_store" -> l.t("冷库储存", "In cold storage");
            case "transport" -> l.t("冷链运输", "Refrigerated transport");
            case "site" -> l.t("场站装卸", "At the dock");
            case "shipped" -> l.t("发货", "Shipped") + (s.partyType() == null ? ""
                    : l.t("（交" + partyKind(s.partyType(), l) + "）", " (to a " + partyKind(s.partyType(), l)
                            .toLowerCase(Locale.ROOT) + ")"));
            case "received" -> l.t("到货验收", "Received") + acceptance(s, l);
            case "delivered" -> l.t("交付" + buyerType(s.partyType(), l), "Delivered to "
                    + buyerType(s.partyType(), l));
            default -> s.kind();
        };
    }

    private static String acceptance(Step s, Lang l) {
        StringBuilder b = new StringBuilder();
        if (s.handoverC() != null) {
            b.append(l.t("，交接温度 ", ", hand-over check ")).append(String.format(Locale.ROOT, "%.1f", s.handoverC())
                    .replace("-", "−")).append(" °C");
        }
        if (s.acceptance() != null) {
            b.append(l.t("，", ", ")).append(switch (s.acceptance()) {
                case "accept" -> l.t("验收合格", "accepted");
                case "partial" -> l.t("部分接收", "partly accepted");
                default -> l.t("拒收", "rejected");
            });
        }
        return b.toString();
    }

    /** The place line of a step: place, site, city (each once). */
    static String place(Step s) {
        StringBuilder b = new StringBuilder();
        for (String p : new String[] {s.placeName(), s.siteName(), s.city()}) {
            if (p != null && !p.isBlank() && b.indexOf(p) < 0) {
                b.append(b.isEmpty() ? "" : " · ").append(p);
            }
        }
        return b.toString();
    }
}
