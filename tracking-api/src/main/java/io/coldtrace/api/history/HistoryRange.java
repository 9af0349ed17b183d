package io.coldtrace.api.history;

import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Params;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;

/** The from..to of a history request, validated (from before to, at most 31 days), with its resolution. */
record HistoryRange(Instant from, Instant to, Resolution resolution) {
    /** Reads {@code from} and {@code to}; a bad or missing one, or a bad span, is a 400 naming the field. */
    static HistoryRange of(RoutingContext ctx) {
        Instant from = Params.instantQuery(ctx, "from");
        Instant to = Params.instantQuery(ctx, "to");
        if (!from.isBefore(to)) {
            throw ClientError.badParameter("to", "to must be after from (" + from + "), was " + to);
        }
        if (Duration.between(from, to).compareTo(Resolution.MAX_SPAN) > 0) {
            throw ClientError.badParameter("to", "from..to may span at most " + Resolution.MAX_SPAN.toDays()
                    + " days, was " + Duration.between(from, to).toHours() + " h");
        }
        return new HistoryRange(from, to, Resolution.forSpan(from, to));
    }
}
