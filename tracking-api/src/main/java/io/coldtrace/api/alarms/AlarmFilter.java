package io.coldtrace.api.alarms;

import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Params;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** The query of an alarm list: state (open, acknowledged, resolved, or active = not resolved), unit, site, limit. */
public record AlarmFilter(String state, String unit, String site, int limit) {
    static final List<String> STATES = List.of("open", "acknowledged", "resolved", "active");

    public AlarmFilter {
        if (!STATES.contains(state)) {
            throw ClientError.badParameter("state", "state must be one of " + String.join(", ", STATES)
                    + "; was '" + state + "'");
        }
    }

    static AlarmFilter from(RoutingContext ctx) {
        String state = Params.textQuery(ctx, "state", 16);
        return new AlarmFilter(state == null ? "active" : state, Params.textQuery(ctx, "unit", 64),
                Params.textQuery(ctx, "site", 64), Params.limit(ctx));
    }
}
