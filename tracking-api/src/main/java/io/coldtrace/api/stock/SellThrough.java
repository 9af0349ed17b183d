package io.coldtrace.api.stock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The early warning of produce that will not sell in time (滞销监测预警, issue 9 §5). Each product at a site sells at
 * its recent outbound rate (what left the site in the window, per day); its lots sell first-expiry-first-out, so a lot
 * clears when the quantity of the product expiring before it, and its own, has gone at that rate. What will not have
 * gone by the lot's expiry is at risk. Grades:
 * <ul>
 *   <li>urgent: a day of life or less, or quantity at risk with three days or less, or not moved for 2N days;</li>
 *   <li>warning: quantity at risk, or not moved for N days;</li>
 *   <li>watch: it clears within the last quarter of its life, or not moved for N/2 days;</li>
 *   <li>ok otherwise.</li>
 * </ul>
 * A lot without a shelf-life figure yet is judged by the time it has not moved alone, and says so.
 */
final class SellThrough {
    static final List<String> GRADES = List.of("ok", "watch", "warning", "urgent");

    /** The rule's settings: N, the days not moved that make a warning; the window the rate is read over. */
    record Settings(double stillDays, int windowDays) {
    }

    /** A lot's assessment, with the figures it rests on and the reason in both languages. */
    record Assessment(StockRow row, String grade, double ratePerDay, double clearDays, double atRisk,
                      double stillDays, String en, String zh) {
        int rank() {
            return GRADES.indexOf(grade);
        }
    }

    private SellThrough() {
    }

    /**
     * Assesses {@code rows} (ordered by site, product, then predicted expiry, as {@link StockSql#ON_HAND} returns
     * them), given what left each group in the window ({@code outflow}, by {@link StockRow#group()}).
     */
    static List<Assessment> assess(List<StockRow> rows, Map<String, Double> outflow, Settings s, Instant now) {
        Map<String, Double> cumulative = new HashMap<>();
        List<Assessment> out = new ArrayList<>();
        for (StockRow r : rows) {
            double q = r.quantity().doubleValue();
            double cum = cumulative.merge(r.group(), q, Double::sum);
            double rate = r.productId() == null ? 0 : outflow.getOrDefault(r.group(), 0.0) / s.windowDays();
            double clear = rate > 0 ? cum / rate : Double.POSITIVE_INFINITY;
            Double life = r.remainingDays();
            double atRisk = 0;
            if (life != null) {
                atRisk = rate > 0 ? Math.max(0, Math.min(q, cum - rate * Math.max(0, life))) : q;
            }
            Instant moved = r.lastMove() == null ? now : r.lastMove();
            double still = Math.max(0, Duration.between(moved, now).toMinutes() / 1440.0);
            String grade;
            if (life != null && (life <= 1 || atRisk > 0 && life <= 3) || still >= 2 * s.stillDays()) {
                grade = "urgent";
            } else if (atRisk > 0 || still >= s.stillDays()) {
                grade = "warning";
            } else if (life != null && clear >= 0.75 * life || still >= s.stillDays() / 2) {
                grade = "watch";
            } else {
                grade = "ok";
            }
            out.add(new Assessment(r, grade, rate, clear, atRisk, still, en(r, rate, cum, clear, life, atRisk, still),
                    zh(r, rate, cum, clear, life, atRisk, still)));
        }
        return out;
    }

    private static String en(StockRow r, double rate, double cum, double clear, Double life, double atRisk,
                             double still) {
        StringBuilder b = new StringBuilder();
        if (rate > 0) {
            b.append(String.format(Locale.ROOT, "at the recent rate of %s %s a day, the %s %s of %s here that expire "
                    + "no later than this lot clear in %s days", n(rate), r.uom(), n(cum), r.uom(), product(r),
                    n(clear)));
        } else {
            b.append("none of ").append(product(r)).append(" left this site in the window");
        }
        if (life == null) {
            b.append("; no shelf-life figure yet");
        } else {
            b.append(String.format(Locale.ROOT, "; %s days of life left", n(life)));
            if (atRisk > 0) {
                b.append(String.format(Locale.ROOT, ": %s %s will not have sold by then", n(atRisk), r.uom()));
            }
        }
        b.append(String.format(Locale.ROOT, "; not moved for %s days", n(still)));
        return Character.toUpperCase(b.charAt(0)) + b.substring(1);
    }

    private static String zh(StockRow r, double rate, double cum, double clear, Double life, double atRisk,
                             double still) {
        StringBuilder b = new StringBuilder();
        if (rate > 0) {
            b.append(String.format(Locale.ROOT, "按近期日均出库 %s %s，本批及更早到期的%s共 %s %s 需 %s 天售完", n(rate),
                    r.uom(), r.nameZh() == null ? r.code() : r.nameZh(), n(cum), r.uom(), n(clear)));
        } else {
            b.append("统计期内该产品未从本站点出库");
        }
        if (life == null) {
            b.append("；尚无保质期数据");
        } else {
            b.append(String.format(Locale.ROOT, "；剩余保质期 %s 天", n(life)));
            if (atRisk > 0) {
                b.append(String.format(Locale.ROOT, "，届时约 %s %s 无法售出", n(atRisk), r.uom()));
            }
        }
        b.append(String.format(Locale.ROOT, "；已 %s 天未移动", n(still)));
        return b.toString();
    }

    private static String product(StockRow r) {
        return r.nameEn() != null ? r.nameEn() : r.productId() != null ? r.productId() : "lot " + r.code();
    }

    private static String n(double v) {
        if (Double.isInfinite(v)) {
            return "∞";
        }
        return v >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
