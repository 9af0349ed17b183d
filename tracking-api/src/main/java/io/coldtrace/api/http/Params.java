package io.coldtrace.api.http;

import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reads request parameters; a bad value is a {@link ClientError} naming the parameter. */
public final class Params {
    private Params() {
    }

    /** An optional integer query parameter within min..max. */
    public static int intQuery(RoutingContext ctx, String name, int def, int min, int max) {
        String v = single(ctx, name);
        if (v == null) {
            return def;
        }
        try {
            int i = Integer.parseInt(v.trim());
            if (i < min || i > max) {
                throw ClientError.badParameter(name, name + " must be within " + min + ".." + max + ", was " + i);
            }
            return i;
        } catch (NumberFormatException e) {
            throw ClientError.badParameter(name, name + " must be an integer, was '" + abbreviate(v) + "'");
        }
    }

    /** The {@code limit} of a list: 1..1000, default 200. */
    public static int limit(RoutingContext ctx) {
        return intQuery(ctx, "limit", 200, 1, 1000);
    }

    /** Refuses (400 naming it) any query parameter not in {@code known}, listed in the message. */
    public static void onlyQuery(RoutingContext ctx, java.util.Collection<String> known) {
        for (String name : ctx.queryParams().names()) {
            if (!known.contains(name)) {
                throw ClientError.badParameter(name, "unknown query parameter " + name + "; this route takes "
                        + String.join(", ", known));
            }
        }
    }

    /** An optional text query parameter of 1..maxLength characters; null when absent. */
    public static String textQuery(RoutingContext ctx, String name, int maxLength) {
        String v = single(ctx, name);
        if (v == null) {
            return null;
        }
        return text(name, v, maxLength);
    }

    /** A path parameter of 1..maxLength characters. */
    public static String pathText(RoutingContext ctx, String name, int maxLength) {
        return text(name, ctx.pathParam(name), maxLength);
    }

    /**
     * A required ISO-8601 instant with an offset ({@code 2025-03-01T00:00:00Z}, {@code 2025-03-01T08:00:00+08:00});
     * a '+' that the query string decoded to a space is read as '+'.
     */
    public static Instant instantQuery(RoutingContext ctx, String name) {
        String v = required(ctx, name, "an ISO-8601 time with offset, e.g. 2025-03-01T00:00:00Z");
        try {
            return OffsetDateTime.parse(v.trim().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw ClientError.badParameter(name, name + " must be an ISO-8601 time with offset (e.g. "
                    + "2025-03-01T00:00:00Z), was '" + abbreviate(v) + "'");
        }
    }

    /** A required calendar date YYYY-MM-DD. */
    public static LocalDate dateQuery(RoutingContext ctx, String name) {
        String v = required(ctx, name, "a date YYYY-MM-DD");
        try {
            return LocalDate.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw ClientError.badParameter(name, name + " must be a date YYYY-MM-DD, was '" + abbreviate(v) + "'");
        }
    }

    /** An optional query parameter that must be one of {@code allowed}; {@code def} when absent. */
    public static String choiceQuery(RoutingContext ctx, String name, String def, List<String> allowed) {
        String v = single(ctx, name);
        if (v == null) {
            return def;
        }
        if (!allowed.contains(v)) {
            throw ClientError.badParameter(name, name + " must be one of " + String.join(", ", allowed) + ", was '"
                    + abbreviate(v) + "'");
        }
        return v;
    }

    private static String required(RoutingContext ctx, String name, String what) {
        String v = single(ctx, name);
        if (v == null || v.isBlank()) {
            throw ClientError.badParameter(name, name + " is required: " + what);
        }
        return v;
    }

    /** A path parameter that is a positive whole number (a generated id). */
    public static long pathId(RoutingContext ctx, String name) {
        String v = ctx.pathParam(name);
        try {
            long id = Long.parseLong(v);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ClientError.badParameter(name, name + " must be a positive whole number, was '"
                + abbreviate(String.valueOf(v)) + "'");
    }

    private static String text(String name, String v, int maxLength) {
        if (v == null || v.isBlank() || v.length() > maxLength) {
            throw ClientError.badParameter(name, name + " must be 1.." + maxLength + " characters");
        }
        return v;
    }

    private static String single(RoutingContext ctx, String name) {
        List<String> all = ctx.queryParam(name);
        if (all.isEmpty()) {
            return null;
        }
        if (all.size() > 1) {
            throw ClientError.badParameter(name, name + " may be given once, was given " + all.size() + " times");
        }
        return all.get(0);
    }

    private static String abbreviate(String v) {
        return v.length() <= 40 ? v : v.substring(0, 40) + "...";
    }
}
