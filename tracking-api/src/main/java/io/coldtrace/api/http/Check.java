package io.coldtrace.api.http;

import java.util.List;
import java.util.regex.Pattern;

/** Validation for the compact constructors of request records: each failure is a 422 naming the field. */
public final class Check {
    private Check() {
    }

    /** Required text of 1..max characters. */
    public static String text(String field, String v, int max) {
        if (v == null || v.isBlank() || v.length() > max) {
            throw ClientError.invalid(field, field + " must be 1.." + max + " characters");
        }
        return v;
    }

    /** Optional text: null, or 1..max characters. */
    public static String optText(String field, String v, int max) {
        return v == null ? null : text(field, v, max);
    }

    /** Required text matching {@code pattern}; {@code rule} says in words what it accepts. */
    public static String matches(String field, String v, Pattern pattern, String rule) {
        if (v == null || !pattern.matcher(v).matches()) {
            throw ClientError.invalid(field, field + " must be " + rule);
        }
        return v;
    }

    /** Required value, one of {@code allowed}. */
    public static String oneOf(String field, String v, List<String> allowed) {
        if (v == null || !allowed.contains(v)) {
            throw ClientError.invalid(field, field + " must be one of " + String.join(", ", allowed)
                    + (v == null ? "" : "; was '" + v + "'"));
        }
        return v;
    }

    /** Optional GLN: null, or 13 digits ending in their GS1 check digit. */
    public static String optGln(String field, String v) {
        if (v != null) {
            try {
                io.coldtrace.core.ids.Gs1.gln(v);
            } catch (IllegalArgumentException e) {
                throw ClientError.invalid(field, e.getMessage());
            }
        }
        return v;
    }

    /** Optional number within min..max (null passes). */
    public static Double range(String field, Double v, double min, double max) {
        if (v != null && (!Double.isFinite(v) || v < min || v > max)) {
            throw ClientError.invalid(field, field + " must be within " + min + ".." + max + ", was " + v);
        }
        return v;
    }

    /** Optional whole number within min..max (null passes). */
    public static Integer range(String field, Integer v, int min, int max) {
        if (v != null && (v < min || v > max)) {
            throw ClientError.invalid(field, field + " must be within " + min + ".." + max + ", was " + v);
        }
        return v;
    }
}
