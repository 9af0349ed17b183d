package io.coldtrace.core.ids;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names of GB/T 2260 divisions, from the bundled subset ({@link DivisionList#BUNDLED}: every province and the cities
 * and counties ColdTrace's world uses), and the check of a region's names against its division code. The same file
 * seeds the database's division table (migration {@code R__Bundled_divisions}), which a national list imported
 * later extends; this checker stays the bundled file's, pure code without a database.
 *
 * <p>The rule: the province name must be the code's province's (every province is in the table, so always); a city or
 * county name must be the table's name when the table holds that code, and is accepted unchecked when it does not
 * (the table is a subset). The municipalities (北京, 天津, 上海, 重庆) have no city between province and county:
 * their city may be named by the municipality's name, 市辖区 or 县. A county name needs a county's code.
 */
public final class DivisionNames {
    /** 北京, 天津, 上海, 重庆. */
    private static final Set<String> MUNICIPALITIES = Set.of("110000", "120000", "310000", "500000");
    private static final Set<String> MUNICIPAL_CITY_NAMES = Set.of("市辖区", "县");
    private static final DivisionNames BUNDLED = load();

    private final Map<String, String> names;

    DivisionNames(Map<String, String> names) {
        this.names = Map.copyOf(names);
    }

    /** The bundled table. */
    public static DivisionNames bundled() {
        return BUNDLED;
    }

    /** A name that does not fit the division code; {@code field} is province, city, county or division_code. */
    public static final class Mismatch extends IllegalArgumentException {
        private final String field;

        Mismatch(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The official name of {@code code}, if the table holds it. */
    public Optional<String> name(String code) {
        return Optional.ofNullable(names.get(code));
    }

    /**
     * The city a place in {@code code} is in, as a journey names it: the prefecture-level city's name (潍坊市 for
     * 370783); in a municipality, or where the city is not in the table, the finest name known (渝北区, 巫溪县,
     * 上海市); empty when not even the province is known.
     */
    public Optional<String> cityOf(DivisionCode code) {
        String city = code.level() == DivisionCode.Level.PROVINCE ? null : names.get(code.city());
        if (city != null && !MUNICIPAL_CITY_NAMES.contains(city) && !MUNICIPALITIES.contains(code.province())) {
            return Optional.of(city);
        }
        if (code.level() == DivisionCode.Level.COUNTY && names.containsKey(code.code())) {
            return Optional.of(names.get(code.code()));
        }
        return Optional.ofNullable(names.get(code.province()));
    }

    /** {@link #cityOf} of the bundled table for a code as stored (null for null or a city it cannot name). */
    public static String cityName(String code) {
        return code == null ? null : BUNDLED.cityOf(new DivisionCode(code)).orElse(null);
    }

    /** How many divisions the table holds. */
    public int size() {
        return names.size();
    }

    /**
     * The deepest level at which the table knows {@code code}: its county's (or city's, for a city's code) name, else
     * its city's, else only its province's. The names of a region with this code are checked down to this level.
     */
    public DivisionCode.Level known(DivisionCode code) {
        if (code.level() == DivisionCode.Level.COUNTY && names.containsKey(code.code())) {
            return DivisionCode.Level.COUNTY;
        }
        if (code.level() != DivisionCode.Level.PROVINCE && names.containsKey(code.city())) {
            return DivisionCode.Level.CITY;
        }
        return DivisionCode.Level.PROVINCE;
    }

    /**
     * Checks a region's names (city and county may be null) against its division code; the level checked down to
     * ({@link #known}). Throws {@link Mismatch} naming the field and the name expected.
     */
    public DivisionCode.Level check(DivisionCode code, String province, String city, String county) {
        String provinceName = names.get(code.province());
        if (provinceName == null) {
            throw new Mismatch("division_code", "division code " + code + " names no province of GB/T 2260 (its "
                    + "first two digits " + code.code().substring(0, 2) + " are no province's)");
        }
        if (!provinceName.equals(province)) {
            throw new Mismatch("province", "province must be " + provinceName + " for division code " + code
                    + ", was '" + province + "'");
        }
        boolean municipality = MUNICIPALITIES.contains(code.province());
        if (city != null) {
            checkCity(code, city, provinceName, municipality);
        }
        if (county != null) {
            if (code.level() != DivisionCode.Level.COUNTY) {
                throw new Mismatch("county", "division code " + code + " is a " + level(code)
                        + "'s code: it names no county, so leave county out (was '" + county + "')");
            }
            String expected = names.get(code.code());
            if (expected != null && !expected.equals(county)) {
                throw new Mismatch("county", "county must be " + expected + " for division code " + code + ", was '"
                        + county + "'");
            }
        }
        return known(code);
    }

    private void checkCity(DivisionCode code, String city, String provinceName, boolean municipality) {
        String expected = code.level() == DivisionCode.Level.PROVINCE ? null : names.get(code.city());
        if (municipality) {
            if (!city.equals(provinceName) && !MUNICIPAL_CITY_NAMES.contains(city) && !city.equals(expected)) {
                throw new Mismatch("city", "city of the municipality " + provinceName + " must be " + provinceName
                        + ", 市辖区 or 县, was '" + city + "'");
            }
            return;
        }
        if (code.level() == DivisionCode.Level.PROVINCE) {
            throw new Mismatch("city", "division code " + code + " is a province's code: it names no city, so "
                    + "leave city out (was '" + city + "')");
        }
        if (expected != null && !expected.equals(city)) {
            throw new Mismatch("city", "city must be " + expected + " for division code " + code + ", was '" + city
                    + "'");
        }
    }

    private static String level(DivisionCode code) {
        return code.level() == DivisionCode.Level.PROVINCE ? "province" : "city";
    }

    /** The names of a division list ({@link DivisionList}'s CSV); a list with a bad line fails loudly. */
    static DivisionNames parse(String csv) {
        DivisionList.Parsed p = DivisionList.parse(csv);
        if (!p.ok()) {
            throw new IllegalStateException("division list: " + p.errors());
        }
        return of(p.rows());
    }

    private static DivisionNames load() {
        return of(DivisionList.bundled());
    }

    private static DivisionNames of(java.util.List<DivisionList.Row> rows) {
        Map<String, String> names = new LinkedHashMap<>();
        for (DivisionList.Row row : rows) {
            names.put(row.code().code(), row.name());
        }
        return new DivisionNames(names);
    }
}
