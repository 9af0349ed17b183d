package io.coldtrace.api.labels;

import io.coldtrace.core.ids.TraceCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The links a GS1-conformant resolver offers for one lot, by GS1 link type (GS1 Web Vocabulary, {@code
 * https://gs1.org/voc/}), every one built from the lot's trace code, which is printed on its label: no internal id.
 *
 * <ul>
 *   <li>{@code gs1:pip}, also the {@code gs1:defaultLink}: the buyer's page {@code {base}/t/{code}} (zh and en, by
 *       Accept-Language or {@code ?lang=}).</li>
 *   <li>{@code gs1:traceability}: the lot's EPCIS 2.0 events, {@code {base}/api/v1/lots/by-code/{code}/epcis}; the
 *       resolver only points there, the route asks for a QA token (401 otherwise).</li>
 *   <li>{@code gs1:recallStatus}: whether the lot is under recall, public: {@code {base}/t/{code}/recall.json} for
 *       programs and the buyer's page's notice {@code {base}/t/{code}#recall} for people (the link the request's
 *       Accept header ranks higher; JSON when it ranks neither).</li>
 * </ul>
 */
final class LotLinks {
    /** The GS1 Web Vocabulary namespace the linkset's relation types are written in. */
    static final String VOC = "https://gs1.org/voc/";
    static final String PIP = "pip";
    static final String TRACEABILITY = "traceability";
    static final String RECALL_STATUS = "recallStatus";
    static final String DEFAULT_LINK = "defaultLink";
    /** The link types every lot has, in the order the linkset lists them. */
    static final List<String> TYPES = List.of(PIP, TRACEABILITY, RECALL_STATUS, DEFAULT_LINK);
    static final String LINKSET_MEDIA = "application/linkset+json";
    /** GS1's JSON-LD context that turns a resolver's linkset into JSON-LD (GS1-Conformant resolver 1.x). */
    static final String LINKSET_CONTEXT = "<https://ref.gs1.org/standards/resolver/linkset-context>; "
            + "rel=\"http://www.w3.org/ns/json-ld#context\"; type=\"application/ld+json\"";

    /** One link: where, its title (zh / en), its media type and languages (null: not stated). */
    record Link(String href, String title, String type, List<String> hreflang) {
        JsonObject toJson() {
            JsonObject o = new JsonObject().put("href", href).put("title", title);
            if (type != null) {
                o.put("type", type);
            }
            if (hreflang != null) {
                o.put("hreflang", new JsonArray(hreflang));
            }
            return o;
        }

        /** The href with {@code query} ("" or "?a=b") passed on, before any fragment. */
        String withQuery(String query) {
            int hash = href.indexOf('#');
            return hash < 0 ? href + query : href.substring(0, hash) + query + href.substring(hash);
        }
    }

    private final String anchor;
    private final Map<String, List<Link>> byType = new LinkedHashMap<>();

    private LotLinks(String anchor) {
        this.anchor = anchor;
    }

    /** The links of the lot whose Digital Link is {@code anchor} and whose trace code is {@code code}. */
    static LotLinks of(String base, String anchor, TraceCode code) {
        String page = PublicLinks.page(base, code);
        List<String> both = List.of("zh", "en");
        String pageTitle = "产品追溯 / Product trace";
        LotLinks l = new LotLinks(anchor);
        l.byType.put(PIP, List.of(new Link(page, pageTitle, "text/html", both)));
        l.byType.put(TRACEABILITY, List.of(new Link(base + "/api/v1/lots/by-code/" + code.grouped() + "/epcis",
                "EPCIS 2.0 事件（须质量管理登录）/ EPCIS 2.0 events (QA sign-in)", "application/ld+json", null)));
        l.byType.put(RECALL_STATUS, List.of(
                new Link(page + "/recall.json", "召回状态 / Recall status", "application/json", null),
                new Link(page + "#recall", "召回通知 / Recall notice", "text/html", both)));
        // the default link carries no optional attribute (GS1-Conformant resolver 1.x)
        l.byType.put(DEFAULT_LINK, List.of(new Link(page, pageTitle, null, null)));
        return l;
    }

    /** The links of link type {@code type} (a name in the GS1 vocabulary), or null when the lot has none. */
    List<Link> of(String type) {
        return byType.get(type);
    }

    /** The one link of {@code type} to redirect to: of several, the media type {@code accept} ranks highest. */
    Link choose(String type, String accept) {
        List<Link> links = byType.get(type);
        Link best = links.get(0);
        double bestWeight = Accepts.weight(accept, best.type());
        for (Link l : links.subList(1, links.size())) {
            double w = Accepts.weight(accept, l.type());
            if (w > bestWeight) {
                best = l;
                bestWeight = w;
            }
        }
        return best;
    }

    /** RFC 9264 JSON: one link context object, the lot's Digital Link, with every link type in full URI form. */
    JsonObject linkset() {
        JsonObject context = new JsonObject().put("anchor", anchor);
        byType.forEach((type, links) -> {
            JsonArray targets = new JsonArray();
            links.forEach(l -> targets.add(l.toJson()));
            context.put(VOC + type, targets);
        });
        return new JsonObject().put("linkset", new JsonArray().add(context));
    }

    /** The {@code Link} header value pointing at the linkset, sent with every redirect. */
    String linksetHeader() {
        return "<" + anchor + "?linkType=linkset>; rel=\"linkset\"; type=\"" + LINKSET_MEDIA
                + "\"; title=\"Links for this lot\"";
    }
}
