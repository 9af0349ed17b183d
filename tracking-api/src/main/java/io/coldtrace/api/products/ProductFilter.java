package io.coldtrace.api.products;

import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Params;
import io.coldtrace.core.ids.Gs1;
import io.vertx.ext.web.RoutingContext;

/**
 * The filters of the product list, each optional (null = any): {@code commodity} (exact), {@code temp_class},
 * {@code gtin} (any valid GTIN-8/12/13/14, compared as 14 digits) and {@code q} (a part of the Chinese or English
 * name, any case).
 */
public record ProductFilter(String commodity, String tempClass, String gtin, String q) {
    static ProductFilter of(RoutingContext ctx) {
        return new ProductFilter(Params.textQuery(ctx, "commodity", 100),
                Params.choiceQuery(ctx, "temp_class", null, Product.TEMP_CLASSES), gtin(ctx),
                Params.textQuery(ctx, "q", 100));
    }

    private static String gtin(RoutingContext ctx) {
        String v = Params.textQuery(ctx, "gtin", 14);
        if (v == null) {
            return null;
        }
        try {
            return Gs1.gtin14(v);
        } catch (IllegalArgumentException e) {
            throw ClientError.badParameter("gtin", e.getMessage());
        }
    }
}
