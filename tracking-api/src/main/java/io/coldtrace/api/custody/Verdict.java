package io.coldtrace.api.custody;

import java.util.Locale;

/**
 * A leg's cold chain in one plain sentence, in English and Simplified Chinese, as a buyer reads it: "kept at 1.8–3.9
 * °C", "above 8 °C for 42 min, peak 9.1 °C", "not monitored for 3 h". Never "OK" for time nobody measured.
 */
public record Verdict(String status, String en, String zh) {
    /** Readings stood for less than this share of a monitored leg: the gap is said. */
    static final double GAP_SHARE = 0.05;

    /** The verdict of a leg of {@code minutes} with its figures, against the band {@code low}..{@code high}. */
    static Verdict of(double minutes, LegFigures f, Double low, Double high) {
        double unmonitored = Math.max(0, minutes - (f.readings() == 0 ? 0 : f.coveredMinutes()));
        if (f.readings() == 0) {
            return new Verdict("unmonitored", "not monitored for " + duration(minutes, false),
                    duration(minutes, true).strip() + "未监测");
        }
        StringBuilder en = new StringBuilder();
        StringBuilder zh = new StringBuilder();
        String status;
        if (f.aboveMinutes() > 0 || f.belowMinutes() > 0) {
            status = "excursion";
            if (f.aboveMinutes() > 0) {
                en.append("above ").append(c(high)).append(" for ").append(duration(f.aboveMinutes(), false))
                        .append(", peak ").append(c(f.maxC()));
                zh.append("高于 ").append(c(high)).append(" 共").append(duration(f.aboveMinutes(), true))
                        .append("，最高 ").append(c(f.maxC()));
            }
            if (f.belowMinutes() > 0) {
                en.append(en.isEmpty() ? "" : "; ").append("below ").append(c(low)).append(" for ")
                        .append(duration(f.belowMinutes(), false)).append(", lowest ").append(c(f.minC()));
                zh.append(zh.isEmpty() ? "" : "；").append("低于 ").append(c(low)).append(" 共")
                        .append(duration(f.belowMinutes(), true)).append("，最低 ").append(c(f.minC()));
            }
        } else {
            status = "kept";
            en.append("kept at ").append(range(f.minC(), f.maxC()));
            zh.append("保持在 ").append(range(f.minC(), f.maxC()));
        }
        double noData = Math.max(unmonitored, f.coveredMinutes() - f.readMinutes());
        if (noData > Math.max(GAP_SHARE * minutes, 1)) {
            status = status.equals("kept") ? "partial" : status;
            en.append("; no data for ").append(duration(noData, false));
            zh.append("；").append(duration(noData, true).strip()).append("无数据");
        }
        return new Verdict(status, en.toString(), zh.toString());
    }

    private static String range(Double min, Double max) {
        String lo = one(min);
        String hi = one(max);
        return (lo.equals(hi) ? lo : lo + "–" + hi) + " °C";
    }

    private static String c(Double v) {
        return one(v) + " °C";
    }

    private static String one(Double v) {
        return String.format(Locale.ROOT, "%.1f", v).replace("-", "−");
    }

    /** 42 min, 3 h, 3.5 h, 2.5 days (zh: 42 分钟, 3 小时, 2.5 天). */
    static String duration(double minutes, boolean zh) {
        if (minutes < 59.5) {
            long m = Math.max(1, Math.round(minutes));
            return zh ? " " + m + " 分钟" : m + " min";
        }
        if (minutes < 48 * 60) {
            String h = trim(minutes / 60);
            return zh ? " " + h + " 小时" : h + " h";
        }
        String d = trim(minutes / 1440);
        return zh ? " " + d + " 天" : d + " days";
    }

    private static String trim(double v) {
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }
}
