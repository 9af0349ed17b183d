package io.coldtrace.api.certifications;

import io.coldtrace.api.http.Check;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.sites.Site;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A certificate as written by a caller (columns of table certification), held by exactly one party or one product
 * of the same organisation, valid from {@code validFrom} to {@code validTo} inclusive. Certifications are never
 * changed in place (migration V9_1): a change is a new certification of the same holder naming the one it
 * {@code supersedes} (null for a first one).
 */
public record Certification(String id, String orgId, String partyId, String productId, String kind, String number,
                            String issuer, LocalDate validFrom, LocalDate validTo, String supersedes) {
    /** What a superseding certification states anew; its holder and organisation are the superseded one's. */
    static final Set<String> SUCCESSOR_FIELDS = Set.of("id", "kind", "number", "issuer", "valid_from", "valid_to");
    static final Set<String> CREATE_FIELDS = Set.of("id", "org_id", "party_id", "product_id", "kind", "number",
            "issuer", "valid_from", "valid_to");
    /** 绿色食品, 有机, 地理标志, 消费帮扶产品, 区域公用品牌, 承诺达标合格证. */
    static final List<String> KINDS = List.of("green_food", "organic", "geographical_indication",
            "assistance_product", "regional_brand", "compliance_certificate");

    public Certification {
        Check.matches("id", id, Site.ID, Site.ID_RULE);
        Check.optText("org_id", orgId, 64);
        Check.optText("party_id", partyId, 64);
        Check.optText("product_id", productId, 64);
        if ((partyId == null) == (productId == null)) {
            throw ClientError.invalid("party_id", "a certification is of exactly one party_id or one product_id");
        }
        Check.optText("supersedes", supersedes, 64);
        Check.oneOf("kind", kind, KINDS);
        Check.text("number", number, 100);
        Check.text("issuer", issuer, 200);
        if (validFrom == null) {
            throw ClientError.invalid("valid_from", "valid_from is required");
        }
        if (validTo == null) {
            throw ClientError.invalid("valid_to", "valid_to is required");
        }
        if (validTo.isBefore(validFrom)) {
            throw ClientError.invalid("valid_to", "valid_to (" + validTo + ") is before valid_from (" + validFrom
                    + ")");
        }
    }

    /** A new certification, of the holder the body names. */
    static Certification from(JsonBody b) {
        return new Certification(b.text("id", 64), b.optText("org_id", 64), b.optText("party_id", 64),
                b.optText("product_id", 64), b.text("kind", 64), b.text("number", 100), b.text("issuer", 200),
                date(b, "valid_from"), date(b, "valid_to"), null);
    }

    /** The certification a body ({@link #SUCCESSOR_FIELDS}) states in place of {@code old}, of its holder. */
    static Certification superseding(JsonBody b, CertificationRow old) {
        return new Certification(b.text("id", 64), old.orgId(), old.partyId(), old.productId(), b.text("kind", 64),
                b.text("number", 100), b.text("issuer", 200), date(b, "valid_from"), date(b, "valid_to"), old.id());
    }

    Certification ownedBy(String org) {
        return new Certification(id, org, partyId, productId, kind, number, issuer, validFrom, validTo, supersedes);
    }

    private static LocalDate date(JsonBody b, String field) {
        return b.date(field);
    }
}
