package io.coldtrace.api.standards;

/**
 * SQL expressions that describe a place or a party in words, as FSMA's "location description" and the 来源/去向
 * record name them: a unit with its site and the site's address, a site with its address, a plot with its farm, a
 * party with its names, region and GLN. Each takes SQL expressions for the ids (a column, a JSON path).
 */
final class Places {
    private Places() {
    }

    /** A party: "Name EN / 名称, province city county, GLN …". */
    static String party(String id) {
        return """
                (SELECT coalesce(p.name_en || ' / ', '') || p.name_zh || ', ' || concat_ws(' ', p.province, p.city, \
                p.county) || coalesce(', GLN ' || p.gln, '') FROM party p WHERE p.id = %s)""".formatted(id);
    }

    /** The first of a unit, a site or a plot that is named. */
    static String place(String unit, String site, String plot) {
        return """
                coalesce((SELECT u.name || ', ' || s.name || coalesce(', ' || s.address, '') FROM unit u \
                LEFT JOIN site s ON s.id = u.site_id WHERE u.id = %s), \
                (SELECT s.name || coalesce(', ' || s.address, '') FROM site s WHERE s.id = %s), \
                (SELECT fp.name || coalesce(', GLN ' || fp.gln, '') || ', ' || %s FROM farm_plot fp WHERE fp.id = %s))"""
                .formatted(unit, site, party("fp.party_id"), plot);
    }

    /** A {@code lot_movement} place ({@code place_kind}, {@code place_id}) of alias {@code m}. */
    static String movement(String m) {
        return "CASE %1$s.place_kind WHEN 'gone' THEN NULL ELSE %2$s END".formatted(m, place(
                "CASE WHEN %1$s.place_kind = 'unit' THEN %1$s.place_id END".formatted(m),
                "CASE WHEN %1$s.place_kind = 'site' THEN %1$s.place_id END".formatted(m),
                "CASE WHEN %1$s.place_kind = 'plot' THEN %1$s.place_id END".formatted(m)));
    }
}
