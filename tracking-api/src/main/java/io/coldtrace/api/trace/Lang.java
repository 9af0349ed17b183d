package io.coldtrace.api.trace;

import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The page's language: Simplified Chinese unless {@code ?lang=en} asks for English, or, without {@code lang}, the
 * browser's Accept-Language puts English before any Chinese.
 */
enum Lang {
    ZH("zh-CN"), EN("en");

    private static final DateTimeFormatter ZH_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.ROOT);
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.ROOT);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    final String tag;

    Lang(String tag) {
        this.tag = tag;
    }

    static Lang of(RoutingContext ctx) {
        String asked = ctx.request().getParam("lang");
        if (asked != null) {
            return asked.toLowerCase(Locale.ROOT).startsWith("en") ? EN : ZH;
        }
        return fromAcceptLanguage(ctx.request().getHeader("accept-language"));
    }

    /** The first of zh / en the header names with a non-zero weight, in weight order; zh when neither. */
    static Lang fromAcceptLanguage(String header) {
        if (header == null) {
            return ZH;
        }
        Lang best = ZH;
        double bestQ = -1;
        for (String part : header.split(",")) {
            String[] bits = part.strip().split(";");
            String tag = bits[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < bits.length; i++) {
                String b = bits[i].strip();
                if (b.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(b.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            Lang l = tag.startsWith("zh") ? ZH : tag.startsWith("en") ? EN : null;
            if (l != null && q > 0 && q > bestQ) {
                best = l;
                bestQ = q;
            }
        }
        return best;
    }

    String t(String zh, String en) {
        return this == ZH ? zh : en;
    }

    Lang other() {
        return this == ZH ? EN : ZH;
    }

    /** A local time as the page prints it; the offset is said when it is not China's. */
    String time(OffsetDateTime t) {
        String s = t.format(this == ZH ? ZH_TIME : EN_TIME);
        return t.getOffset().getTotalSeconds() == 8 * 3600 ? s : s + " (UTC" + t.getOffset() + ")";
    }

    String date(java.time.LocalDate d) {
        return d.format(this == ZH ? ZH_DATE : EN_DATE);
    }
}
