package io.coldtrace.api.assistance;

import java.time.LocalDate;
import java.util.List;

/**
 * The public list as HTML: one page, no script, styles inline, a card per product that reads on a 320 px screen,
 * Simplified Chinese or English with a link to the other, and the QR image of the list.
 */
final class ListPage {
    private static final String STYLE = "*{box-sizing:border-box}body{margin:0;background:#eef2ef;color:#1c2b23;"
            + "font:16px/1.5 -apple-system,\"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",sans-serif}"
            + "header{background:#1f6f4a;color:#fff;padding:14px 16px}header a{color:#fff}main{max-width:720px;"
            + "margin:0 auto;padding:0 12px 24px}h1{font-size:22px;margin:4px 0}ul{list-style:none;margin:0;"
            + "padding:0}li{background:#fff;border-radius:12px;margin:12px 0;padding:12px 16px;box-shadow:0 1px 2px "
            + "#0001}h2{font-size:18px;margin:0 0 4px}dl{margin:0;display:grid;grid-template-columns:auto 1fr;"
            + "gap:2px 12px}dt{color:#5d6b63}dd{margin:0;overflow-wrap:anywhere}.muted{color:#5d6b63;font-size:14px}"
            + "footer{text-align:center;padding:8px}footer img{width:160px;height:160px}";

    private ListPage() {
    }

    static String render(List<Listed> rows, LocalDate today, boolean en) {
        StringBuilder b = new StringBuilder(4096 + rows.size() * 512);
        String title = en ? "Certified assistance products" : "消费帮扶产品名录";
        b.append("<!DOCTYPE html><html lang=\"").append(en ? "en" : "zh-CN").append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(title).append("</title><style>").append(STYLE).append("</style></head><body><header>")
                .append("<a href=\"").append(PublicList.PATH).append("?lang=").append(en ? "zh" : "en")
                .append("\" hreflang=\"").append(en ? "zh-CN" : "en").append("\">").append(en ? "中文" : "English")
                .append("</a><h1>").append(title).append("</h1><div>")
                .append(en ? "Certificates in force on " + today : "截至 " + today + " 有效的认定")
                .append(" · ").append(rows.size()).append(en ? " products" : " 个产品").append("</div></header><main>");
        if (rows.isEmpty()) {
            b.append("<p class=\"muted\">").append(en ? "No certified product is listed today." : "今日暂无认定产品。")
                    .append("</p>");
        } else {
            b.append("<ul>");
            for (Listed r : rows) {
                card(b, r, en);
            }
            b.append("</ul>");
        }
        b.append("</main><footer><img src=\"").append(PublicList.PATH).append("/qr.svg\" alt=\"")
                .append(en ? "QR code of this list" : "本名录二维码").append("\"><div class=\"muted\">")
                .append(en ? "Scan to open this list" : "扫码查看本名录").append(" · <a href=\"").append(PublicList.PATH)
                .append(".json\">JSON</a></div></footer></body></html>");
        return b.toString();
    }

    private static void card(StringBuilder b, Listed r, boolean en) {
        String product = en ? r.productEn() : r.productZh();
        String producer = en && r.producerEn() != null ? r.producerEn() : r.producerZh();
        String place = String.join(" ", java.util.stream.Stream.of(r.province(), r.city(), r.county())
                .filter(s -> s != null && !s.isBlank()).toList());
        b.append("<li><h2>").append(text(product)).append("</h2><dl><dt>").append(en ? "Producer" : "生产主体")
                .append("</dt><dd>").append(text(producer)).append("</dd><dt>").append(en ? "Origin" : "产地")
                .append("</dt><dd>").append(text(place)).append(" (").append(text(r.divisionCode())).append(")</dd><dt>")
                .append(en ? "Certificate" : "认定编号").append("</dt><dd>").append(text(r.certificateNumber()))
                .append("</dd><dt>").append(en ? "Issued by" : "认定部门").append("</dt><dd>").append(text(r.issuer()))
                .append("</dd><dt>").append(en ? "Valid" : "有效期").append("</dt><dd>").append(r.validFrom())
                .append(en ? " to " : " 至 ").append(r.validTo()).append("</dd></dl></li>");
    }

    /** Text as HTML: the five characters markup gives meaning to, as entities. */
    static String text(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
