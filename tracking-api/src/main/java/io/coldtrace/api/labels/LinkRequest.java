package io.coldtrace.api.labels;

import io.coldtrace.api.http.ClientError;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;

/**
 * What a Digital Link request asks the resolver for (GS1-Conformant resolver 1.x): the linkset ({@code
 * ?linkType=linkset}, or {@code all} as GS1 Digital Link 1.1 wrote it, or no linkType and an {@code Accept} naming
 * {@code application/linkset+json}), or a redirect to the links of one type, written {@code gs1:recallStatus} or as
 * the full URI in any of the vocabulary's equivalent namespaces; none asks for the default link. A link type the lot
 * has no link of is a 404 naming it: the standard's rule ("SHALL return a 404 if a link of the requested type is not
 * available"), so a program asking for, say, allergen information is not sent to a page that has none.
 *
 * @param linkset whether the linkset is asked for
 * @param type    otherwise the link type, by its name in the GS1 vocabulary ({@code pip})
 */
record LinkRequest(boolean linkset, String type) {
    private static final String PARAM = "linkType";
    private static final List<String> NAMESPACES = List.of("gs1:", LotLinks.VOC, "https://www.gs1.org/voc/",
            "https://ref.gs1.org/voc/", "http://gs1.org/voc/");

    static LinkRequest of(RoutingContext ctx) {
        String asked = ctx.queryParams().get(PARAM);
        if (asked == null || asked.isEmpty()) {
            return Accepts.names(ctx.request().getHeader("accept"), LotLinks.LINKSET_MEDIA)
                    ? new LinkRequest(true, null) : new LinkRequest(false, LotLinks.DEFAULT_LINK);
        }
        if (asked.equals("linkset") || asked.equals("all")) {
            return new LinkRequest(true, null);
        }
        for (String ns : NAMESPACES) {
            if (asked.startsWith(ns) && LotLinks.TYPES.contains(asked.substring(ns.length()))) {
                return new LinkRequest(false, asked.substring(ns.length()));
            }
        }
        String shown = asked.length() > 100 ? asked.substring(0, 100) + "…" : asked;
        throw ClientError.notFound(PARAM, "未找到该类型的链接 / No link of type '" + shown + "' for this lot: its "
                + "link types are gs1:" + String.join(", gs1:", LotLinks.TYPES) + " (?linkType=linkset lists them)");
    }

    /**
     * The request's query without {@code linkType}, to pass on with a redirect ("" or "?…", as sent): a resolver
     * passes on every other key=value pair by default ({@code ?lang=en} reaches the buyer's page).
     */
    static String passOn(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&", "?", "").setEmptyValue("");
        for (String pair : rawQuery.split("&")) {
            String key = pair.split("=", 2)[0];
            if (!pair.isEmpty() && !PARAM.equals(decode(key))) {
                kept.add(pair);
            }
        }
        return kept.toString();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }
}
