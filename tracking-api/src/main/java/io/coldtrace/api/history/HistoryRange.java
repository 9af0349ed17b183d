package io.coldtrace.api.history;

import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Params;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The from..to of a history request, validated (from before to, at most 31 days), with its resolution. */
record HistoryRange(Instant from, Instant to, Resolution resolution) {
    /** The resolutions a CSV export may choose, by label. */
    static final List<String> EXPORT_RESOLUTIONS = List.of("raw", "1m", "1h");

    /** Reads {@code from} and {@code to}; a bad or missing one, or a bad span, is a 400 naming the field. */
    static HistoryRange of(RoutingContext ctx) {
        if (!ctx.queryParam("resolution").isEmpty()) {
            throw ClientError.badParameter("resolution", "resolution may be chosen for format=csv only; JSON "
                    + "follows the span");
        }
        Instant from = Params.instantQuery(ctx, "from");
        Instant to = Params.instantQuery(ctx, "to");
        return new HistoryRange(from, checkSpan(from, to, Resolution.MAX_SPAN), Resolution.forSpan(from, to));
    }

    /**
     * The range of a CSV export: without {@code resolution} as {@link #of}; with {@code resolution=raw|1m|1h} that
     * resolution over up to {@link Resolution#EXPORT_MAX_SPAN} (streamed, so the size of the answer is no limit).
     */
    static HistoryRange forExport(RoutingContext ctx) {
        String label = Params.choiceQuery(ctx, "resolution", null, EXPORT_RESOLUTIONS);
        if (label == null) {
            return of(ctx);
        }
        Instant from = Params.instantQuery(ctx, "from");
        Instant to = Params.instantQuery(ctx, "to");
        return new HistoryRange(from, checkSpan(from, to, Resolution.EXPORT_MAX_SPAN), Resolution.ofLabel(label));
    }

    private static Instant checkSpan(Instant from, Instant to, Duration max) {
        if (!from.isBefore(to)) {
            throw ClientError.badParameter("to", "to must be after from (" + from + "), was " + to);
        }
        if (Duration.between(from, to).compareTo(max) > 0) {
            throw ClientError.badParameter("to", "from..to may span at most " + max.toDays() + " days, was "
                    + Duration.between(from, to).toHours() + " h");
        }
        return to;
    }
}
