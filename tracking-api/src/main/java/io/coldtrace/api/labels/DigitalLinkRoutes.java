package io.coldtrace.api.labels;

import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.core.ids.DigitalLink;
import io.coldtrace.core.ids.Gs1;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.List;

/**
 * GS1 Digital Link resolution (domain.md §2): {@code GET /01/{gtin14}/10/{lot}} answers 307 to the public page of the
 * lot of that code whose product has that GTIN, the page its QR code shows. Everything that is not such a link
 * (a GTIN that is not 14 digits with a valid check digit, qualifiers out of order, the lot in the query string, a
 * product link without a lot, no such lot) is a 404 saying why: a scanner opened it, there is nothing to fix in the
 * request, and the page of a lot is the only thing here.
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
            + "of a lot, as the QR code printed on it does");

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
    }

    private Future<Void> resolve(RoutingContext ctx) {
        DigitalLink.Parsed link = parse(ctx.request().uri());
        return db.query(c -> LabelQueries.gtinLots(c, link.gtin14(), link.lot())).compose(lots -> {
            LotCodes.TracedLot lot = choose(lots);
            return ctx.response().setStatusCode(307).putHeader("location", links.page(ctx, lot.traceCode()))
                    .putHeader("cache-control", "no-store").end();
        });
    }

    /** The link as GS1 defines it, with a lot; otherwise a 404 saying what is wrong. */
    static DigitalLink.Parsed parse(String uri) {
        DigitalLink.Parsed link;
        try {
            link = DigitalLink.parse(uri);
        } catch (IllegalArgumentException e) {
            throw notFound(e.getMessage() + shortGtinHint(uri));
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
