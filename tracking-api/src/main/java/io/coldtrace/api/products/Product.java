package io.coldtrace.api.products;

import io.coldtrace.api.http.Check;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.sites.Site;
import io.coldtrace.core.ids.Gs1;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A product as written by a caller (columns of table product). The GTIN, when given, is checked by its check digit
 * and kept as 14 digits (an 8-, 12- or 13-digit one left-padded with zeros). The shelf-life model: {@code
 * shelfLifeDays} at {@code shelfLifeRefC}, and exactly one of {@code q10} or {@code arrheniusEaKjPerMol}.
 * {@code orgId} is null on update: a product never changes its organisation.
 */
public record Product(String id, String orgId, String nameZh, String nameEn, String commodity, String variety,
                      String gtin, String unitOfMeasure, String tempClass, double shelfLifeRefC,
                      double shelfLifeDays, Double q10, Double arrheniusEaKjPerMol) {
    static final Set<String> UPDATE_FIELDS = Set.of("name_zh", "name_en", "commodity", "variety", "gtin",
            "unit_of_measure", "temp_class", "shelf_life_ref_c", "shelf_life_days", "q10",
            "arrhenius_ea_kj_per_mol");
    static final Set<String> CREATE_FIELDS;
    static final List<String> UNITS_OF_MEASURE = List.of("kg", "box", "crate", "piece", "bag", "carton");
    /** As a unit's temp_class (migration V1). */
    static final List<String> TEMP_CLASSES = List.of("frozen", "chilled", "cool", "ambient");

    static {
        Set<String> create = new HashSet<>(UPDATE_FIELDS);
        create.add("id");
        create.add("org_id");
        CREATE_FIELDS = Set.copyOf(create);
    }

    public Product {
        Check.matches("id", id, Site.ID, Site.ID_RULE);
        Check.optText("org_id", orgId, 64);
        Check.text("name_zh", nameZh, 200);
        Check.text("name_en", nameEn, 200);
        Check.text("commodity", commodity, 100);
        Check.optText("variety", variety, 100);
        if (gtin != null) {
            try {
                gtin = Gs1.gtin14(gtin);
            } catch (IllegalArgumentException e) {
                throw ClientError.invalid("gtin", e.getMessage());
            }
        }
        Check.oneOf("unit_of_measure", unitOfMeasure, UNITS_OF_MEASURE);
        Check.oneOf("temp_class", tempClass, TEMP_CLASSES);
        Check.range("shelf_life_ref_c", shelfLifeRefC, -60.0, 60.0);
        if (!(shelfLifeDays > 0 && shelfLifeDays <= 3650)) {
            throw ClientError.invalid("shelf_life_days", "shelf_life_days must be more than 0 and at most 3650, was "
                    + shelfLifeDays);
        }
        if ((q10 == null) == (arrheniusEaKjPerMol == null)) {
            throw ClientError.invalid("q10", "the shelf-life model needs exactly one of q10 and "
                    + "arrhenius_ea_kj_per_mol");
        }
        if (q10 != null && !(q10 > 1 && q10 <= 10)) {
            throw ClientError.invalid("q10", "q10 must be more than 1 and at most 10, was " + q10);
        }
        if (arrheniusEaKjPerMol != null && !(arrheniusEaKjPerMol > 0 && arrheniusEaKjPerMol <= 500)) {
            throw ClientError.invalid("arrhenius_ea_kj_per_mol", "arrhenius_ea_kj_per_mol must be more than 0 and "
                    + "at most 500 kJ/mol, was " + arrheniusEaKjPerMol);
        }
    }

    /** A product from a create (id and org_id in the body) or update (id from the path, organisation unchanged). */
    static Product from(JsonBody b, String pathId) {
        return new Product(pathId != null ? pathId : b.text("id", 64), b.optText("org_id", 64),
                b.text("name_zh", 200), b.text("name_en", 200), b.text("commodity", 100), b.optText("variety", 100),
                b.optText("gtin", 14), b.text("unit_of_measure", 32), b.text("temp_class", 32),
                required(b, "shelf_life_ref_c"), required(b, "shelf_life_days"), b.optNumber("q10"),
                b.optNumber("arrhenius_ea_kj_per_mol"));
    }

    Product ownedBy(String org) {
        return new Product(id, org, nameZh, nameEn, commodity, variety, gtin, unitOfMeasure, tempClass,
                shelfLifeRefC, shelfLifeDays, q10, arrheniusEaKjPerMol);
    }

    private static double required(JsonBody b, String field) {
        Double v = b.optNumber(field);
        if (v == null) {
            throw ClientError.invalid(field, field + " is required");
        }
        return v;
    }
}
