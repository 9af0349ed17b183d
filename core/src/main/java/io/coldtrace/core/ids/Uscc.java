package io.coldtrace.core.ids;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) of a registered company or cooperative: 18
 * characters from {@code 0-9 A-H J-N P-R T U W-Y}; the last is a check character over the first 17, with weights
 * 3^i mod 31 and check = (31 − Σ value·weight mod 31) mod 31 (domain.md §6).
 */
public final class Uscc {
    /** The 31 characters, in value order 0..30 (no I, O, S, V, Z). */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Uscc() {
    }

    /** The check character of the code's first 17 characters. */
    public static char checkChar(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("the body of a social credit code has 17 characters, was '"
                    + first17 + "'");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not a social credit code "
                        + "character (0-9 and A-Y without I, O, S, V, Z)");
            }
            sum += v * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** Whether {@code code} is 18 characters of the alphabet ending in its check character. */
    public static boolean valid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return checkChar(code.substring(0, 17)) == code.charAt(17);
    }
}
