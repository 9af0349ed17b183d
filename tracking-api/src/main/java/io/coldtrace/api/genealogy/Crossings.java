package io.coldtrace.api.genealogy;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.genealogy.TraceGraph.LotNode;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where a trace leaves one organisation for another (tracking-api/README.md, "Traces across organisations"): the
 * crossings ({@link GenealogySql#CROSSING}) of the lots a walk found, into the organisations the caller may trace
 * (its own, or one whose grant to it is in force). Each crossing is an edge {@code handed_over} from the supplier's
 * lot to the received one, and the hand-over edge it continues ({@code shipped}/{@code delivered} forward,
 * {@code received} backward) names the organisation in {@code continues_in_org}; every other hand-over keeps
 * {@code continues_in_org: null}, which does not say whether anything lies beyond it.
 */
final class Crossings {
    private Crossings() {
    }

    /**
     * Adds the crossings of {@code lots} to {@code g} and returns the lots on their far side not yet in the trace,
     * each with its depth (one hop past the lot it was reached from): the roots of the next walk.
     */
    static Map<UUID, Integer> follow(Connection c, Visibility vis, TraceGraph g, List<LotNode> lots,
                                     boolean backward, TraceLimits limits) throws SQLException {
        Map<UUID, LotNode> byId = new HashMap<>();
        lots.forEach(l -> byId.put(l.id(), l));
        Map<String, String> continues = new HashMap<>();
        Map<UUID, Integer> next = new LinkedHashMap<>();
        (backward ? GenealogySql.BACKWARD_CROSSINGS : GenealogySql.FORWARD_CROSSINGS).bind(vis)
                .bind("ids", byId.keySet().toArray(UUID[]::new)).list(c, rs -> {
                    UUID a = rs.getObject("a_id", UUID.class);
                    UUID b = rs.getObject("b_id", UUID.class);
                    String farOrg = rs.getString(backward ? "a_org" : "b_org");
                    UUID far = backward ? a : b;
                    int depth = byId.get(backward ? b : a).depth() + 1;
                    limits.checkCrossing(depth);
                    g.edge("lot:" + a, "lot:" + b, "handed_over", rs.getBigDecimal("quantity"), rs.getString("uom"))
                            .put("handover_kind", rs.getString("kind")).put("event_id", rs.getString("event_id"))
                            .put("at", Rows.iso(Rows.instant(rs, "at")))
                            .put("from_org", rs.getString("a_org")).put("to_org", rs.getString("b_org"));
                    continues.put(backward ? "lot:" + b + " " + rs.getString("b_event_id")
                            : "lot:" + a + " " + rs.getString("event_id"), farOrg);
                    if (!g.has("lot:" + far)) {
                        next.merge(far, depth, Math::min);
                    }
                    return null;
                });
        if (!continues.isEmpty()) {
            for (Object o : g.edges()) {
                JsonObject e = (JsonObject) o;
                if (e.containsKey("continues_in_org")) {
                    String org = continues.get(e.getString(backward ? "to" : "from") + " " + e.getString("event_id"));
                    if (org != null) {
                        e.put("continues_in_org", org);
                    }
                }
            }
        }
        return next;
    }
}
