package io.coldtrace.api.products;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL of the product table; every read and update is limited by the caller's {@link Visibility}. */
public final class ProductQueries {
    private static final String VISIBLE = Visibility.owned("p.org_id");
    private static final Sql INSERT = Sql.of("""
            INSERT INTO product AS p (id, org_id, name_zh, name_en, commodity, variety, gtin, unit_of_measure,
                                      temp_class, shelf_life_ref_c, shelf_life_days, q10, arrhenius_ea_kj_per_mol)
            VALUES (:id, :org, :name_zh, :name_en, :commodity, :variety, :gtin, :uom, :temp_class, :ref_c, :days,
                    :q10, :ea)
            RETURNING %s""".formatted(ProductRow.COLUMNS));
    private static final Sql LIST = Sql.of("""
            SELECT %s FROM product p
            WHERE %s AND (CAST(:commodity AS text) IS NULL OR p.commodity = CAST(:commodity AS text))
              AND (CAST(:temp_class AS text) IS NULL OR p.temp_class = CAST(:temp_class AS text))
              AND (CAST(:gtin AS text) IS NULL OR p.gtin = CAST(:gtin AS text))
              AND (CAST(:q AS text) IS NULL OR strpos(lower(p.name_zh), lower(CAST(:q AS text))) > 0
                   OR strpos(lower(p.name_en), lower(CAST(:q AS text))) > 0)
            ORDER BY p.id LIMIT :limit""".formatted(ProductRow.COLUMNS, VISIBLE));
    private static final Sql GET = Sql.of("SELECT %s FROM product p WHERE %s AND p.id = :id"
            .formatted(ProductRow.COLUMNS, VISIBLE));
    private static final Sql UPDATE = Sql.of("""
            UPDATE product p SET name_zh = :name_zh, name_en = :name_en, commodity = :commodity, variety = :variety,
                   gtin = :gtin, unit_of_measure = :uom, temp_class = :temp_class, shelf_life_ref_c = :ref_c,
                   shelf_life_days = :days, q10 = :q10, arrhenius_ea_kj_per_mol = :ea
            WHERE %s AND p.id = :id RETURNING %s""".formatted(VISIBLE, ProductRow.COLUMNS));

    private ProductQueries() {
    }

    /** Stores {@code product} (its organisation already checked); a duplicate id fails with a unique violation. */
    public static ProductRow insert(Connection c, Product product) throws SQLException {
        return fields(INSERT.bind("id", product.id()).bind("org", product.orgId()), product)
                .first(c, ProductRow.MAPPER).orElseThrow();
    }

    /** The products the caller sees that pass {@code f}, by id. */
    public static List<ProductRow> list(Connection c, Visibility vis, ProductFilter f, int limit)
            throws SQLException {
        return LIST.bind(vis).bind("commodity", f.commodity()).bind("temp_class", f.tempClass())
                .bind("gtin", f.gtin()).bind("q", f.q()).bind("limit", limit).list(c, ProductRow.MAPPER);
    }

    /** The product {@code id} if the caller sees it. */
    public static Optional<ProductRow> get(Connection c, Visibility vis, String id) throws SQLException {
        return GET.bind(vis).bind("id", id).first(c, ProductRow.MAPPER);
    }

    /** Replaces the product's fields (not its id or organisation); empty when the caller does not see it. */
    public static Optional<ProductRow> update(Connection c, Visibility vis, Product product) throws SQLException {
        return fields(UPDATE.bind(vis).bind("id", product.id()), product).first(c, ProductRow.MAPPER);
    }

    private static Sql.Bound fields(Sql.Bound b, Product p) {
        return b.bind("name_zh", p.nameZh()).bind("name_en", p.nameEn()).bind("commodity", p.commodity())
                .bind("variety", p.variety()).bind("gtin", p.gtin()).bind("uom", p.unitOfMeasure())
                .bind("temp_class", p.tempClass()).bind("ref_c", p.shelfLifeRefC()).bind("days", p.shelfLifeDays())
                .bind("q10", p.q10()).bind("ea", p.arrheniusEaKjPerMol());
    }
}
