package io.coldtrace.api.epcis;

import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Params;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The EPCIS query subset of {@code GET /api/v1/epcis/events}: {@code GE_eventTime} and {@code LT_eventTime}
 * (required), {@code eventType}, {@code EQ_bizStep} (or {@code bizStep}) and {@code MATCH_anyEPC}, each list
 * comma-separated. Our events carry class-level identifiers only, so {@code MATCH_anyEPC} matches the
 * {@code epcClass} of every quantity list. Any other parameter, or a bad value, is a 400 naming it.
 */
record EpcisQuery(Instant from, Instant to, Set<String> eventTypes, Set<String> bizSteps, Set<String> epcs) {
    private static final List<String> PARAMS = List.of("GE_eventTime", "LT_eventTime", "eventType", "EQ_bizStep",
            "bizStep", "MATCH_anyEPC");
    private static final Set<String> TYPES = Set.of("ObjectEvent", "AggregationEvent", "TransactionEvent",
            "TransformationEvent", "AssociationEvent");
    private static final String BIZ_STEP_URI = "https://ref.gs1.org/cbv/BizStep-";
    private static final List<String> QUANTITY_LISTS = List.of("quantityList", "inputQuantityList",
            "outputQuantityList", "childQuantityList");

    static EpcisQuery of(RoutingContext ctx) {
        Params.onlyQuery(ctx, PARAMS);
        Instant from = Params.instantQuery(ctx, "GE_eventTime");
        Instant to = Params.instantQuery(ctx, "LT_eventTime");
        if (!from.isBefore(to)) {
            throw ClientError.badParameter("LT_eventTime", "LT_eventTime must be after GE_eventTime");
        }
        Set<String> types = list(ctx, "eventType");
        for (String t : types) {
            if (!TYPES.contains(t)) {
                throw ClientError.badParameter("eventType", "eventType must be one of " + TYPES + ", was '" + t + "'");
            }
        }
        String stepParam = ctx.queryParams().contains("EQ_bizStep") ? "EQ_bizStep" : "bizStep";
        Set<String> steps = new java.util.HashSet<>();
        for (String s : list(ctx, stepParam)) {
            String word = s.startsWith(BIZ_STEP_URI) ? s.substring(BIZ_STEP_URI.length()) : s;
            if (!word.matches("[a-z_]{2,40}")) {
                throw ClientError.badParameter(stepParam, stepParam + " takes CBV business steps (shipping, or "
                        + BIZ_STEP_URI + "shipping), was '" + s + "'");
            }
            steps.add(word);
        }
        Set<String> epcs = list(ctx, "MATCH_anyEPC");
        for (String e : epcs) {
            try {
                if (!new URI(e).isAbsolute()) {
                    throw new URISyntaxException(e, "not absolute");
                }
            } catch (URISyntaxException x) {
                throw ClientError.badParameter("MATCH_anyEPC", "MATCH_anyEPC takes absolute URIs (a lot's GS1 "
                        + "Digital Link or its ColdTrace URI), was '" + e + "'");
            }
        }
        return new EpcisQuery(from, to, types, steps, epcs);
    }

    private static Set<String> list(RoutingContext ctx, String name) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String v : ctx.queryParams().getAll(name)) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /** Whether an exported event matches the filters (the time range is the statement's). */
    boolean matches(JsonObject ev) {
        if (!eventTypes.isEmpty() && !eventTypes.contains(ev.getString("type"))
                || !bizSteps.isEmpty() && !bizSteps.contains(ev.getString("bizStep"))) {
            return false;
        }
        if (epcs.isEmpty()) {
            return true;
        }
        for (String list : QUANTITY_LISTS) {
            for (Object q : ev.getJsonArray(list, new JsonArray())) {
                if (epcs.contains(((JsonObject) q).getString("epcClass"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
