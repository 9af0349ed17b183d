package io.coldtrace.api.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The JSON object body of a write request, read field by field. Not JSON or not an object: 400 naming {@code body};
 * a field the route does not know, or one missing, of the wrong type or out of range: 422 naming the field.
 */
public final class JsonBody {
    private final JsonObject json;

    private JsonBody(JsonObject json) {
        this.json = json;
    }

    /** The request's body; every key must be one of {@code allowed}. */
    public static JsonBody of(RoutingContext ctx, Set<String> allowed) {
        return of(object(ctx), allowed);
    }

    /** The request's body as a JSON object (a 400 naming {@code body} when it is none), keys not yet checked. */
    public static JsonObject object(RoutingContext ctx) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            throw ClientError.badParameter("body", "the request needs a JSON object body");
        }
        Object parsed;
        try {
            parsed = Json.decodeValue(text);
        } catch (DecodeException e) {
            throw ClientError.badParameter("body", "the body is not valid JSON");
        }
        if (!(parsed instanceof JsonObject o)) {
            throw ClientError.badParameter("body", "the body must be a JSON object");
        }
        return o;
    }

    /** Like {@link #of(RoutingContext, Set)}, but an absent or empty body reads as {@code {}}. */
    public static JsonBody optional(RoutingContext ctx, Set<String> allowed) {
        if (ctx.body() == null || ctx.body().buffer() == null || ctx.body().buffer().length() == 0) {
            return new JsonBody(new JsonObject());
        }
        return of(ctx, allowed);
    }

    /** A body already parsed (tests, nested objects); every key must be one of {@code allowed}. */
    public static JsonBody of(JsonObject json, Set<String> allowed) {
        for (String key : json.fieldNames()) {
            if (!allowed.contains(key)) {
                throw ClientError.invalid(key, "unknown field " + key + "; expected some of " + allowed);
            }
        }
        return new JsonBody(json);
    }

    /** A required string of 1..maxLength characters. */
    public String text(String field, int maxLength) {
        String v = optText(field, maxLength);
        if (v == null) {
            throw ClientError.invalid(field, field + " is required");
        }
        return v;
    }

    /** An optional string of 1..maxLength characters; null when absent or null. */
    public String optText(String field, int maxLength) {
        Object v = json.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw ClientError.invalid(field, field + " must be a string");
        }
        if (s.isBlank() || s.length() > maxLength) {
            throw ClientError.invalid(field, field + " must be 1.." + maxLength + " characters");
        }
        return s;
    }

    /** An optional string with a default. */
    public String optText(String field, int maxLength, String def) {
        String v = optText(field, maxLength);
        return v == null ? def : v;
    }

    /** An optional finite number; null when absent or null. */
    public Double optNumber(String field) {
        Object v = json.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw ClientError.invalid(field, field + " must be a number");
        }
        return n.doubleValue();
    }

    /** An optional whole number that fits an int; null when absent or null. */
    public Integer optInt(String field) {
        Object v = json.getValue(field);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            try {
                return new BigDecimal(n.toString()).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw ClientError.invalid(field, field + " must be a whole number within "
                + Integer.MIN_VALUE + ".." + Integer.MAX_VALUE);
    }

    /** An optional whole number with a default. */
    public int optInt(String field, int def) {
        Integer v = optInt(field);
        return v == null ? def : v;
    }

    /** An optional boolean with a default. */
    public boolean optBool(String field, boolean def) {
        Object v = json.getValue(field);
        if (v == null) {
            return def;
        }
        if (!(v instanceof Boolean b)) {
            throw ClientError.invalid(field, field + " must be true or false");
        }
        return b;
    }

    /** An optional ISO-8601 instant with an offset, e.g. 2025-03-01T10:00:00Z; null when absent or null. */
    public Instant optInstant(String field) {
        String v = optText(field, 64);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw ClientError.invalid(field, field + " must be an ISO-8601 time with offset, e.g. "
                    + "2025-03-01T10:00:00Z; was '" + v + "'");
        }
    }

    /** An optional JSON object (nested details); null when absent or null. */
    public JsonObject optObject(String field) {
        Object v = json.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonObject o)) {
            throw ClientError.invalid(field, field + " must be a JSON object");
        }
        return o;
    }

    /** A required date {@code YYYY-MM-DD}. */
    public LocalDate date(String field) {
        String v = text(field, 10);
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ClientError.invalid(field, field + " must be a date YYYY-MM-DD; was '" + v + "'");
        }
    }

    /**
     * A required array of 1..maxItems strings of 1..maxLength characters; an item at fault is named
     * {@code field[i]}.
     */
    public List<String> texts(String field, int maxItems, int maxLength) {
        Object v = json.getValue(field);
        if (!(v instanceof JsonArray a) || a.isEmpty() || a.size() > maxItems) {
            throw ClientError.invalid(field, field + " must be an array of 1.." + maxItems + " strings");
        }
        List<String> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            if (!(a.getValue(i) instanceof String s) || s.isBlank() || s.length() > maxLength) {
                throw ClientError.invalid(field + "[" + i + "]", "each item of " + field + " must be a string of 1.."
                        + maxLength + " characters");
            }
            out.add(s);
        }
        return out;
    }

    /** Whether the body names {@code field} at all (even as null). */
    public boolean has(String field) {
        return json.containsKey(field);
    }
}
