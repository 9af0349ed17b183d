package io.coldtrace.api.recall;

import io.coldtrace.core.ledger.EventChain;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A case's frozen scope, made from the forward trace of its seed lots: every lot reached (seed or derived, its depth,
 * quantity and unit) and every buyer any went to, with the quantity of each lot the buyer got: what was delivered to
 * it, or, where nothing was delivered yet, what was shipped to it. Parties that are not buyers (carriers) are listed
 * apart and not notified. Its hash is the SHA-256 of its canonical text (sorted keys, compact, plain decimals:
 * {@link EventChain#canonical}), so anyone holding the JSON can recompute it.
 */
record Scope(JsonObject json) {
    /** One lot a buyer received, in the lot's unit. */
    record Received(String lotId, String code, BigDecimal quantity, String uom) {
    }

    static Scope of(JsonObject forward, Set<String> seedIds, JsonObject seeds) {
        JsonArray lots = new JsonArray();
        Map<String, JsonObject> byKey = new LinkedHashMap<>();
        for (Object o : forward.getJsonArray("nodes")) {
            JsonObject n = (JsonObject) o;
            byKey.put(n.getString("id"), n);
            if (n.getString("type").equals("lot")) {
                lots.add(new JsonObject().put("lot_id", n.getString("lot_id")).put("code", n.getString("code"))
                        .put("kind", n.getString("kind")).put("seed", seedIds.contains(n.getString("lot_id")))
                        .put("depth", n.getInteger("depth")).put("quantity", n.getValue("quantity"))
                        .put("uom", n.getString("uom")));
            }
        }
        // (party, lot) → {shipped, delivered}
        Map<String, Map<String, BigDecimal[]>> perParty = new LinkedHashMap<>();
        for (Object o : forward.getJsonArray("edges")) {
            JsonObject e = (JsonObject) o;
            boolean shipped = e.getString("kind").equals("shipped");
            if (!shipped && !e.getString("kind").equals("delivered")) {
                continue;
            }
            BigDecimal[] q = perParty.computeIfAbsent(e.getString("to"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(e.getString("from"), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            q[shipped ? 0 : 1] = q[shipped ? 0 : 1].add(new BigDecimal(e.getValue("quantity").toString()));
        }
        JsonArray buyers = new JsonArray();
        JsonArray others = new JsonArray();
        perParty.forEach((partyKey, byLot) -> {
            JsonObject p = byKey.get(partyKey);
            JsonArray received = new JsonArray();
            byLot.forEach((lotKey, q) -> {
                JsonObject lot = byKey.get(lotKey);
                received.add(new JsonObject().put("lot_id", lot.getString("lot_id")).put("code", lot.getString("code"))
                        .put("quantity", q[1].signum() > 0 ? q[1] : q[0]).put("uom", lot.getString("uom"))
                        .put("shipped", q[0]).put("delivered", q[1]));
            });
            JsonObject party = new JsonObject().put("party_id", p.getString("party_id")).put("kind", p.getString("kind"))
                    .put("name_zh", p.getString("name_zh")).put("name_en", p.getString("name_en"))
                    .put("lots", received);
            ("buyer".equals(p.getString("kind")) ? buyers : others).add(party);
        });
        return new Scope(new JsonObject().put("seeds", seeds).put("lots", lots).put("buyers", buyers)
                .put("other_recipients", others));
    }

    /** The canonical text the hash is taken of. */
    static String canonical(String scopeJson) {
        String wrapped = EventChain.canonical(Map.of("s", new EventChain.Json(scopeJson)));
        return wrapped.substring("{\"s\":".length(), wrapped.length() - 1);
    }

    /** Hex SHA-256 of the canonical text of {@code scopeJson}. */
    static String sha256(String scopeJson) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical(scopeJson).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** What each buyer (by party id) received, from a stored scope. */
    static Map<String, List<Received>> received(JsonObject scope) {
        Map<String, List<Received>> out = new LinkedHashMap<>();
        for (Object o : scope.getJsonArray("buyers")) {
            JsonObject b = (JsonObject) o;
            List<Received> lots = new ArrayList<>();
            for (Object x : b.getJsonArray("lots")) {
                JsonObject l = (JsonObject) x;
                lots.add(new Received(l.getString("lot_id"), l.getString("code"),
                        new BigDecimal(l.getValue("quantity").toString()), l.getString("uom")));
            }
            out.put(b.getString("party_id"), lots);
        }
        return out;
    }
}
