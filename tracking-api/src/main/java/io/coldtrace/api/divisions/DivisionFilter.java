package io.coldtrace.api.divisions;

import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Params;
import io.coldtrace.core.ids.DivisionCode;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The filters of the division list, each optional (null = any): {@code parent} (the divisions whose parent is this
 * code: a province's cities, a city's counties), {@code level} province|city|county, {@code flag}
 * poverty_alleviated|key_assistance (set now), {@code q} (digits: a code prefix; else a part of the name) and
 * {@code after} (a code: the page after it, as the list is ordered by code).
 */
record DivisionFilter(String parent, String level, String flag, String codePrefix, String name, String after) {
    static final List<String> LEVELS = List.of("province", "city", "county");
    static final List<String> FLAGS = List.of("poverty_alleviated", "key_assistance");
    static final List<String> PARAMS = List.of("parent", "level", "flag", "q", "after", "limit");

    static DivisionFilter of(RoutingContext ctx) {
        Params.onlyQuery(ctx, PARAMS);
        String q = Params.textQuery(ctx, "q", 100);
        boolean digits = q != null && q.strip().matches("[0-9]{1,6}");
        return new DivisionFilter(code(ctx, "parent"), Params.choiceQuery(ctx, "level", null, LEVELS),
                Params.choiceQuery(ctx, "flag", null, FLAGS), digits ? q.strip() : null,
                q == null || digits ? null : q.strip(), code(ctx, "after"));
    }

    private static String code(RoutingContext ctx, String name) {
        String v = Params.textQuery(ctx, name, 6);
        if (v == null) {
            return null;
        }
        try {
            return new DivisionCode(v).code();
        } catch (IllegalArgumentException e) {
            throw ClientError.badParameter(name, name + ": " + e.getMessage());
        }
    }
}
