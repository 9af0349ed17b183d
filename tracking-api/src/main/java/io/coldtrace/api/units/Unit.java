package io.coldtrace.api.units;

import io.coldtrace.api.http.Check;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.sites.Site;
import java.util.List;
import java.util.Set;

/**
 * A unit as written by a caller (columns of table unit): a cold room, truck compartment or container of a site, with
 * an optional GLN of its own (EPCIS names the unit by it, and a partner's document finds the unit by it).
 */
public record Unit(String id, String siteId, String kind, String name, String tempClass, String profileId,
                   String gln) {
    static final Set<String> CREATE_FIELDS = Set.of("id", "site_id", "kind", "name", "temp_class", "profile_id",
            "gln");
    static final Set<String> UPDATE_FIELDS = Set.of("site_id", "kind", "name", "temp_class", "profile_id", "gln");
    static final List<String> KINDS = List.of("cold_room", "truck_compartment", "container");
    static final List<String> TEMP_CLASSES = List.of("frozen", "chilled", "cool", "ambient");

    public Unit {
        Check.matches("id", id, Site.ID, Site.ID_RULE);
        Check.text("site_id", siteId, 64);
        Check.oneOf("kind", kind, KINDS);
        Check.text("name", name, 200);
        Check.oneOf("temp_class", tempClass, TEMP_CLASSES);
        Check.optText("profile_id", profileId, 64);
        Check.optGln("gln", gln);
    }

    /** A unit from a create (id in the body) or update (id from the path; absent optional fields = defaults). */
    static Unit from(JsonBody b, String pathId) {
        return new Unit(pathId != null ? pathId : b.text("id", 64), b.text("site_id", 64), b.text("kind", 32),
                b.text("name", 200), b.optText("temp_class", 16, "chilled"), b.optText("profile_id", 64),
                b.optText("gln", 13));
    }
}
