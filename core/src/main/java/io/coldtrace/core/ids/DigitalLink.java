package io.coldtrace.core.ids;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * GS1 Digital Link URIs of a lot: {@code https://{host}/01/{gtin14}/10/{lot}} (domain.md §2). The GTIN is always 14
 * digits with a valid check digit; the lot is a path segment, never a query parameter; qualifiers keep their order
 * ({@code /01/…/22/…/10/…/21/…}); {@code / & # % +} in a value are percent-encoded.
 */
public final class DigitalLink {
    /** The qualifiers in the order GS1 fixes: GTIN, consumer product variant, batch/lot, serial. */
    private static final List<String> ORDER = List.of("01", "22", "10", "21");

    /** A parsed link: its GTIN-14 and lot (null when the link names only the product). */
    public record Parsed(String gtin14, String lot) {
    }

    private DigitalLink() {
    }

    /** The link of lot {@code lot} of product {@code gtin} under {@code base} (scheme and host, no trailing slash). */
    public static String of(String base, String gtin, String lot) {
        if (lot == null || lot.isEmpty()) {
            throw new IllegalArgumentException("a lot's link needs its lot");
        }
        return base + "/01/" + Gs1.gtin14(gtin) + "/10/" + encode(lot);
    }

    /** Parses a link's path ({@code /01/…/10/…}, or a whole URI); throws saying what is wrong. */
    public static Parsed parse(String link) {
        URI uri = URI.create(link);
        if (uri.getRawQuery() != null && uri.getRawQuery().matches("(^|.*&)(10|21|22)=.*")) {
            throw new IllegalArgumentException("a Digital Link carries the lot in its path, not in the query");
        }
        String[] parts = uri.getRawPath().replaceFirst("^/", "").split("/", -1);
        if (parts.length < 2 || parts.length % 2 != 0 || !parts[0].equals("01")) {
            throw new IllegalArgumentException("a Digital Link path starts /01/{gtin14} and pairs each qualifier "
                    + "with a value");
        }
        String gtin = parts[1];
        if (gtin.length() != 14 || !Gs1.valid(gtin)) {
            throw new IllegalArgumentException("the GTIN of a Digital Link is 14 digits with a valid check digit, "
                    + "was '" + gtin + "'");
        }
        String lot = null;
        int last = 0;
        for (int i = 2; i < parts.length; i += 2) {
            int at = ORDER.indexOf(parts[i]);
            if (at <= last) {
                throw new IllegalArgumentException("qualifier " + parts[i] + " is unknown or out of order (GS1 "
                        + "fixes /01/…/22/…/10/…/21/…)");
            }
            last = at;
            String value = URLDecoder.decode(parts[i + 1].replace("+", "%2B"), StandardCharsets.UTF_8);
            if (value.isEmpty()) {
                throw new IllegalArgumentException("qualifier " + parts[i] + " has no value");
            }
            if (parts[i].equals("10")) {
                lot = value;
            }
        }
        return new Parsed(gtin, lot);
    }

    /** Percent-encodes a value so that / & # % + and anything not URL-safe stay inside their segment. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
