package io.coldtrace.api.trace;

import io.coldtrace.api.TraceConfig;
import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code GET /api/v1/trace/suspicious} (Policies.QUALITY): the caller's lots whose codes may have been copied. The rule: scans by
 * people (not robots) came from at least {@code COLDTRACE_TRACE_COPY_MIN_PLACES} distinct places, and from more than
 * {@code COLDTRACE_TRACE_COPY_FACTOR} times as many places as buyers the lot was delivered to (one, when it was
 * delivered to none yet). A scan has a place only when a trusted proxy gives one (COLDTRACE_TRACE_REGION_HEADER).
 */
final class SuspiciousRoutes {

    /** A flagged lot and its counts. */
    record Flagged(UUID lotId, String code, String traceCode, long places, long scansWithPlace, long allScans,
                   long buyers, Instant firstScan, Instant lastScan) {
        static final RowMapper<Flagged> MAPPER = rs -> new Flagged(rs.getObject("id", UUID.class),
                rs.getString("code"), rs.getString("trace_code"), rs.getLong("places"), rs.getLong("scans"),
                rs.getLong("all_scans"), rs.getLong("buyers"), Rows.instant(rs, "first_scan"),
                Rows.instant(rs, "last_scan"));

        JsonObject toJson() {
            return new JsonObject().put("lot_id", lotId.toString()).put("lot", code).put("trace_code", traceCode)
                    .put("places", places).put("scans_with_place", scansWithPlace).put("scans", allScans)
                    .put("delivered_to_buyers", buyers).put("first_scan", Rows.iso(firstScan))
                    .put("last_scan", Rows.iso(lastScan));
        }
    }

    private final BlockingDb db;
    private final TraceConfig config;

    SuspiciousRoutes(BlockingDb db, TraceConfig config) {
        this.db = db;
        this.config = config;
    }

    void register(RouteTable routes) {
        routes.get("/api/v1/trace/suspicious", Policies.QUALITY, this::list);
    }

    private Future<Void> list(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        int limit = Params.limit(ctx);
        return db.read(c -> TraceSql.SUSPICIOUS.bind(vis).bind("min", config.copyMinPlaces())
                .bind("factor", config.copyFactor()).bind("limit", limit).list(c, Flagged.MAPPER)).compose(rows -> {
                    JsonArray items = new JsonArray();
                    rows.forEach(r -> items.add(r.toJson()));
                    return Responses.ok(ctx, new JsonObject().put("items", items).put("count", items.size())
                            .put("rule", new JsonObject().put("min_places", config.copyMinPlaces())
                                    .put("factor", config.copyFactor())
                                    .put("text", "scanned by people in at least min_places distinct places, and "
                                            + "in more than factor × max(1, buyers delivered to) places")));
                });
    }
}
