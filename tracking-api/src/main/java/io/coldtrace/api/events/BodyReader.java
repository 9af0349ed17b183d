package io.coldtrace.api.events;

import io.coldtrace.api.http.ClientError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads an event's {@code body} (or a part of it), naming every refusal by its path: {@code body.lots[1].quantity}.
 */
final class BodyReader {
    /** Quantities: positive, at most 3 decimals (numeric(14, 3) in the projections). */
    static final BigDecimal MAX_QUANTITY = new BigDecimal("99999999999");

    private final JsonObject json;
    private final String path;

    BodyReader(JsonObject json, String path) {
        this.json = json;
        this.path = path;
    }

    String path() {
        return path;
    }

    String field(String name) {
        return path + "." + name;
    }

    boolean has(String name) {
        return json.getValue(name) != null;
    }

    /** Refuses fields the type does not know (a misspelt field would otherwise be silently ignored). */
    BodyReader only(Set<String> known) {
        for (String k : json.fieldNames()) {
            if (!known.contains(k)) {
                throw ClientError.invalid(field(k), "unknown field " + k + " for this event; known: "
                        + known.stream().sorted().toList());
            }
        }
        return this;
    }

    String text(String name, int max) {
        String v = optText(name, max);
        if (v == null) {
            throw ClientError.invalid(field(name), name + " is required");
        }
        return v;
    }

    String optText(String name, int max) {
        Object v = json.getValue(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s) || s.isBlank()) {
            throw ClientError.invalid(field(name), name + " must be a non-empty string");
        }
        if (s.length() > max) {
            throw ClientError.invalid(field(name), name + " is longer than " + max + " characters");
        }
        return s.strip();
    }

    String choice(String name, List<String> allowed, boolean required) {
        String v = required ? text(name, 64) : optText(name, 64);
        if (v != null && !allowed.contains(v)) {
            throw ClientError.invalid(field(name), name + " must be one of " + allowed + "; was '" + v + "'");
        }
        return v;
    }

    BigDecimal quantity(String name) {
        BigDecimal q = optQuantity(name);
        if (q == null) {
            throw ClientError.invalid(field(name), name + " is required");
        }
        return q;
    }

    BigDecimal optQuantity(String name) {
        Object v = json.getValue(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n)) {
            throw ClientError.invalid(field(name), name + " must be a number");
        }
        BigDecimal q = new BigDecimal(n.toString());
        if (q.signum() <= 0) {
            throw ClientError.invalid(field(name), name + " must be more than 0; was " + q.toPlainString());
        }
        if (q.stripTrailingZeros().scale() > 3 || q.compareTo(MAX_QUANTITY) > 0) {
            throw ClientError.invalid(field(name), name + " must have at most 3 decimals and be below "
                    + MAX_QUANTITY.toPlainString() + "; was " + q.toPlainString());
        }
        return q.stripTrailingZeros();
    }

    Double optNumber(String name, double min, double max) {
        Object v = json.getValue(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue()) || n.doubleValue() < min
                || n.doubleValue() > max) {
            throw ClientError.invalid(field(name), name + " must be a number from " + min + " to " + max);
        }
        return n.doubleValue();
    }

    Double number(String name, double min, double max) {
        Double v = optNumber(name, min, max);
        if (v == null) {
            throw ClientError.invalid(field(name), name + " is required");
        }
        return v;
    }

    BodyReader object(String name, boolean required) {
        Object v = json.getValue(name);
        if (v == null) {
            if (required) {
                throw ClientError.invalid(field(name), name + " is required");
            }
            return null;
        }
        if (!(v instanceof JsonObject o)) {
            throw ClientError.invalid(field(name), name + " must be an object");
        }
        return new BodyReader(o, field(name));
    }

    /** The objects of an array; a required one must have at least one (and at most {@code max}). */
    List<BodyReader> objects(String name, boolean required, int max) {
        Object v = json.getValue(name);
        if (v == null) {
            if (required) {
                throw ClientError.invalid(field(name), name + " is required (at least one item)");
            }
            return List.of();
        }
        if (!(v instanceof JsonArray a) || (required && a.isEmpty())) {
            throw ClientError.invalid(field(name), name + " must be an array of at least one object");
        }
        if (a.size() > max) {
            throw ClientError.invalid(field(name), name + " has more than " + max + " items");
        }
        List<BodyReader> items = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            if (!(a.getValue(i) instanceof JsonObject o)) {
                throw ClientError.invalid(field(name) + "[" + i + "]", "each item of " + name + " must be an object");
            }
            items.add(new BodyReader(o, field(name) + "[" + i + "]"));
        }
        return items;
    }
}
