package io.coldtrace.api.standards;

import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Params;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The FSMA export's parameters: {@code from}, {@code to}, optional {@code product_id}, {@code lot} codes, format. */
record FsmaQuery(Instant from, Instant to, String productId, List<String> lots, String format) {
    private static final List<String> NAMES = List.of("from", "to", "product_id", "lot", "format");
    /** Lot codes one request may name. */
    static final int MAX_LOTS = 1_000;

    static FsmaQuery of(RoutingContext ctx) {
        Params.onlyQuery(ctx, NAMES);
        Instant from = Params.instantQuery(ctx, "from");
        Instant to = Params.instantQuery(ctx, "to");
        if (!to.isAfter(from)) {
            throw ClientError.badParameter("to", "to must be after from");
        }
        String product = Params.textQuery(ctx, "product_id", 64);
        Set<String> lots = new LinkedHashSet<>();
        for (String v : ctx.queryParam("lot")) {
            for (String code : v.split(",")) {
                String c = code.trim();
                if (c.isEmpty() || c.length() > 64) {
                    throw ClientError.badParameter("lot", "lot takes lot codes (1..64 characters), comma-separated "
                            + "or repeated");
                }
                lots.add(c);
            }
        }
        if (lots.size() > MAX_LOTS) {
            throw ClientError.badParameter("lot", "at most " + MAX_LOTS + " lot codes");
        }
        if (product != null && !lots.isEmpty()) {
            throw ClientError.badParameter("lot", "give product_id or lot, not both");
        }
        String format = Params.choiceQuery(ctx, "format", "xlsx", List.of("xlsx", "csv"));
        return new FsmaQuery(from, to, product, List.copyOf(lots), format);
    }

    boolean scoped() {
        return productId != null || !lots.isEmpty();
    }
}
