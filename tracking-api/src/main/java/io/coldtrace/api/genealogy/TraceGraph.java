package io.coldtrace.api.genealogy;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A trace as a graph: nodes (lots and harvest batches, plots, parties), each once under its id ({@code lot:<uuid>},
 * {@code plot:<id>}, {@code party:<id>}), and edges with the quantity that went along them, in the unit of the lot
 * it is counted in.
 */
final class TraceGraph {
    /** A lot or harvest batch the walk reached, {@code depth} lot_link hops from the trace's roots. */
    record LotNode(UUID id, String code, String kind, String productId, String nameZh, String nameEn,
                   String commodity, String variety, String uom, BigDecimal quantity, Instant bornAt, String plotId,
                   String siteId, String unitId, boolean voided, int depth) {
        static final RowMapper<LotNode> MAPPER = rs -> new LotNode(rs.getObject("id", UUID.class),
                rs.getString("code"), rs.getString("kind"), rs.getString("product_id"), rs.getString("name_zh"),
                rs.getString("name_en"), rs.getString("commodity"), rs.getString("variety"), rs.getString("uom"),
                rs.getBigDecimal("quantity"), Rows.instant(rs, "born_at"), rs.getString("plot_id"),
                rs.getString("site_id"), rs.getString("unit_id"), rs.getBoolean("voided"), rs.getInt("depth"));

        String key() {
            return "lot:" + id;
        }

        JsonObject toJson() {
            return new JsonObject().put("id", key()).put("type", "lot").put("lot_id", id.toString()).put("code", code)
                    .put("kind", kind).put("product", productId == null ? null : new JsonObject().put("id", productId)
                            .put("name_zh", nameZh).put("name_en", nameEn))
                    .put("commodity", commodity).put("variety", variety).put("quantity", Rows.quantity(quantity))
                    .put("uom", uom).put("born_at", Rows.iso(bornAt)).put("plot_id", plotId).put("site_id", siteId)
                    .put("unit_id", unitId).put("voided", voided).put("depth", depth);
        }
    }

    /** A party (farm, buyer, carrier, …) as the party columns of {@link GenealogySql} give it. */
    record Party(String id, String kind, String buyerType, String nameZh, String nameEn, String divisionCode) {
        /** The party of the row, or null when the row names none. */
        static Party of(ResultSet rs) throws SQLException {
            String id = rs.getString("party_id");
            return id == null ? null : new Party(id, rs.getString("party_kind"), rs.getString("buyer_type"),
                    rs.getString("party_name_zh"), rs.getString("party_name_en"), rs.getString("division_code"));
        }

        String key() {
            return "party:" + id;
        }

        JsonObject toJson() {
            return new JsonObject().put("id", key()).put("type", "party").put("party_id", id).put("kind", kind)
                    .put("buyer_type", buyerType).put("name_zh", nameZh).put("name_en", nameEn)
                    .put("division_code", divisionCode);
        }
    }

    private final Map<String, JsonObject> nodes = new LinkedHashMap<>();
    private final JsonArray edges = new JsonArray();
    private final java.util.Set<String> structural = new java.util.HashSet<>();

    void lot(LotNode lot) {
        nodes.putIfAbsent(lot.key(), lot.toJson());
    }

    /** Adds the party (once) and returns its node id. */
    String party(Party p) {
        nodes.putIfAbsent(p.key(), p.toJson());
        return p.key();
    }

    /** Adds the plot (once) and returns its node id. */
    String plot(String id, String name, String partyId) {
        String key = "plot:" + id;
        nodes.putIfAbsent(key, new JsonObject().put("id", key).put("type", "plot").put("plot_id", id)
                .put("name", name).put("party_id", partyId));
        return key;
    }

    /** Adds an edge of {@code kind}; {@code quantity} (may be null) is counted in {@code uom}. */
    JsonObject edge(String from, String to, String kind, BigDecimal quantity, String uom) {
        JsonObject e = new JsonObject().put("from", from).put("to", to).put("kind", kind);
        if (quantity != null) {
            e.put("quantity", Rows.quantity(quantity)).put("uom", uom);
        }
        edges.add(e);
        return e;
    }

    /** Adds an edge without a quantity ({@code farms}) unless it is there already. */
    void once(String from, String to, String kind) {
        if (structural.add(from + " " + to + " " + kind)) {
            edge(from, to, kind, null, null);
        }
    }

    JsonObject node(String key) {
        return nodes.get(key);
    }

    JsonArray edges() {
        return edges;
    }

    int size() {
        return nodes.size();
    }

    JsonObject toJson() {
        return new JsonObject().put("nodes", new JsonArray(new java.util.ArrayList<>(nodes.values())))
                .put("edges", edges);
    }
}
