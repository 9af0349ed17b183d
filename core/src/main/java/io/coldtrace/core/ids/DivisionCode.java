package io.coldtrace.core.ids;

/**
 * An administrative division code (GB/T 2260): 6 digits, province (2) + city (2) + county (2); a city's code ends in
 * 00, a province's in 0000. Provinces are numbered 11 to 82.
 */
public record DivisionCode(String code) {
    /** How deep a code reaches. */
    public enum Level { PROVINCE, CITY, COUNTY }

    public DivisionCode {
        if (code == null || !code.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("a division code has 6 digits (GB/T 2260), was '" + code + "'");
        }
        int province = Integer.parseInt(code.substring(0, 2));
        if (province < 11 || province > 82) {
            throw new IllegalArgumentException("division code " + code + " names no province (its first two digits "
                    + "are 11 to 82)");
        }
        if (code.substring(2, 4).equals("00") && !code.substring(4).equals("00")) {
            throw new IllegalArgumentException("division code " + code + " names a county without a city");
        }
    }

    /** The province's code ({@code 500000} of {@code 500238}). */
    public String province() {
        return code.substring(0, 2) + "0000";
    }

    /** The city's code ({@code 140200} of {@code 140225}); the province's for a province. */
    public String city() {
        return level() == Level.PROVINCE ? province() : code.substring(0, 4) + "00";
    }

    /**
     * The digits every code inside this division starts with: 2 for a province, 4 for a city, all 6 for a county.
     */
    public String prefix() {
        return switch (level()) {
            case PROVINCE -> code.substring(0, 2);
            case CITY -> code.substring(0, 4);
            case COUNTY -> code;
        };
    }

    /**
     * Whether {@code other} is this division or lies inside it: a province holds its cities and counties, a city its
     * counties (a municipality's 县 row 500200 its counties 5002xx), a county only itself.
     */
    public boolean contains(DivisionCode other) {
        return other.code.startsWith(prefix());
    }

    public Level level() {
        if (code.endsWith("0000")) {
            return Level.PROVINCE;
        }
        return code.endsWith("00") ? Level.CITY : Level.COUNTY;
    }

    @Override
    public String toString() {
        return code;
    }
}
