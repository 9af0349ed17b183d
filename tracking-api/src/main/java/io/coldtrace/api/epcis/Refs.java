package io.coldtrace.api.epcis;

import io.coldtrace.core.ids.DigitalLink;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The identifiers an exported event names. Lots of a product with a GTIN are GS1 Digital Link class-level URIs on
 * id.gs1.org; parties with a GLN are PGLN links, plots, sites and units with one SGLN links; everything else has the
 * project's own URI under the public base URL: {@code {base}/id/{org}/{lot|site|unit|plot|party|doc}/…}. {@code
 * gtins} maps the lot codes of the events at hand to their product's GTIN, the {@code …Glns} the ids of parties,
 * plots, sites and units to their GLN (only those that have one).
 */
record Refs(String base, String orgId, JsonObject gtins, JsonObject partyGlns, JsonObject plotGlns,
            JsonObject siteGlns, JsonObject unitGlns) {
    /** Identifiers without any GTIN or GLN: every place and lot by its own URI. */
    static Refs without(String base, String orgId) {
        return new Refs(base, orgId, new JsonObject(), new JsonObject(), new JsonObject(), new JsonObject(),
                new JsonObject());
    }

    String lot(String code) {
        String gtin = gtins.getString(code);
        return gtin != null ? DigitalLink.of(EpcUris.GS1, gtin, code) : own("lot", code);
    }

    String site(String id) {
        return location(siteGlns, "site", id);
    }

    String unit(String id) {
        return location(unitGlns, "unit", id);
    }

    String plot(String id) {
        return location(plotGlns, "plot", id);
    }

    /** A place's SGLN when it has a GLN, else its own URI. */
    private String location(JsonObject glns, String kind, String id) {
        String gln = glns.getString(id);
        return gln != null ? EpcUris.GS1 + "/414/" + gln : own(kind, id);
    }

    String party(String id) {
        String gln = partyGlns.getString(id);
        return gln != null ? EpcUris.GS1 + "/417/" + gln : own("party", id);
    }

    /** The organisation itself (the owning party of what it ships). */
    String organisation() {
        return base + "/id/" + enc(orgId);
    }

    String document(String type, String id) {
        return organisation() + "/doc/" + enc(type) + "/" + enc(id);
    }

    /** The readings of a unit over a leg: the history CSV route (authenticated) at raw resolution. */
    String readings(String unit, Instant from, Instant to) {
        return base + "/api/v1/units/" + enc(unit) + "/history?from=" + from + "&to=" + to
                + "&format=csv&resolution=raw";
    }

    private String own(String kind, String id) {
        return organisation() + "/" + kind + "/" + enc(id);
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
