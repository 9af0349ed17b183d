package io.coldtrace.api.lots;

import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Params;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The filters of {@code GET /api/v1/lots}: product, kind (lots by default), origin (a division code prefix of the farm
 * the lot's harvest batches came from), place (a unit or site where it holds quantity now), status, a code or trace
 * code prefix, remaining shelf life below a number of days (as the custody feature last computed it), and the page
 * (limit, and the cursor the previous page ended with).
 */
record LotFilter(String productId, String kind, String origin, String place, String status, String codePrefix,
                 String tracePrefix, Double shelfLifeBelowDays, int limit, Instant afterBornAt, UUID afterId) {
    static final List<String> KINDS = List.of("lot", "harvest_batch");
    private static final Pattern DIVISION_PREFIX = Pattern.compile("^[0-9]{1,6}$");

    static LotFilter from(RoutingContext ctx) {
        String origin = Params.textQuery(ctx, "origin", 6);
        if (origin != null && !DIVISION_PREFIX.matcher(origin).matches()) {
            throw ClientError.badParameter("origin", "origin must be the first 1..6 digits of a GB/T 2260 division "
                    + "code (50 Chongqing, 5002 its counties, 500238 Wuxi), was '" + origin + "'");
        }
        String q = Params.textQuery(ctx, "q", 64);
        String cursor = Params.textQuery(ctx, "cursor", 200);
        Instant afterBornAt = null;
        UUID afterId = null;
        if (cursor != null) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                        .split("/", 2);
                afterBornAt = Instant.parse(parts[0]);
                afterId = UUID.fromString(parts[1]);
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException
                     | java.time.format.DateTimeParseException e) {
                throw ClientError.badParameter("cursor", "cursor must be the next_cursor of a previous page");
            }
        }
        return new LotFilter(Params.textQuery(ctx, "product_id", 64), Params.choiceQuery(ctx, "kind", "lot", KINDS),
                origin, Params.textQuery(ctx, "place", 64), Params.choiceQuery(ctx, "status", null, LotRow.STATUSES),
                q == null ? null : likePrefix(q.trim()), q == null ? null : tracePrefix(q), shelfLifeBelow(ctx),
                Params.limit(ctx),
                afterBornAt, afterId);
    }

    private static Double shelfLifeBelow(RoutingContext ctx) {
        String v = Params.textQuery(ctx, "shelf_life_below_days", 16);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (d > 0 && d <= 3650) {
                return d;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ClientError.badParameter("shelf_life_below_days", "shelf_life_below_days must be a number of days "
                + "above 0 and at most 3650, was '" + v + "'");
    }

    /** The cursor of the page after the one that ended with {@code last}. */
    static String cursorAfter(LotRow last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((last.bornAt() + "/" + last.id())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A LIKE pattern matching what starts with {@code text} (its own % _ \ taken literally). */
    static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * The LIKE pattern of trace codes starting with what a person typed, read as {@code TraceCode.parse} reads a
     * whole code (any case, dashes and spaces ignored, O for 0, I and L for 1); null when it cannot start one.
     */
    static String tracePrefix(String text) {
        StringBuilder b = new StringBuilder();
        for (char ch : text.toUpperCase(Locale.ROOT).toCharArray()) {
            switch (ch) {
                case '-', ' ' -> { }
                case 'O' -> b.append('0');
                case 'I', 'L' -> b.append('1');
                default -> {
                    if (!(ch >= '0' && ch <= '9' || ch >= 'A' && ch <= 'Z' || "*~$=".indexOf(ch) >= 0)) {
                        return null;
                    }
                    b.append(ch);
                }
            }
        }
        return b.isEmpty() || b.length() > 17 ? null : b + "%";
    }
}
