package io.coldtrace.api.parties;

import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Params;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The filters of the party list, each optional (null = any): {@code kind}, {@code buyer_type}, {@code division} (a
 * GB/T 2260 prefix: 2 digits for a province, 4 for a city, 6 for one division; a whole code ending in 00 or 0000 is
 * read as its city's or province's prefix), {@code assistance} ({@code poverty}: poverty-alleviated counties,
 * {@code paired}: paired-assistance counties) and {@code q} (a part of the Chinese or English name, any case).
 */
public record PartyFilter(String kind, String buyerType, String division, String assistance, String q) {
    static final List<String> ASSISTANCE = List.of("poverty", "paired");

    static PartyFilter of(RoutingContext ctx) {
        return new PartyFilter(Params.choiceQuery(ctx, "kind", null, Party.KINDS),
                Params.choiceQuery(ctx, "buyer_type", null, Party.BUYER_TYPES), division(ctx),
                Params.choiceQuery(ctx, "assistance", null, ASSISTANCE), Params.textQuery(ctx, "q", 100));
    }

    private static String division(RoutingContext ctx) {
        String v = Params.textQuery(ctx, "division", 6);
        if (v == null) {
            return null;
        }
        if (!v.matches("[0-9]{2}|[0-9]{4}|[0-9]{6}")) {
            throw ClientError.badParameter("division", "division must be a GB/T 2260 prefix of 2, 4 or 6 digits "
                    + "(province, city, division), was '" + v + "'");
        }
        String prefix = v;
        while (prefix.length() > 2 && prefix.endsWith("00")) {
            prefix = prefix.substring(0, prefix.length() - 2);
        }
        return prefix;
    }
}
