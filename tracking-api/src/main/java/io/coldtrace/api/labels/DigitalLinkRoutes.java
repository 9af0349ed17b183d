package io.coldtrace.api.labels;

import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.core.ids.DigitalLink;
import io.coldtrace.core.ids.Gs1;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.List;

/**
 * GS1 Digital Link resolution (domain.md §2) as a GS1-conformant resolver does it for a lot (GS1-Conformant resolver
 * standard 1.x; links in {@link LotLinks}, the request in {@link LinkRequest}): {@code GET /01/{gtin14}/10/{lot}}
 * answers 307 to the link of the type {@code ?linkType=} asks for (the default link, the buyer's page, without one),
 * passing on the rest of the query, with a {@code Link} header pointing at the linkset; {@code ?linkType=linkset}
 * (or {@code all}, or {@code Accept: application/linkset+json}) answers 200 with the RFC 9264 linkset. A link that is
 * not a Digital Link (a GTIN that is not 14 digits with a valid check digit, qualifiers out of order, the lot in the
 * query string) is a 400 saying why, as the standard asks; a product link without a lot, no such lot, or a link type
 * the lot has no link of is a 404 saying why. {@code GET /.well-known/gs1resolver} describes the resolver.
 *
 * <p>Which lot, when several organisations have one of that GTIN and code: a lot code belongs to whoever packed the
 * goods under the GTIN (GS1: the brand owner or its packer assigns batch numbers); an organisation that received the
 * goods from outside records the supplier's code as it came (a receive's outputs). So a lot born by a pack or
 * transform wins over one born by a receive, and a lot whose birth was voided by a correction counts only when no
 * other does. Two lots still tied (two organisations both say they packed that lot of that GTIN) are not guessed
 * between: 404, "scan the trace code on the label".
 */
final class DigitalLinkRoutes {
    static final Access PUBLIC_LINK = Access.publicAccess("GS1 Digital Link resolution: redirects to the public page "
            + "of a lot (or one of its other public links, or its linkset), as the QR code printed on it does");
    static final Access DESCRIPTION = Access.publicAccess("the GS1 resolver description file: what this resolver "
            + "resolves, no data");

    private final BlockingDb db;
    private final PublicLinks links;

    DigitalLinkRoutes(BlockingDb db, PublicLinks links) {
        this.db = db;
        this.links = links;
    }

    void register(RouteTable routes) {
        routes.get("/01/:gtin/10/:lot", PUBLIC_LINK, this::resolve).example("/01/{gtin}/10/{lot-code}", null);
        // a product link, or one with the lot in its query string: answered with what is wrong with it
        routes.get("/01/:gtin", PUBLIC_LINK, this::resolve).example("/01/{gtin}", null);
        routes.get("/.well-known/gs1resolver", DESCRIPTION, this::describe);
    }

    private Future<Void> resolve(RoutingContext ctx) {
        DigitalLink.Parsed link = parse(ctx.request().uri());
        LinkRequest asked = LinkRequest.of(ctx);
        return db.query(c -> LabelQueries.gtinLots(c, link.gtin14(), link.lot())).compose(lots -> {
            LotCodes.TracedLot lot = choose(lots);
            String base = links.base(ctx);
            LotLinks all = LotLinks.of(base, DigitalLink.of(base, link.gtin14(), link.lot()), lot.traceCode());
            HttpServerResponse r = ctx.response().putHeader("cache-control", "no-store")
                    .putHeader("vary", "accept").putHeader("access-control-allow-origin", "*")
                    .putHeader("access-control-expose-headers", "link");
            if (asked.linkset()) {
                return r.setStatusCode(200).putHeader("content-type", LotLinks.LINKSET_MEDIA)
                        .putHeader("link", LotLinks.LINKSET_CONTEXT).end(all.linkset().encode());
            }
            String target = all.choose(asked.type(), ctx.request().getHeader("accept"))
                    .withQuery(LinkRequest.passOn(ctx.request().query()));
            return r.setStatusCode(307).putHeader("location", target).putHeader("link", all.linksetHeader()).end();
        });
    }

    /** The resolver description file GS1 resolvers publish at {@code /.well-known/gs1resolver}. */
    private Future<Void> describe(RoutingContext ctx) {
        JsonObject d = new JsonObject().put("name", "ColdTrace").put("resolverRoot", links.base(ctx))
                .put("supportedPrimaryKeys", new JsonArray().add("01"))
                .put("supportedLinkType", new JsonArray().add(new JsonObject().put("namespace", LotLinks.VOC)
                        .put("prefix", "gs1:")))
                .put("linkTypes", new JsonArray(LotLinks.TYPES.stream().map(t -> "gs1:" + t).toList()));
        return ctx.response().putHeader("content-type", "application/json")
                .putHeader("access-control-allow-origin", "*").end(d.encode());
    }

    /** The link as GS1 defines it (else a 400 saying what is wrong), with a lot (else a 404). */
    static DigitalLink.Parsed parse(String uri) {
        DigitalLink.Parsed link;
        try {
            // a trailing slash is tolerated, as the resolver standard asks
            link = DigitalLink.parse(withoutTrailingSlash(uri));
        } catch (IllegalArgumentException e) {
            throw ClientError.badParameter("link", "不是有效的 GS1 数字链接 / Not a GS1 Digital Link: "
                    + e.getMessage() + shortGtinHint(uri));
        }
        if (link.lot() == null) {
            throw notFound("a product link (/01/{gtin14}) names no lot: the page of a lot is at "
                    + "/01/{gtin14}/10/{lot}");
        }
        return link;
    }

    /** One lot per the rule above, or a 404. */
    static LotCodes.TracedLot choose(List<LabelQueries.GtinLot> lots) {
        Comparator<LabelQueries.GtinLot> rank = Comparator.comparing(LabelQueries.GtinLot::voided)
                .thenComparing(LabelQueries.GtinLot::received);
        List<LabelQueries.GtinLot> best = lots.stream()
                .filter(l -> lots.stream().noneMatch(o -> rank.compare(o, l) < 0)).toList();
        if (best.isEmpty()) {
            throw notFound("no lot of this product has this lot code");
        }
        if (best.size() > 1) {
            throw notFound("this product and lot code name lots of more than one organisation; scan the trace "
                    + "code on the label");
        }
        return best.get(0).lot();
    }

    /** {@code uri} without one slash ending its path. */
    static String withoutTrailingSlash(String uri) {
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        return path.length() > 1 && path.endsWith("/")
                ? path.substring(0, path.length() - 1) + (query < 0 ? "" : uri.substring(query)) : uri;
    }

    /** For a valid GTIN-8/12/13 where the link needs 14 digits: the padded form to use. */
    private static String shortGtinHint(String uri) {
        String[] parts = uri.split("[/?#]");
        if (parts.length > 2 && parts[1].equals("01") && parts[2].matches("\\d{8}|\\d{12}|\\d{13}")
                && Gs1.valid(parts[2])) {
            return " (as 14 digits: " + Gs1.gtin14(parts[2]) + ")";
        }
        return "";
    }

    private static ClientError notFound(String why) {
        return ClientError.notFound("未找到该批次 / No lot for this link: " + why);
    }
}
