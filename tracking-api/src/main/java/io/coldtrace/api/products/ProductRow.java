package io.coldtrace.api.products;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A stored product, as the API shows it (the GTIN always as 14 digits). */
public record ProductRow(String id, String orgId, String nameZh, String nameEn, String commodity, String variety,
                         String gtin, String unitOfMeasure, String tempClass, double shelfLifeRefC,
                         double shelfLifeDays, Double q10, Double arrheniusEaKjPerMol, Instant createdAt) {
    /** The columns {@link #MAPPER} reads, for a query over {@code product p}. */
    static final String COLUMNS = """
            p.id, p.org_id, p.name_zh, p.name_en, p.commodity, p.variety, p.gtin, p.unit_of_measure, \
            p.temp_class, p.shelf_life_ref_c, p.shelf_life_days, p.q10, p.arrhenius_ea_kj_per_mol, p.created_at""";

    static final RowMapper<ProductRow> MAPPER = rs -> new ProductRow(rs.getString("id"), rs.getString("org_id"),
            rs.getString("name_zh"), rs.getString("name_en"), rs.getString("commodity"), rs.getString("variety"),
            rs.getString("gtin"), rs.getString("unit_of_measure"), rs.getString("temp_class"),
            rs.getDouble("shelf_life_ref_c"), rs.getDouble("shelf_life_days"), Rows.dbl(rs, "q10"),
            Rows.dbl(rs, "arrhenius_ea_kj_per_mol"), Rows.instant(rs, "created_at"));

    /** The JSON of the API. */
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("org_id", orgId).put("name_zh", nameZh).put("name_en", nameEn)
                .put("commodity", commodity).put("variety", variety).put("gtin", gtin)
                .put("unit_of_measure", unitOfMeasure).put("temp_class", tempClass)
                .put("shelf_life_ref_c", shelfLifeRefC).put("shelf_life_days", shelfLifeDays).put("q10", q10)
                .put("arrhenius_ea_kj_per_mol", arrheniusEaKjPerMol).put("created_at", Rows.iso(createdAt));
    }
}
