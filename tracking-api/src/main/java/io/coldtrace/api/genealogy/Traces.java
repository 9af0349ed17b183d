package io.coldtrace.api.genealogy;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.genealogy.TraceGraph.LotNode;
import io.coldtrace.api.genealogy.TraceGraph.Party;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Backward and forward traces (issue 8 §1). A fixed number of statements whatever the depth: the walk
 * ({@link GenealogySql#BACKWARD} or {@link GenealogySql#FORWARD}), then the links, origins and hand-overs of the lots
 * it found, by id. Backward ends at harvest batches, their plots and farms, and names who each lot was received
 * from; forward names every party any of it was shipped or delivered to.
 */
final class Traces {
    private Traces() {
    }

    /** The trace of lot {@code id} (a lot or harvest batch); empty when the caller sees no such lot. */
    static Optional<JsonObject> lot(Connection c, Visibility vis, String id, boolean backward, TraceLimits limits)
            throws SQLException {
        UUID uuid = uuid(id);
        if (uuid == null) {
            return Optional.empty();
        }
        TraceGraph g = new TraceGraph(vis.orgId());
        List<LotNode> lots = walk(c, vis, new UUID[] {uuid}, backward, limits, g, true);
        if (lots.isEmpty()) {
            return Optional.empty();
        }
        if (backward) {
            origins(c, g, lots.stream().map(LotNode::id).toArray(UUID[]::new));
        }
        JsonObject out = answer(backward ? "backward" : "forward", "lot:" + uuid, limits, lots, g);
        return Optional.of(backward ? out : out.put("recipients", recipients(g)));
    }

    /** The forward trace of the lots {@code roots} together: every lot derived from any, every party any went to. */
    static JsonObject forward(Connection c, Visibility vis, UUID[] roots, TraceLimits limits) throws SQLException {
        TraceGraph g = new TraceGraph(vis.orgId());
        List<LotNode> lots = walk(c, vis, roots, false, limits, g, false);
        return answer("forward", "lots", limits, lots, g).put("recipients", recipients(g));
    }

    /** The forward trace of plot {@code id}: every harvest batch of it and everything made of them. */
    static Optional<JsonObject> plot(Connection c, Visibility vis, String id, TraceLimits limits) throws SQLException {
        TraceGraph g = new TraceGraph(vis.orgId());
        Optional<String> plot = GenealogySql.PLOT.bind(vis).bind("id", id).first(c, rs -> {
            Party farm = Party.of(rs);
            String key = g.plot(rs.getString("plot_id"), rs.getString("plot_name"), farm == null ? null : farm.id());
            if (farm != null) {
                g.once(g.party(farm), key, "farms");
            }
            return key;
        });
        if (plot.isEmpty()) {
            return Optional.empty();
        }
        UUID[] roots = GenealogySql.PLOT_BATCHES.bind(vis).bind("id", id).list(c, rs -> rs.getObject(1, UUID.class))
                .toArray(UUID[]::new);
        List<LotNode> lots = roots.length == 0 ? List.of() : walk(c, vis, roots, false, limits, g, true);
        if (roots.length > 0) {
            origins(c, g, roots);
        }
        JsonObject out = answer("forward", plot.get(), limits, lots, g);
        return Optional.of(out.put("recipients", recipients(g)));
    }

    private static JsonObject answer(String direction, String root, TraceLimits limits, List<LotNode> lots,
                                     TraceGraph g) {
        limits.checkWidth(g.size());
        int depth = lots.stream().mapToInt(LotNode::depth).max().orElse(0);
        return new JsonObject().put("direction", direction).put("root", root).put("depth", depth)
                .put("limits", new JsonObject().put("depth", limits.depth()).put("width", limits.width()))
                .mergeIn(g.toJson());
    }

    /**
     * Walks from {@code roots} in the caller's sight; with {@code cross}, then on across each crossing into an
     * organisation the caller may trace ({@link Crossings}), walk after walk, each from the lots just reached at
     * their depth, so the depth limit and the step budget hold across organisations. A lot reached again (a loop
     * back through another organisation) is not walked twice.
     */
    private static List<LotNode> walk(Connection c, Visibility vis, UUID[] roots, boolean backward,
                                      TraceLimits limits, TraceGraph g, boolean cross) throws SQLException {
        List<LotNode> all = new ArrayList<>();
        Map<UUID, Integer> next = new LinkedHashMap<>();
        for (UUID r : roots) {
            next.put(r, 0);
        }
        // the roots are the caller's to name; lots past a crossing were admitted by the crossing's grant check
        Visibility sight = vis;
        long budget = limits.steps();
        while (!next.isEmpty()) {
            long[] steps = {0};
            List<LotNode> found = (backward ? GenealogySql.BACKWARD : GenealogySql.FORWARD).bind(sight)
                    .bind("roots", next.keySet().toArray(UUID[]::new))
                    .bind("bases", next.values().stream().map(String::valueOf).toArray(String[]::new))
                    .bind("depth", limits.depth()).bind("steps", budget).list(c, rs -> {
                        steps[0] = rs.getLong("steps");
                        return LotNode.MAPPER.map(rs);
                    });
            limits.checkWalk(found, steps[0], budget);
            budget -= steps[0];
            List<LotNode> fresh = found.stream().filter(l -> !g.has(l.key())).toList();
            if (fresh.isEmpty()) {
                break;
            }
            hops(c, sight, g, fresh, backward);
            all.addAll(fresh);
            next = cross ? Crossings.follow(c, vis, g, fresh, backward, limits) : Map.of();
            sight = Visibility.ALL;
        }
        return all;
    }

    /** Adds {@code lots} to the trace with the links among them and their hand-overs. */
    private static void hops(Connection c, Visibility sight, TraceGraph g, List<LotNode> lots, boolean backward)
            throws SQLException {
        Map<UUID, LotNode> byId = new LinkedHashMap<>();
        lots.forEach(l -> {
            byId.put(l.id(), l);
            g.lot(l);
        });
        UUID[] ids = byId.keySet().toArray(UUID[]::new);
        // backward: a lot's receipts count up to the birth of the last of its children in the trace
        Map<UUID, Instant> until = new HashMap<>();
        GenealogySql.LINKS.bind("ids", ids).list(c, rs -> {
            LotNode parent = byId.get(rs.getObject("parent_lot_id", UUID.class));
            LotNode child = byId.get(rs.getObject("child_lot_id", UUID.class));
            until.merge(parent.id(), child.bornAt(), (a, b) -> a.isAfter(b) ? a : b);
            g.edge(parent.key(), child.key(), "transformed", rs.getBigDecimal("quantity"), parent.uom())
                    .put("event_id", rs.getString("event_id")).put("event_type", rs.getString("event_type"))
                    .put("transform_kind", rs.getString("transform_kind"))
                    .put("at", Rows.iso(Rows.instant(rs, "event_time")));
            return null;
        });
        handovers(c, sight, g, byId, ids, backward, until);
    }

    /** The plot each harvest batch among {@code ids} came from, and the farm of the plot. */
    private static void origins(Connection c, TraceGraph g, UUID[] ids) throws SQLException {
        GenealogySql.BATCH_ORIGINS.bind("ids", ids).list(c, rs -> {
            UUID batch = rs.getObject("batch_id", UUID.class);
            Party farm = Party.of(rs);
            String plot = g.plot(rs.getString("plot_id"), rs.getString("plot_name"), farm == null ? null : farm.id());
            g.edge(plot, "lot:" + batch, "harvested", rs.getBigDecimal("quantity"), rs.getString("uom"))
                    .put("at", Rows.iso(Rows.instant(rs, "born_at")));
            if (farm != null) {
                g.once(g.party(farm), plot, "farms");
            }
            return null;
        });
    }

    /** Backward: who each lot was received from; forward: every party any of it was shipped or delivered to. */
    private static void handovers(Connection c, Visibility vis, TraceGraph g, Map<UUID, LotNode> byId, UUID[] ids,
                                  boolean backward, Map<UUID, Instant> until) throws SQLException {
        String[] kinds = backward ? new String[] {"receive"} : new String[] {"ship", "deliver"};
        GenealogySql.HANDOVERS.bind(vis).bind("ids", ids).bind("kinds", kinds).list(c, rs -> {
            LotNode lot = byId.get(rs.getObject("lot_id", UUID.class));
            Party party = Party.of(rs);
            Instant at = Rows.instant(rs, "at");
            Instant last = until.get(lot.id());
            if (party == null || backward && lot.depth() > 0 && last != null && at.isAfter(last)) {
                return null;
            }
            String p = g.party(party);
            String kind = rs.getString("kind");
            JsonObject e = backward ? g.edge(p, lot.key(), "received", rs.getBigDecimal("quantity"), lot.uom())
                    : g.edge(lot.key(), p, kind.equals("ship") ? "shipped" : "delivered",
                    rs.getBigDecimal("quantity"), lot.uom());
            e.put("event_id", rs.getString("event_id")).put("at", Rows.iso(at)).put("continues_in_org", null);
            if (backward) {
                e.put("acceptance", rs.getString("acceptance"))
                        .put("rejected", Rows.quantity(rs.getBigDecimal("rejected")));
            }
            return null;
        });
    }

    /** Forward: each party any of it went to, with the quantities shipped and delivered to it, per unit. */
    private static JsonArray recipients(TraceGraph g) {
        Map<String, JsonObject> byParty = new LinkedHashMap<>();
        for (Object o : g.edges()) {
            JsonObject e = (JsonObject) o;
            String kind = e.getString("kind");
            if (!kind.equals("shipped") && !kind.equals("delivered")) {
                continue;
            }
            JsonObject party = g.node(e.getString("to"));
            JsonObject r = byParty.computeIfAbsent(party.getString("id"), k -> new JsonObject()
                    .put("party", party).put("shipped", new JsonObject()).put("delivered", new JsonObject())
                    .put("lots", new JsonArray()));
            JsonObject sums = r.getJsonObject(kind);
            BigDecimal q = new BigDecimal(e.getValue("quantity").toString());
            String uom = e.getString("uom");
            sums.put(uom, Rows.quantity(q.add(sums.containsKey(uom) ? new BigDecimal(sums.getValue(uom).toString())
                    : BigDecimal.ZERO)));
            if (!r.getJsonArray("lots").contains(e.getString("from"))) {
                r.getJsonArray("lots").add(e.getString("from"));
            }
        }
        return new JsonArray(new java.util.ArrayList<>(byParty.values()));
    }

    /** {@code id} as a UUID, or null when it is none (and so names no lot). */
    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
