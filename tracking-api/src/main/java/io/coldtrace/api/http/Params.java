package io.coldtrace.api.http;

import io.vertx.ext.web.RoutingContext;
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
