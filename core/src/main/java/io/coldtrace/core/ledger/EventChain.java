package io.coldtrace.core.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Tamper evidence of the event ledger: a canonical text of an event's stored fields, and the hash that links it to the
 * previous event of its organisation.
 *
 * <p>Canonical form (the same bytes whoever computes it, before or after a round trip through PostgreSQL jsonb):
 * <ul>
 *   <li>a JSON object with keys sorted by UTF-16 code unit (as RFC 8785) at every level, no insignificant white space, and every field
 *       present (absent values as {@code null}), so that a field cannot be dropped unnoticed;</li>
 *   <li>strings as JSON strings with the minimal escapes Jackson writes (UTF-8 bytes are hashed);</li>
 *   <li>numbers as plain decimals without trailing zeros or exponent ({@code 1.50}, {@code 15e-1} -> {@code 1.5};
 *       {@code -0} -> {@code 0}), because jsonb keeps the caller's spelling of a number but not always its type;</li>
 *   <li>times ({@link Instant}) as UTC ISO-8601 truncated to microseconds (PostgreSQL's precision); the caller's
 *       offset is a separate string field, so local time is kept without making the instant ambiguous;</li>
 *   <li>UUIDs as lower-case strings; booleans as {@code true}/{@code false}.</li>
 * </ul>
 * {@code hash = hex(SHA-256(UTF-8(previousHash + canonical)))}, where {@code previousHash} is the hash of the previous
 * event of the same organisation, or {@link #GENESIS} for its first event. One chain per organisation.
 */
public final class EventChain {
    /** The hash the first event of every organisation links to. */
    public static final String GENESIS = "0".repeat(64);
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private EventChain() {
    }

    /** Microseconds, as PostgreSQL stores a timestamptz: an instant hashed before storing equals the one read back. */
    public static Instant stored(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    /** The canonical text of {@code fields}; values: null, String, Boolean, Number, Instant, UUID, Map, List, or
     * {@link Json} (JSON text, e.g. a jsonb column). */
    public static String canonical(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder();
        write(out, fields);
        return out.toString();
    }

    /** The hash of an event whose canonical text is {@code canonical}, following {@code previousHash}. */
    public static String hash(String previousHash, String canonical) {
        if (previousHash == null || !HEX64.matcher(previousHash).matches()) {
            throw new IllegalArgumentException("previous hash must be 64 lower-case hex digits");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((previousHash + canonical).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** JSON text to be canonicalised as parsed JSON (not as a string). */
    public record Json(String text) {
    }

    private static void write(StringBuilder out, Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            quote(out, s);
        } else if (v instanceof Boolean b) {
            out.append(b);
        } else if (v instanceof Number n) {
            out.append(number(n));
        } else if (v instanceof Instant t) {
            quote(out, DateTimeFormatter.ISO_INSTANT.format(stored(t)));
        } else if (v instanceof UUID u) {
            quote(out, u.toString());
        } else if (v instanceof Json j) {
            write(out, parse(j.text()));
        } else if (v instanceof JsonNode node) {
            writeNode(out, node);
        } else if (v instanceof Map<?, ?> m) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            m.forEach((k, val) -> sorted.put((String) k, val));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                out.append(first ? "" : ",");
                quote(out, e.getKey());
                out.append(':');
                write(out, e.getValue());
                first = false;
            }
            out.append('}');
        } else if (v instanceof Collection<?> c) {
            out.append('[');
            boolean first = true;
            for (Object e : c) {
                out.append(first ? "" : ",");
                write(out, e);
                first = false;
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("no canonical form for " + v.getClass().getName());
        }
    }

    private static String number(Number n) {
        if (n instanceof Double d && !Double.isFinite(d) || n instanceof Float f && !Float.isFinite(f)) {
            throw new IllegalArgumentException("JSON has no " + n);
        }
        BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    /**
     * {@code s} as a JSON string with the escapes Jackson writes (EventChainTest compares the two over every char):
     * {@code \" \\ \b \t \n \f \r}, other chars below U+0020 as {@code \}{@code u00XX} (upper-case hex),
     * everything else as it is. Written here because a generator per string was most of the cost of a hash.
     */
    static void quote(StringBuilder out, String s) {
        out.append('"');
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 0x20 && ch != '"' && ch != '\\') {
                continue;
            }
            out.append(s, from, i).append('\\');
            switch (ch) {
                case '"', '\\' -> out.append(ch);
                case '\b' -> out.append('b');
                case '\t' -> out.append('t');
                case '\n' -> out.append('n');
                case '\f' -> out.append('f');
                case '\r' -> out.append('r');
                default -> out.append("u00").append(HEX[ch >> 4]).append(HEX[ch & 0xF]);
            }
            from = i + 1;
        }
        out.append(s, from, s.length()).append('"');
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A parsed JSON value, written as {@link #write} writes the Map, List, number, boolean or text it holds. */
    private static void writeNode(StringBuilder out, JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.size());
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                out.append(i == 0 ? "" : ",");
                quote(out, names.get(i));
                out.append(':');
                writeNode(out, node.get(names.get(i)));
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                writeNode(out, node.get(i));
            }
            out.append(']');
        } else if (node.isNumber()) {
            out.append(number(node.decimalValue()));
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isTextual()) {
            quote(out, node.textValue());
        } else {
            out.append("null");
        }
    }
}
