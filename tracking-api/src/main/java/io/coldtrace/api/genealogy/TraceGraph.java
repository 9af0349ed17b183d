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
    /**
     * A lot or harvest batch the walk reached, {@code depth} hops from the trace's roots (lot_link hops, and one per
     * crossing into another organisation).
     */
    record LotNode(UUID id, String orgId, String code, String kind, String productId, String nameZh, String nameEn,
                   String gtin, String commodity, String variety, String uom, BigDecimal quantity, Instant bornAt,
                   String plotId, String siteId, String siteName, String unitId, String unitName, boolean voided,
                   int depth) {
        static final RowMapper<LotNode> MAPPER = rs -> new LotNode(rs.getObject("id", UUID.class),
                rs.getString("org_id"), rs.getString("code"), rs.getString("kind"), rs.getString("product_id"),
                rs.getString("name_zh"), rs.getString("name_en"), rs.getString("gtin"), rs.getString("commodity"),
                rs.getString("variety"), rs.getString("uom"), rs.getBigDecimal("quantity"), Rows.instant(rs, "born_at"),
                rs.getString("plot_id"), rs.getString("site_id"), rs.getString("site_name"), rs.getString("unit_id"),
                rs.getString("unit_name"), rs.getBoolean("voided"), rs.getInt("depth"));

        String key() {
            return "lot:" + id;
        }

        /**
         * The node; another organisation's lot (reached across a granted crossing) shows only what a trace needs:
         * code, product, quantities and places by name, not the ids of its sites, units and products.
         */
        JsonObject toJson(boolean foreign) {
            JsonObject product = productId == null ? null : new JsonObject().put("id", foreign ? null : productId)
                    .put("name_zh", nameZh).put("name_en", nameEn).put("gtin", gtin);
            JsonObject out = new JsonObject().put("id", key()).put("type", "lot").put("org_id", orgId)
                    .put("lot_id", id.toString()).put("code", code).put("kind", kind).put("product", product)
                    .put("commodity", commodity).put("variety", variety).put("quantity", Rows.quantity(quantity))
                    .put("uom", uom).put("born_at", Rows.iso(bornAt));
            if (!foreign) {
                out.put("plot_id", plotId).put("site_id", siteId).put("unit_id", unitId);
            }
            return out.put("site_name", siteName).put("unit_name", unitName).put("voided", voided).put("depth", depth);
        }
    }

    /** A party (farm, buyer, carrier, …) as the party columns of {@link GenealogySql} give it. */
    record Party(String id, String orgId, String kind, String buyerType, String nameZh, String nameEn,
                 String divisionCode) {
        /** The party of the row, or null when the row names none. */
        static Party of(ResultSet rs) throws SQLException {
            String id = rs.getString("party_id");
            return id == null ? null : new Party(id, rs.getString("party_org"), rs.getString("party_kind"),
                    rs.getString("buyer_type"), rs.getString("party_name_zh"), rs.getString("party_name_en"),
                    rs.getString("division_code"));
        }

        String key() {
            return "party:" + id;
        }

        JsonObject toJson() {
            return new JsonObject().put("id", key()).put("type", "party").put("org_id", orgId).put("party_id", id)
                    .put("kind", kind)
                    .put("buyer_type", buyerType).put("name_zh", nameZh).put("name_en", nameEn)
                    .put("division_code", divisionCode);
        }
    }

    /** The tracing organisation (null: an admin of none, to whom no lot is another's). */
    private final String viewer;
    private final Map<String, JsonObject> nodes = new LinkedHashMap<>();
    private final JsonArray edges = new JsonArray();
    private final java.util.Set<String> structural = new java.util.HashSet<>();

    TraceGraph(String viewer) {
        this.viewer = viewer;
    }

    void lot(LotNode lot) {
        nodes.putIfAbsent(lot.key(), lot.toJson(viewer != null && !viewer.equals(lot.orgId())));
    }

    boolean has(String key) {
        return nodes.containsKey(key);
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
