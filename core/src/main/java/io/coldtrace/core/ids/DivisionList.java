package io.coldtrace.core.ids;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.CRC32;

/**
 * A list of GB/T 2260 divisions in ColdTrace's CSV form, as the bundled subset ({@link #BUNDLED}) and the divisions
 * import take it. A header row names the columns {@code code, name, poverty_alleviated, key_assistance} (each once,
 * in any order, no others), then one division a row: its 6-digit code, its official name (1..100 characters) and two
 * flags, {@code true}, {@code false}, {@code 1}, {@code 0} or empty (false). The flags are a county's: poverty-alleviated
 * county (脱贫县) and national key assistance county (国家乡村振兴重点帮扶县); a province or city row with a flag set is
 * refused. The level (province, city, county) and the parent follow from the code. Fields may be quoted
 * ({@code "..."}, {@code ""} for a quote); blank lines and lines starting with {@code #} are notes; a UTF-8 byte order
 * mark is skipped. Lines are numbered as in the file, the header's included.
 */
public final class DivisionList {
    /** The bundled subset: every province, and the cities and counties ColdTrace's world and documents name. */
    public static final String BUNDLED = "/regions/gb2260-subset.csv";
    public static final List<String> COLUMNS = List.of("code", "name", "poverty_alleviated", "key_assistance");
    static final int MAX_NAME = 100;

    /** One division of the list, from line {@code line}. */
    public record Row(int line, DivisionCode code, String name, boolean povertyAlleviated, boolean keyAssistance) {
    }

    /** What is wrong with line {@code line}: {@code field} is a column's name, or {@code header} or {@code columns}. */
    public record LineError(int line, String field, String message) {
        @Override
        public String toString() {
            return "line " + line + ", " + field + ": " + message;
        }
    }

    /** The rows read, and every line's error (a list with an error is not to be used). */
    public record Parsed(List<Row> rows, List<LineError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private DivisionList() {
    }

    /** Reads {@code text}; never throws for a bad line, it is one of {@link Parsed#errors()}. */
    public static Parsed parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int[] columns = null;
        int n = 0;
        try (BufferedReader r = new BufferedReader(new StringReader(text))) {
            String line;
            while ((line = r.readLine()) != null) {
                n++;
                if (n == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (columns == null) {
                    columns = header(n, line, errors);
                    if (columns == null) {
                        return new Parsed(List.of(), errors);
                    }
                    continue;
                }
                Row row = row(n, line, columns, errors);
                if (row != null) {
                    Integer first = seen.putIfAbsent(row.code().code(), n);
                    if (first != null) {
                        errors.add(new LineError(n, "code", row.code() + " is already on line " + first));
                    } else {
                        rows.add(row);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        if (columns == null) {
            errors.add(new LineError(Math.max(n, 1), "header", "the file has no header row " + String.join(",",
                    COLUMNS)));
        } else if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new LineError(n, "header", "the file has a header but no divisions"));
        }
        return new Parsed(rows, errors);
    }

    /**
     * The parent of {@code code} among the divisions {@code known} holds: a county's city when known, else its
     * province (a county a province governs directly, such as 济源 419001, has no city row); a city's province; null for
     * a province, or when the province is not known either.
     */
    public static String parentOf(DivisionCode code, Predicate<String> known) {
        return switch (code.level()) {
            case PROVINCE -> null;
            case CITY -> known.test(code.province()) ? code.province() : null;
            case COUNTY -> known.test(code.city()) ? code.city() : known.test(code.province()) ? code.province() : null;
        };
    }

    /** The bundled subset; a broken bundled file fails loudly. */
    public static List<Row> bundled() {
        Parsed p = parse(new String(bundledFile(), StandardCharsets.UTF_8));
        if (!p.ok()) {
            throw new IllegalStateException(BUNDLED + ": " + p.errors());
        }
        return p.rows();
    }

    /** CRC-32 of the bundled file: the seed migration runs again whenever the file changes. */
    public static int bundledChecksum() {
        CRC32 crc = new CRC32();
        crc.update(bundledFile());
        return (int) crc.getValue();
    }

    /** The bundled file's bytes. */
    public static byte[] bundledFile() {
        try (InputStream in = DivisionList.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The index of each of {@link #COLUMNS} in the header, or null (and an error) when it is not exactly those. */
    private static int[] header(int n, String line, List<LineError> errors) {
        List<String> names = fields(line);
        if (names == null) {
            errors.add(new LineError(n, "header", "a quote is not closed"));
            return null;
        }
        int[] at = new int[COLUMNS.size()];
        java.util.Arrays.fill(at, -1);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip().toLowerCase(Locale.ROOT);
            int k = COLUMNS.indexOf(name);
            if (k < 0 || at[k] >= 0) {
                errors.add(new LineError(n, "header", (k < 0 ? "unknown column '" + names.get(i) + "'"
                        : "column " + name + " twice") + "; the header names " + String.join(",", COLUMNS)
                        + " (any order)"));
                return null;
            }
            at[k] = i;
        }
        for (int k = 0; k < at.length; k++) {
            if (at[k] < 0) {
                errors.add(new LineError(n, "header", "column " + COLUMNS.get(k) + " is missing; the header names "
                        + String.join(",", COLUMNS) + " (any order)"));
                return null;
            }
        }
        return at;
    }

    private static Row row(int n, String line, int[] at, List<LineError> errors) {
        List<String> f = fields(line);
        if (f == null) {
            errors.add(new LineError(n, "columns", "a quote is not closed"));
            return null;
        }
        if (f.size() != at.length) {
            errors.add(new LineError(n, "columns", "expected " + at.length + " fields as the header names them, "
                    + "found " + f.size()));
            return null;
        }
        int before = errors.size();
        DivisionCode code = null;
        try {
            code = new DivisionCode(f.get(at[0]).strip());
        } catch (IllegalArgumentException e) {
            errors.add(new LineError(n, "code", e.getMessage()));
        }
        String name = f.get(at[1]).strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            errors.add(new LineError(n, "name", "a name has 1.." + MAX_NAME + " characters and no control "
                    + "characters, was '" + name + "'"));
        }
        boolean poverty = flag(n, COLUMNS.get(2), f.get(at[2]), code, errors);
        boolean key = flag(n, COLUMNS.get(3), f.get(at[3]), code, errors);
        return errors.size() == before ? new Row(n, code, name, poverty, key) : null;
    }

    private static boolean flag(int n, String field, String raw, DivisionCode code, List<LineError> errors) {
        String v = raw.strip().toLowerCase(Locale.ROOT);
        boolean set;
        switch (v) {
            case "true", "1" -> set = true;
            case "false", "0", "" -> set = false;
            default -> {
                errors.add(new LineError(n, field, field + " must be true, false, 1, 0 or empty, was '" + raw + "'"));
                return false;
            }
        }
        if (set && code != null && code.level() != DivisionCode.Level.COUNTY) {
            errors.add(new LineError(n, field, field + " is a county's flag; " + code + " is a "
                    + code.level().name().toLowerCase(Locale.ROOT) + "'s code"));
        }
        return set;
    }

    /** The fields of a CSV line (RFC 4180 quoting within the line), or null when a quote is left open. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (quoted) {
            return null;
        }
        out.add(cur.toString());
        return out;
    }
}
