package io.coldtrace.api.plots;

import io.coldtrace.api.http.Check;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.sites.Site;
import java.util.Set;

/**
 * A farm plot as written by a caller (columns of table farm_plot): the farm or cooperative holding it (a party of the
 * same organisation), its name, position (WGS 84) and area in hectares (1 hectare = 15 mu), and an optional GLN.
 * {@code orgId} is null on update: a plot never changes its organisation.
 */
public record Plot(String id, String orgId, String partyId, String name, double lat, double lon, double areaHa,
                   String gln) {
    static final Set<String> UPDATE_FIELDS = Set.of("party_id", "name", "lat", "lon", "area_ha", "gln");
    static final Set<String> CREATE_FIELDS = Set.of("id", "org_id", "party_id", "name", "lat", "lon", "area_ha",
            "gln");

    public Plot {
        Check.matches("id", id, Site.ID, Site.ID_RULE);
        Check.optText("org_id", orgId, 64);
        Check.text("party_id", partyId, 64);
        Check.text("name", name, 200);
        Check.range("lat", lat, -90.0, 90.0);
        Check.range("lon", lon, -180.0, 180.0);
        if (!(areaHa > 0 && areaHa <= 1_000_000)) {
            throw ClientError.invalid("area_ha", "area_ha must be more than 0 and at most 1000000 hectares, was "
                    + areaHa);
        }
        Check.optGln("gln", gln);
    }

    /** A plot from a create (id and org_id in the body) or update (id from the path, organisation unchanged). */
    static Plot from(JsonBody b, String pathId) {
        return new Plot(pathId != null ? pathId : b.text("id", 64), b.optText("org_id", 64), b.text("party_id", 64), b.text("name", 200),
                required(b, "lat"), required(b, "lon"), required(b, "area_ha"), b.optText("gln", 13));
    }

    Plot ownedBy(String org) {
        return new Plot(id, org, partyId, name, lat, lon, areaHa, gln);
    }

    private static double required(JsonBody b, String field) {
        Double v = b.optNumber(field);
        if (v == null) {
            throw ClientError.invalid(field, field + " is required");
        }
        return v;
    }
}
