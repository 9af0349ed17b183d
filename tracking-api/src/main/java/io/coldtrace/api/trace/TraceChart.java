package io.coldtrace.api.trace;

import io.coldtrace.api.trace.TraceView.Band;
import io.coldtrace.api.trace.TraceView.Chart;
import java.util.Locale;

/**
 * A leg's temperature as a small inline SVG (no script, no external file): the product's band shaded, the min–max
 * envelope light, the mean as a polyline, the band's limits and the extremes labelled. About 2–4 KB for 120 points.
 */
final class TraceChart {
    private static final double W = 320;
    private static final double H = 96;
    private static final double LEFT = 34;
    private static final double RIGHT = 316;
    private static final double TOP = 6;
    private static final double BOTTOM = 88;

    private TraceChart() {
    }

    static String svg(Chart chart, Band band, String label) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (double[] p : chart.points()) {
            lo = Math.min(lo, p[2]);
            hi = Math.max(hi, p[3]);
        }
        double yMin = Math.floor(Math.min(lo, band.low() == null ? lo : band.low()) - 1);
        double yMax = Math.ceil(Math.max(hi, band.high() == null ? hi : band.high()) + 1);
        StringBuilder b = new StringBuilder(4096);
        b.append("<svg class=\"chart\" viewBox=\"0 0 ").append(num(W)).append(' ').append(num(H))
                .append("\" role=\"img\" aria-label=\"").append(TracePage.esc(label)).append("\">");
        if (band.low() != null || band.high() != null) {
            double top = band.high() == null ? TOP : y(band.high(), yMin, yMax);
            double bottom = band.low() == null ? BOTTOM : y(band.low(), yMin, yMax);
            b.append("<rect class=\"band\" x=\"").append(num(LEFT)).append("\" y=\"").append(num(top))
                    .append("\" width=\"").append(num(RIGHT - LEFT)).append("\" height=\"")
                    .append(num(Math.max(0, bottom - top))).append("\"/>");
            limit(b, band.high(), yMin, yMax);
            limit(b, band.low(), yMin, yMax);
        }
        // the envelope: along the maxima, back along the minima
        b.append("<polygon class=\"env\" points=\"");
        for (double[] p : chart.points()) {
            point(b, x(p[0]), y(p[3], yMin, yMax));
        }
        for (int i = chart.points().size() - 1; i >= 0; i--) {
            double[] p = chart.points().get(i);
            point(b, x(p[0]), y(p[2], yMin, yMax));
        }
        b.setLength(b.length() - 1);
        b.append("\"/>");
        if (chart.points().size() == 1) {
            double[] p = chart.points().get(0);
            b.append("<circle class=\"mean\" r=\"2\" cx=\"").append(num(x(p[0]))).append("\" cy=\"")
                    .append(num(y(p[1], yMin, yMax))).append("\"/>");
        } else {
            b.append("<polyline class=\"mean\" points=\"");
            for (double[] p : chart.points()) {
                point(b, x(p[0]), y(p[1], yMin, yMax));
            }
            b.setLength(b.length() - 1);
            b.append("\"/>");
        }
        b.append("<line class=\"axis\" x1=\"").append(num(LEFT)).append("\" y1=\"").append(num(BOTTOM))
                .append("\" x2=\"").append(num(RIGHT)).append("\" y2=\"").append(num(BOTTOM)).append("\"/>");
        return b.append("</svg>").toString();
    }

    private static void limit(StringBuilder b, Double v, double yMin, double yMax) {
        if (v == null) {
            return;
        }
        double y = y(v, yMin, yMax);
        b.append("<line class=\"lim\" x1=\"").append(num(LEFT)).append("\" y1=\"").append(num(y)).append("\" x2=\"")
                .append(num(RIGHT)).append("\" y2=\"").append(num(y)).append("\"/><text x=\"").append(num(LEFT - 3))
                .append("\" y=\"").append(num(y + 3.5)).append("\">").append(celsius(v)).append("</text>");
    }

    static String celsius(double v) {
        String s = String.format(Locale.ROOT, "%.0f°", v);
        return s.replace("-", "−");
    }

    private static double x(double fraction) {
        return LEFT + fraction * (RIGHT - LEFT);
    }

    private static double y(double c, double yMin, double yMax) {
        return BOTTOM - (c - yMin) / (yMax - yMin) * (BOTTOM - TOP);
    }

    /** {@code x,y } to one decimal. */
    private static void point(StringBuilder b, double x, double y) {
        num(b, x);
        b.append(',');
        num(b, y);
        b.append(' ');
    }

    /** {@code v} to one decimal, half up, without a trailing ".0" (as {@code %.1f}, without a Formatter per number). */
    static StringBuilder num(StringBuilder b, double v) {
        long tenths = Math.round(Math.abs(v) * 10);
        if (v < 0 && tenths != 0) {
            b.append('-');
        }
        b.append(tenths / 10);
        if (tenths % 10 != 0) {
            b.append('.').append(tenths % 10);
        }
        return b;
    }

    static String num(double v) {
        return num(new StringBuilder(8), v).toString();
    }
}
