package io.coldtrace.api.trace;

import io.coldtrace.api.trace.TraceView.Cert;
import io.coldtrace.api.trace.TraceView.Origin;
import io.coldtrace.api.trace.TraceView.Step;
import java.util.Locale;

/**
 * The buyer's page as server-rendered HTML: no script, no external file (styles inline, charts inline SVG), readable
 * on a 320 px screen, in Simplified Chinese or English with a link to the other. Built from {@link TraceView} only.
 */
final class TracePage {
    static final String STYLE = """
            *{box-sizing:border-box}body{margin:0;background:#eef2ef;color:#1c2b23;font:16px/1.5 -apple-system,\
            "PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;\
            -webkit-text-size-adjust:100%}main{max-width:640px;margin:0 auto;padding:0 12px 24px}\
            header{background:#1f6f4a;color:#fff;padding:14px 16px 16px}header .in{max-width:616px;margin:0 auto}\
            .top{display:flex;justify-content:space-between;align-items:center;font-size:14px;opacity:.92}\
            .top a{color:#fff;border:1px solid #fff8;border-radius:14px;padding:2px 12px;text-decoration:none}\
            h1{font-size:24px;line-height:1.3;margin:8px 0 2px}.code{font:15px ui-monospace,Menlo,monospace;\
            letter-spacing:.5px;opacity:.9;word-break:break-all}.sub{font-size:14px;opacity:.85}section{background:#fff;border-radius:12px;\
            margin:12px 0;padding:14px 16px;box-shadow:0 1px 2px #0001}h2{font-size:17px;margin:0 0 8px}\
            .ok{color:#17653f}.bad{color:#a3261b}.warn{color:#8a5a00}.muted{color:#5d6b63;font-size:14px}\
            .big{font-size:30px;font-weight:700;line-height:1.2}dl{margin:0;display:grid;grid-template-columns:\
            auto 1fr;gap:4px 12px}dt{color:#5d6b63}dd{margin:0;overflow-wrap:anywhere}.mark{display:inline-block;\
            font-size:13px;border-radius:10px;padding:0 8px;margin:2px 4px 2px 0;background:#fff3d6;color:#7a4b00}\
            .chip{display:inline-block;font-size:13px;font-weight:600;border-radius:10px;padding:0 8px;\
            white-space:nowrap}.c-valid,.c-kept{background:#dcf3e5;color:#17653f}.c-expired,.c-excursion\
            {background:#fde2df;color:#a3261b}.c-partial,.c-not_yet_valid{background:#fff0c7;color:#7a4b00}\
            .c-unmonitored{background:#e8ebe9;color:#4a5650}ul{list-style:none;margin:0;padding:0}\
            .cert{padding:8px 0;border-top:1px solid #e6ebe8}.cert:first-child{border-top:0}ol{list-style:none;\
            margin:0;padding:0 0 0 14px;border-left:3px solid #cfe0d6}ol li{position:relative;padding:0 0 14px 6px}\
            ol li:before{content:"";position:absolute;left:-25px;top:6px;width:13px;height:13px;border-radius:50%;\
            background:#fff;border:3px solid #1f6f4a}.when{font-size:13px;color:#5d6b63}.what{font-weight:600}\
            .verdict{margin-top:2px}.chart{display:block;width:100%;height:auto;margin-top:6px}\
            .chart .band{fill:#dcf3e5}.chart .env{fill:#9bb8e8;opacity:.45}.chart .mean{fill:none;stroke:#1d4fa3;\
            stroke-width:1.6;stroke-linejoin:round}circle.mean{fill:#1d4fa3}.chart .lim{stroke:#5aa77c;\
            stroke-dasharray:3 3;stroke-width:.8}.chart .axis{stroke:#9aa59f;stroke-width:.8}.chart text{font-size:\
            10px;fill:#5d6b63;text-anchor:end}.banner{background:#fde2df;color:#a3261b;font-weight:600}\
            .recall{border:3px solid #a3261b;font-size:18px;padding:14px}\
            footer{text-align:center;font-size:13px;color:#5d6b63;padding:8px}footer a{color:#1f6f4a}""";

    private TracePage() {
    }

    static String render(TraceView v, Lang l, String selfPath) {
        StringBuilder b = new StringBuilder(16_384);
        String name = l == Lang.ZH ? v.product().nameZh() : v.product().nameEn();
        head(b, l, name + " · " + l.t("产品追溯", "Product trace"));
        b.append("<header><div class=\"in\"><div class=\"top\"><span>").append(l.t("产品追溯", "Product trace"))
                .append("</span><a href=\"").append(esc(selfPath)).append("?lang=").append(l.other() == Lang.EN
                        ? "en" : "zh").append("\" hreflang=\"").append(l.other().tag).append("\" lang=\"")
                .append(l.other().tag).append("\">").append(l.t("English", "中文")).append("</a></div><h1>")
                .append(esc(name)).append("</h1><div>").append(l.t("追溯码 ", "Trace code "))
                .append("<span class=\"code\">").append(esc(v.traceCode())).append("</span></div><div class=\"sub\">")
                .append(l.t("批次 ", "Lot ")).append(esc(v.lotCode()));
        if (v.packedAt() != null) {
            b.append(" · ").append(l.t(l.date(v.packedAt().toLocalDate()) + " 包装", "packed "
                    + l.date(v.packedAt().toLocalDate())));
        }
        b.append("</div></div></header><main>");
        if (v.recall() != null) {
            // both languages whatever the page's: a recall must reach whoever holds the lot; #recall is the Digital
            // Link's gs1:recallStatus link for people
            b.append("<section id=\"recall\" class=\"banner recall\" role=\"alert\"><strong lang=\"zh-CN\">")
                    .append(esc(TraceView.Recall.ZH)).append("</strong><br><strong lang=\"en\">")
                    .append(esc(TraceView.Recall.EN)).append("</strong><div>").append(l.t("召回日期 ", "Recalled on "))
                    .append(esc(l.date(v.recall().since()))).append("</div></section>");
        }
        if (v.withdrawn()) {
            b.append("<section class=\"banner\">").append(l.t("此批次的记录已被撤销，请向销售方核实。",
                    "This lot's record was withdrawn; please check with the seller.")).append("</section>");
        }
        summary(b, v, l);
        origin(b, v, l);
        journey(b, v, l);
        b.append("</main><footer>").append(l.t("冷链追溯数据 · ", "Cold-chain trace data · ")).append("<a href=\"")
                .append(esc(selfPath)).append(".json\">JSON</a></footer></body></html>");
        return b.toString();
    }

    private static void head(StringBuilder b, Lang l, String title) {
        b.append("<!doctype html><html lang=\"").append(l.tag).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<meta name=\"robots\" content=\"noindex\"><title>").append(esc(title))
                .append("</title><style>").append(STYLE).append("</style></head><body>");
    }

    private static void summary(StringBuilder b, TraceView v, Lang l) {
        b.append("<section>");
        if (v.shelfLife() != null) {
            double d = v.shelfLife().remainingDays();
            String days = d >= 10 ? String.format(Locale.ROOT, "%.0f", d) : String.format(Locale.ROOT, "%.1f", d);
            b.append("<div class=\"muted\">").append(l.t("剩余保质期", "Shelf life left")).append("</div>");
            if (d <= 0) {
                b.append("<div class=\"big bad\">").append(l.t("已用完", "Used up")).append("</div>");
            } else {
                b.append("<div class=\"big").append(d < 2 ? " warn" : " ok").append("\">").append(l.t("约 " + days
                        + " 天", "about " + days + (days.equals("1.0") ? " day" : " days"))).append("</div>");
            }
            String planned = TraceChart.celsius(v.shelfLife().plannedC()) + "C";
            b.append("<div class=\"muted\">").append(l.t("按 " + planned + " 冷藏计，预计 "
                    + l.date(v.shelfLife().predictedExpiry()) + " 到期；根据实测温度计算", "if kept at " + planned
                    + ": best before about " + l.date(v.shelfLife().predictedExpiry())
                    + ", from the temperatures measured")).append("</div>");
        }
        coldChain(b, v, l);
        b.append("<p class=\"").append(v.record().verified() ? "ok" : "warn").append("\" style=\"margin:10px 0 0\">");
        if (v.record().verified()) {
            b.append("✓ ").append(l.t("记录已核验：本批次的 " + v.record().eventsChecked()
                    + " 条记录与防篡改记录链一致", "Record verified: its " + v.record().eventsChecked()
                    + " records match the tamper-evident chain"));
        } else {
            b.append("⚠ ").append(l.t("记录未能核验，请向销售方核实", "The record could not be verified; please "
                    + "check with the seller"));
        }
        b.append("</p></section>");
    }

    /** One line over the legs' verdicts: how many were in range, out of range, partly or not monitored. */
    private static void coldChain(StringBuilder b, TraceView v, Lang l) {
        var counts = v.coldChain();
        b.append("<div style=\"margin-top:10px\"><span class=\"muted\">").append(l.t("冷链 ", "Cold chain "))
                .append("</span>");
        counts.forEach((status, n) -> {
            if (n > 0) {
                b.append("<span class=\"chip c-").append(status).append("\" style=\"margin:2px 4px 2px 0\">")
                        .append(l.t(n + " 段" + Words.verdictStatus(status, l), n + " " + (n == 1 ? "leg " : "legs ")
                                + Words.verdictStatus(status, l))).append("</span>");
            }
        });
        b.append("</div>");
    }

    private static void origin(StringBuilder b, TraceView v, Lang l) {
        b.append("<section><h2>").append(l.t("产地", "Origin")).append("</h2>");
        if (v.origins().isEmpty()) {
            b.append("<p class=\"muted\">").append(l.t("未记录产地采收信息", "No harvest recorded for this lot"))
                    .append("</p>");
        }
        for (Origin o : v.origins()) {
            String name = l == Lang.EN && o.nameEn() != null ? o.nameEn() : o.nameZh();
            b.append("<dl><dt>").append(Words.partyKind(o.partyKind(), l)).append("</dt><dd>").append(esc(name))
                    .append("</dd><dt>").append(l.t("产地", "Region")).append("</dt><dd>")
                    .append(esc(Words.region(o, l)));
            if (o.povertyAlleviatedCounty()) {
                b.append("<br><span class=\"mark\">").append(l.t("脱贫县", "Poverty-alleviated county"))
                        .append("</span>");
            }
            if (o.pairedAssistanceCounty()) {
                b.append(o.povertyAlleviatedCounty() ? "" : "<br>").append("<span class=\"mark\">")
                        .append(l.t("对口帮扶县", "Paired-assistance county")).append("</span>");
            }
            b.append("</dd>");
            row(b, l.t("地块", "Plot"), o.plot());
            row(b, l.t("采收日期", "Harvested"), o.harvested() == null ? null : l.date(o.harvested()));
            row(b, l.t("种植户", "Grower"), o.grower());
            b.append("</dl>");
        }
        if (!v.certifications().isEmpty()) {
            b.append("<h2 style=\"margin-top:14px\">").append(l.t("认证", "Certifications")).append("</h2><ul>");
            for (Cert c : v.certifications()) {
                b.append("<li class=\"cert\"><span class=\"what\">").append(Words.certKind(c.kind(), l))
                        .append("</span> <span class=\"chip c-").append(c.status()).append("\">")
                        .append(Words.certStatus(c.status(), l)).append("</span><div class=\"muted\">")
                        .append(esc(c.number())).append(" · ").append(esc(c.issuer())).append("<br>")
                        .append(l.t("有效期 ", "Valid ")).append(l.date(c.validFrom())).append(" – ")
                        .append(l.date(c.validTo())).append("</div></li>");
            }
            b.append("</ul>");
        }
        b.append("</section>");
    }

    private static void journey(StringBuilder b, TraceView v, Lang l) {
        b.append("<section><h2>").append(l.t("流通与冷链", "Journey and cold chain")).append("</h2>");
        if (v.band().low() != null || v.band().high() != null) {
            b.append("<p class=\"muted\" style=\"margin:0 0 10px\">").append(l.t("要求温度 ", "Required: "))
                    .append(Words.band(v.band(), l)).append("</p>");
        }
        b.append("<ol>");
        for (Step s : v.journey()) {
            b.append("<li><div class=\"when\">").append(esc(l.time(s.from())));
            if (s.to() != null && !s.to().equals(s.from())) {
                b.append(" – ").append(esc(s.to().toLocalDate().equals(s.from().toLocalDate())
                        ? s.to().toLocalTime().toString() : l.time(s.to())));
            } else if (s.current()) {
                b.append(" – ").append(l.t("至今", "now"));
            }
            b.append("</div><div class=\"what\">").append(Words.step(s, l)).append("</div>");
            String place = Words.place(s);
            if (!place.isEmpty()) {
                b.append("<div class=\"muted\">").append(esc(place)).append("</div>");
            }
            if (s.verdict() != null && s.verdict().status().equals("unmonitored")) {
                // the sentence says it ("not monitored for 2 h"): no chip repeating it
                b.append("<div class=\"verdict muted\">").append(esc(l == Lang.ZH ? s.verdict().zh()
                        : s.verdict().en())).append("</div>");
            } else if (s.verdict() != null) {
                b.append("<div class=\"verdict\"><span class=\"chip c-").append(s.verdict().status()).append("\">")
                        .append(Words.verdictStatus(s.verdict().status(), l)).append("</span> ")
                        .append(esc(l == Lang.ZH ? s.verdict().zh() : s.verdict().en())).append("</div>");
            }
            if (s.chart() != null) {
                b.append(TraceChart.svg(s.chart(), v.band(), l.t("温度曲线", "Temperature chart")));
            }
            b.append("</li>");
        }
        b.append("</ol></section>");
    }

    private static void row(StringBuilder b, String label, String value) {
        if (value != null && !value.isBlank()) {
            b.append("<dt>").append(label).append("</dt><dd>").append(esc(value)).append("</dd>");
        }
    }

    /** The friendly page of an unknown or malformed code, in both languages (the code says nothing of a reader). */
    static String notFound() {
        StringBuilder b = new StringBuilder(4096);
        head(b, Lang.ZH, "未找到追溯码 · Trace code not found");
        return b.append("<main style=\"padding-top:24px\"><section><h1 class=\"bad\">未找到该追溯码</h1>")
                .append("<p>请核对标签上的追溯码是否完整，或向销售方咨询。追溯码无误仍查不到时，该标签可能并非正品。</p>")
                .append("<h1 class=\"bad\" lang=\"en\">Trace code not found</h1><p lang=\"en\">Please check the code ")
                .append("printed on the label, or ask the seller. If the code is right and still not found, the label ")
                .append("may not be genuine.</p></section></main></body></html>").toString();
    }

    /** The friendly page of a client that asked too often. */
    static String tooMany(long retryAfterS) {
        StringBuilder b = new StringBuilder(4096);
        head(b, Lang.ZH, "查询过于频繁 · Too many requests");
        return b.append("<main style=\"padding-top:24px\"><section><h1 class=\"warn\">查询过于频繁</h1><p>请在 ")
                .append(retryAfterS).append(" 秒后再试。</p><h1 class=\"warn\" lang=\"en\">Too many look-ups</h1>")
                .append("<p lang=\"en\">Please try again in ").append(retryAfterS).append(" s.</p></section></main>")
                .append("</body></html>").toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
