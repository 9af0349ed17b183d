package io.coldtrace.api.epcis;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Sql;
import io.coldtrace.api.epcis.CaptureIds.Ref;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The capturing organisation's products, places and parties a partner's document names by GS1 keys, read with three
 * statements: products by GTIN (a lot born here gets its product, a harvest its commodity), sites, units and plots
 * by GLN, parties by GLN. A key the organisation has no row for, or several, is refused by the reader asked for it
 * ({@link IllegalArgumentException} saying which).
 */
final class CaptureMasterData {
    /** A product the document names by its GTIN. */
    record Product(String id, String commodity, String variety) {
    }

    private record Keyed<T>(String key, T row) {
    }

    private static final Sql PRODUCTS = Sql.of("""
            SELECT p.gtin, p.id, p.commodity, p.variety FROM product p
            WHERE p.org_id = :org AND p.gtin = ANY(:gtins) ORDER BY p.id""");
    private static final Sql PLACES = Sql.of("""
            SELECT u.gln, 'unit' AS kind, u.id FROM unit u JOIN site s ON s.id = u.site_id
            WHERE s.org_id = :org AND u.gln = ANY(:glns)
            UNION ALL SELECT s.gln, 'site', s.id FROM site s WHERE s.org_id = :org AND s.gln = ANY(:glns)
            UNION ALL SELECT f.gln, 'plot', f.id FROM farm_plot f WHERE f.org_id = :org AND f.gln = ANY(:glns)
            ORDER BY 2, 3""");
    private static final Sql PARTIES = Sql.of("""
            SELECT pt.gln, pt.id FROM party pt WHERE pt.org_id = :org AND pt.gln = ANY(:glns) ORDER BY pt.id""");
    private static final RowMapper<Keyed<Product>> PRODUCT = rs -> new Keyed<>(rs.getString("gtin"),
            new Product(rs.getString("id"), rs.getString("commodity"), rs.getString("variety")));
    private static final RowMapper<Keyed<Ref>> PLACE = rs -> new Keyed<>(rs.getString("gln"),
            new Ref(rs.getString("kind"), rs.getString("id")));
    private static final RowMapper<Keyed<String>> PARTY = rs -> new Keyed<>(rs.getString("gln"), rs.getString("id"));

    private final Map<String, List<Product>> products;
    private final Map<String, List<Ref>> places;
    private final Map<String, List<String>> parties;

    private CaptureMasterData(Map<String, List<Product>> products, Map<String, List<Ref>> places,
                              Map<String, List<String>> parties) {
        this.products = products;
        this.places = places;
        this.parties = parties;
    }

    /** The rows of {@code org} the keys name. */
    static CaptureMasterData read(Connection c, String org, Set<String> gtins, Set<String> placeGlns,
                                  Set<String> partyGlns) throws SQLException {
        return new CaptureMasterData(
                grouped(PRODUCTS.bind("org", org).bind("gtins", gtins.toArray(String[]::new)).list(c, PRODUCT)),
                grouped(PLACES.bind("org", org).bind("glns", placeGlns.toArray(String[]::new)).list(c, PLACE)),
                grouped(PARTIES.bind("org", org).bind("glns", partyGlns.toArray(String[]::new)).list(c, PARTY)));
    }

    /** The product of {@code gtin}. */
    Product product(String gtin) {
        return one(products, gtin, "product with GTIN " + gtin);
    }

    /** A place reference as the ledger names it: a GLN looked up, a site, unit or plot id as it is. */
    Ref place(Ref ref) {
        return ref.kind().equals("gln") ? one(places, ref.value(), "site, unit or plot with GLN " + ref.value()) : ref;
    }

    /** A party reference as the ledger names it (its id), or null for the organisation itself. */
    String party(Ref ref) {
        return switch (ref.kind()) {
            case "gln" -> one(parties, ref.value(), "party with GLN " + ref.value());
            case "org" -> null;
            default -> ref.value();
        };
    }

    private static <T> T one(Map<String, List<T>> rows, String key, String what) {
        List<T> found = rows.getOrDefault(key, List.of());
        if (found.size() != 1) {
            throw new IllegalArgumentException(found.isEmpty() ? "the organisation has no " + what
                    : "the organisation has " + found.size() + " of " + what + " (" + found + "): give each its own");
        }
        return found.get(0);
    }

    private static <T> Map<String, List<T>> grouped(List<Keyed<T>> rows) {
        Map<String, List<T>> out = new HashMap<>();
        rows.forEach(r -> out.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.row()));
        return out;
    }
}
