package io.coldtrace.api.labels;

import java.util.Locale;

/**
 * Reads an HTTP {@code Accept} header (RFC 9110 §12.5.1) for the resolver: how much a request wants a media type,
 * taken from the most specific range that matches it ({@code text/html} before {@code text/*} before {@code *}{@code
 * /*}), and whether it names a type outright. A malformed weight counts as 1, as if none were given.
 */
final class Accepts {
    private Accepts() {
    }

    /** The weight (0..1) {@code header} gives {@code media}; 1 without a header; 0 when no range matches. */
    static double weight(String header, String media) {
        if (header == null || header.isBlank()) {
            return 1;
        }
        String type = media == null ? "*/*" : media.toLowerCase(Locale.ROOT);
        String major = type.substring(0, Math.max(0, type.indexOf('/')));
        int bestSpecificity = -1;
        double weight = 0;
        for (String part : header.split(",")) {
            String[] fields = part.split(";");
            String range = fields[0].strip().toLowerCase(Locale.ROOT);
            int specificity = range.equals(type) ? 2 : range.equals(major + "/*") ? 1 : range.equals("*/*") ? 0 : -1;
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                weight = q(fields);
            }
        }
        return weight;
    }

    /** Whether {@code header} names {@code media} itself (not through a wildcard) with a weight above 0. */
    static boolean names(String header, String media) {
        if (header == null) {
            return false;
        }
        for (String part : header.split(",")) {
            String[] fields = part.split(";");
            if (fields[0].strip().equalsIgnoreCase(media) && q(fields) > 0) {
                return true;
            }
        }
        return false;
    }

    private static double q(String[] fields) {
        for (int i = 1; i < fields.length; i++) {
            String p = fields[i].strip();
            if (p.startsWith("q=") || p.startsWith("Q=")) {
                try {
                    double q = Double.parseDouble(p.substring(2));
                    return q >= 0 && q <= 1 ? q : 1;
                } catch (NumberFormatException e) {
                    return 1;
                }
            }
        }
        return 1;
    }
}
