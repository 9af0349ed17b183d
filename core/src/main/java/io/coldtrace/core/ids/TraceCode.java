package io.coldtrace.core.ids;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;

/**
 * A lot's trace code (追溯码): 80 random bits as 16 Crockford base-32 characters plus one check character, printed in
 * readable groups ({@code 7K3M-Q9TX-2D4F-HW8R-5}). Unguessable by enumeration (2^80 codes for every lot that
 * exists); read back forgivingly (any case, dashes or spaces, O for 0 and I or L for 1), and a mistyped character is
 * caught by the check character (Crockford's: the body's value mod 37, so every single substitution and every swap
 * of neighbours changes it; values 32..36 are the check-only symbols {@code * ~ $ = U}).
 */
public record TraceCode(String value) {
    /** Crockford's base 32: no I, L, O, U. */
    static final String SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** Check characters: the 32 symbols and five more, as Crockford's check symbols. */
    static final String CHECKS = SYMBOLS + "*~$=U";
    private static final int BODY = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    public TraceCode {
        Objects.requireNonNull(value, "value");
        if (value.length() != BODY + 1 || !value.substring(0, BODY).chars().allMatch(c -> SYMBOLS.indexOf(c) >= 0)
                || check(value.substring(0, BODY)) != value.charAt(BODY)) {
            throw new IllegalArgumentException("not a trace code: '" + value + "'");
        }
    }

    /** A new random code. */
    public static TraceCode random() {
        StringBuilder b = new StringBuilder(BODY + 1);
        for (int i = 0; i < BODY; i++) {
            b.append(SYMBOLS.charAt(RANDOM.nextInt(32)));
        }
        return new TraceCode(b.append(check(b)).toString());
    }

    /**
     * The code a person or a scanner gave, normalised (case, dashes and spaces, O→0, I/L→1), or an
     * IllegalArgumentException when it is not one (wrong length, unknown character, failed check).
     */
    public static TraceCode parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no trace code given");
        }
        StringBuilder b = new StringBuilder(BODY + 1);
        for (char ch : text.toUpperCase(Locale.ROOT).toCharArray()) {
            switch (ch) {
                case '-', ' ' -> { }
                case 'O' -> b.append('0');
                case 'I', 'L' -> b.append('1');
                default -> b.append(ch);
            }
        }
        return new TraceCode(b.toString());
    }

    /** The code in groups of four, as printed: {@code 7K3M-Q9TX-2D4F-HW8R-5}. */
    public String grouped() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < BODY; i += 4) {
            b.append(value, i, i + 4).append('-');
        }
        return b.append(value.charAt(BODY)).toString();
    }

    /** The check character of a body: the body as a base-32 number, mod 37. */
    static char check(CharSequence body) {
        int mod = 0;
        for (int i = 0; i < body.length(); i++) {
            mod = (mod * 32 + SYMBOLS.indexOf(body.charAt(i))) % 37;
        }
        return CHECKS.charAt(mod);
    }

    @Override
    public String toString() {
        return grouped();
    }
}
