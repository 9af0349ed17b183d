package io.coldtrace.api.parties;

import io.coldtrace.api.http.Check;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.sites.Site;
import io.coldtrace.core.ids.DivisionCode;
import io.coldtrace.core.ids.DivisionNames;
import io.coldtrace.core.ids.Uscc;
import java.util.List;
import java.util.Set;

/**
 * A party of the chain as written by a caller (columns of table party): a farm, cooperative, packer, cold store
 * operator, carrier or buyer (buyers name their type), with its region (GB/T 2260 division code and names) and its
 * optional unified social credit code and GLN, both checked by their check character. The region's names must fit
 * the division code as far as the bundled GB/T 2260 table knows it ({@link DivisionNames}). {@code orgId} is null on
 * update: a party never changes its organisation.
 */
public record Party(String id, String orgId, String kind, String buyerType, String nameZh, String nameEn,
                    String divisionCode, String province, String city, String county,
                    boolean povertyAlleviatedCounty, boolean pairedAssistanceCounty, String uscc, String gln) {
    static final Set<String> UPDATE_FIELDS = Set.of("kind", "buyer_type", "name_zh", "name_en", "division_code",
            "province", "city", "county", "poverty_alleviated_county", "paired_assistance_county", "uscc", "gln");
    static final Set<String> CREATE_FIELDS = union(UPDATE_FIELDS, "id", "org_id");
    public static final List<String> KINDS = List.of("farm", "cooperative", "packer", "cold_store_operator",
            "carrier", "buyer");
    static final List<String> BUYER_TYPES = List.of("supermarket", "canteen", "wholesale_market", "e_commerce");
    /** Kinds of party that hold farm plots. */
    public static final List<String> GROWERS = List.of("farm", "cooperative");

    public Party {
        Check.matches("id", id, Site.ID, Site.ID_RULE);
        Check.optText("org_id", orgId, 64);
        Check.oneOf("kind", kind, KINDS);
        if (kind.equals("buyer")) {
            Check.oneOf("buyer_type", buyerType, BUYER_TYPES);
        } else if (buyerType != null) {
            throw ClientError.invalid("buyer_type", "buyer_type is for buyers only; this party is a " + kind);
        }
        Check.text("name_zh", nameZh, 200);
        Check.optText("name_en", nameEn, 200);
        DivisionCode code;
        try {
            code = new DivisionCode(divisionCode);
        } catch (IllegalArgumentException e) {
            throw ClientError.invalid("division_code", e.getMessage());
        }
        Check.text("province", province, 100);
        Check.optText("city", city, 100);
        Check.optText("county", county, 100);
        try {
            DivisionNames.bundled().check(code, province, city, county);
        } catch (DivisionNames.Mismatch e) {
            throw ClientError.invalid(e.field(), e.getMessage());
        }
        if (uscc != null && !Uscc.valid(uscc)) {
            throw ClientError.invalid("uscc", "uscc must be an 18-character unified social credit code "
                    + "(GB 32100-2015) ending in its check character; was '" + uscc + "'");
        }
        Check.optGln("gln", gln);
    }

    /** A party from a create (id and org_id in the body) or update (id from the path, organisation unchanged). */
    static Party from(JsonBody b, String pathId) {
        return new Party(pathId != null ? pathId : b.text("id", 64), b.optText("org_id", 64), b.text("kind", 64),
                b.optText("buyer_type", 64), b.text("name_zh", 200), b.optText("name_en", 200),
                b.text("division_code", 16), b.text("province", 100), b.optText("city", 100),
                b.optText("county", 100), b.optBool("poverty_alleviated_county", false),
                b.optBool("paired_assistance_county", false), b.optText("uscc", 18), b.optText("gln", 13));
    }

    Party ownedBy(String org) {
        return new Party(id, org, kind, buyerType, nameZh, nameEn, divisionCode, province, city, county,
                povertyAlleviatedCounty, pairedAssistanceCounty, uscc, gln);
    }

    private static Set<String> union(Set<String> a, String... more) {
        java.util.Set<String> out = new java.util.HashSet<>(a);
        out.addAll(List.of(more));
        return Set.copyOf(out);
    }
}
