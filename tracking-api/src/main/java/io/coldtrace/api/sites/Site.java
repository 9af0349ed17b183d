package io.coldtrace.api.sites;

import io.coldtrace.api.http.Check;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.core.ids.DivisionCode;
import io.coldtrace.core.ids.DivisionNames;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A site as written by a caller (columns of table site). {@code orgId} is null on update: a site never changes its
 * organisation. {@code gln} is its GS1 location number, optional: EPCIS names the site by it (an SGLN) and a
 * partner's EPCIS document finds the site by it.
 */
public record Site(String id, String orgId, String name, String kind, String timezone, Double lat, Double lon,
                   String address, String divisionCode, String gln) {
    static final Set<String> CREATE_FIELDS = Set.of("id", "org_id", "name", "kind", "timezone", "lat", "lon",
            "address", "division_code", "gln");
    static final Set<String> UPDATE_FIELDS = Set.of("name", "kind", "timezone", "lat", "lon", "address",
            "division_code", "gln");
    static final List<String> KINDS = List.of("origin_cold_store", "consolidation_centre", "forward_warehouse",
            "buyer", "other");
    /** Ids of sites, units and profiles: letters, digits, {@code _ . -}; 1..64 characters. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    public static final String ID_RULE = "1..64 of A-Z, a-z, 0-9, _ . -, starting with a letter or digit";

    public Site {
        Check.matches("id", id, ID, ID_RULE);
        Check.optText("org_id", orgId, 64);
        Check.text("name", name, 200);
        Check.oneOf("kind", kind, KINDS);
        Check.text("timezone", timezone, 64);
        try {
            ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw ClientError.invalid("timezone", "timezone must be an IANA zone such as Asia/Shanghai; was '"
                    + timezone + "'");
        }
        Check.range("lat", lat, -90.0, 90.0);
        Check.range("lon", lon, -180.0, 180.0);
        Check.optText("address", address, 500);
        if (divisionCode != null) {
            DivisionCode code;
            try {
                code = new DivisionCode(divisionCode);
            } catch (IllegalArgumentException e) {
                throw ClientError.invalid("division_code", e.getMessage());
            }
            if (DivisionNames.bundled().name(code.province()).isEmpty()) {
                throw ClientError.invalid("division_code", "division code " + divisionCode + " names no province of "
                        + "GB/T 2260");
            }
        }
        Check.optGln("gln", gln);
    }

    /** A site from a create (id and org_id in the body) or update (id from the path, organisation unchanged). */
    static Site from(JsonBody b, String pathId) {
        return new Site(pathId != null ? pathId : b.text("id", 64), b.optText("org_id", 64), b.text("name", 200),
                b.optText("kind", 64, "other"), b.optText("timezone", 64, "Asia/Shanghai"), b.optNumber("lat"),
                b.optNumber("lon"), b.optText("address", 500), b.optText("division_code", 6), b.optText("gln", 13));
    }
}
