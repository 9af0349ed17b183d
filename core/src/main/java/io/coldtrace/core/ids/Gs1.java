package io.coldtrace.core.ids;

/**
 * GS1 keys (GTIN, GLN, SSCC): digits whose last one is a check digit over the others, weighted 3, 1, 3, 1, … from the
 * rightmost digit of the body; check = (10 − sum mod 10) mod 10 (domain.md §2).
 */
public final class Gs1 {
    private Gs1() {
    }

    /** The check digit of {@code body} (the key without its last digit). */
    public static int checkDigit(String body) {
        if (body == null || body.isEmpty() || !digits(body)) {
            throw new IllegalArgumentException("a GS1 key body is digits only, was '" + body + "'");
        }
        int sum = 0;
        for (int i = body.length() - 1, w = 3; i >= 0; i--, w = 4 - w) {
            sum += (body.charAt(i) - '0') * w;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether {@code key} is all digits (at least two) and its last digit is the check digit of the others. */
    public static boolean valid(String key) {
        return key != null && key.length() >= 2 && digits(key)
                && checkDigit(key.substring(0, key.length() - 1)) == key.charAt(key.length() - 1) - '0';
    }

    /**
     * A GTIN-8, -12, -13 or -14 as the 14 digits it is always written as (left-padded with zeros); throws with a
     * message naming what is wrong.
     */
    public static String gtin14(String gtin) {
        if (gtin == null || !(gtin.length() == 8 || gtin.length() == 12 || gtin.length() == 13 || gtin.length() == 14)
                || !digits(gtin)) {
            throw new IllegalArgumentException("a GTIN has 8, 12, 13 or 14 digits, was '" + gtin + "'");
        }
        if (!valid(gtin)) {
            throw new IllegalArgumentException("GTIN " + gtin + " fails its check digit (expected "
                    + checkDigit(gtin.substring(0, gtin.length() - 1)) + " last)");
        }
        return "0".repeat(14 - gtin.length()) + gtin;
    }

    /** A GLN: 13 digits with a valid check digit; throws with a message naming what is wrong. */
    public static String gln(String gln) {
        if (gln == null || gln.length() != 13 || !digits(gln)) {
            throw new IllegalArgumentException("a GLN has 13 digits, was '" + gln + "'");
        }
        if (!valid(gln)) {
            throw new IllegalArgumentException("GLN " + gln + " fails its check digit (expected "
                    + checkDigit(gln.substring(0, 12)) + " last)");
        }
        return gln;
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
