package io.coldtrace.api.recall;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A case as QA reads it: the case, its frozen scope with the hash and whether the scope still hashes to it, the
 * status history, notices, acknowledgements, effectiveness (quantity accounted for, returned + destroyed by the
 * acknowledgements that stand, over the quantity the buyers got, per unit) and the time from opening to a complete
 * scope against the BRCGS (4 h) and FDA FSMA 204 (24 h) limits.
 */
final class CaseReport {
    static final Duration BRCGS = Duration.ofHours(4);
    static final Duration FDA = Duration.ofHours(24);

    /** A stored case. */
    record Case(UUID id, String orgId, String kind, String reason, String seeds, String openedBy, Instant openedAt,
                String scope, String scopeSha256, Instant scopeComputedAt, String status, Instant statusAt) {
        static final RowMapper<Case> MAPPER = rs -> new Case(rs.getObject("id", UUID.class), rs.getString("org_id"),
                rs.getString("kind"), rs.getString("reason"), rs.getString("seeds"), rs.getString("opened_by"),
                Rows.instant(rs, "opened_at"), rs.getString("scope"), rs.getString("scope_sha256"),
                Rows.instant(rs, "scope_computed_at"), rs.getString("status"), Rows.instant(rs, "status_at"));

        boolean drill() {
            return kind.equals("drill");
        }

        JsonObject scopeJson() {
            return new JsonObject(scope);
        }
    }

    /** An acknowledgement row; it counts unless a later row superseded it. */
    record Ack(long id, String partyId, UUID lotId, BigDecimal returned, BigDecimal destroyed, Instant at,
               String recordedBy, Instant recordedAt, String note, Long supersedes, Long supersededBy) {
        static final RowMapper<Ack> MAPPER = rs -> new Ack(rs.getLong("id"), rs.getString("party_id"),
                rs.getObject("lot_id", UUID.class), rs.getBigDecimal("returned"), rs.getBigDecimal("destroyed"),
                Rows.instant(rs, "acknowledged_at"), rs.getString("recorded_by"), Rows.instant(rs, "recorded_at"),
                rs.getString("note"), (Long) rs.getObject("supersedes"), (Long) rs.getObject("superseded_by"));

        boolean stands() {
            return supersededBy == null;
        }

        BigDecimal accounted() {
            return returned.add(destroyed);
        }

        JsonObject toJson() {
            return new JsonObject().put("id", id).put("party_id", partyId)
                    .put("lot_id", lotId == null ? null : lotId.toString()).put("returned", Rows.quantity(returned))
                    .put("destroyed", Rows.quantity(destroyed)).put("acknowledged_at", Rows.iso(at))
                    .put("recorded_by", recordedBy).put("recorded_at", Rows.iso(recordedAt)).put("note", note)
                    .put("supersedes", supersedes).put("superseded_by", supersededBy).put("counts", stands());
        }
    }

    private CaseReport() {
    }

    static Optional<Case> find(Connection c, Visibility vis, String id) throws SQLException {
        UUID uuid = uuid(id);
        return uuid == null ? Optional.empty() : RecallSql.CASE.bind(vis).bind("id", uuid).first(c, Case.MAPPER);
    }

    static List<Ack> acks(Connection c, UUID caseId) throws SQLException {
        return RecallSql.ACKS.bind("case", caseId).list(c, Ack.MAPPER);
    }

    static JsonObject read(Connection c, Case k) throws SQLException {
        JsonObject scope = k.scopeJson();
        String recomputed = Scope.sha256(k.scope());
        JsonArray events = new JsonArray();
        RecallSql.EVENTS.bind("case", k.id()).list(c, rs -> events.add(new JsonObject()
                .put("at", Rows.iso(Rows.instant(rs, "at"))).put("actor", rs.getString("actor"))
                .put("status", rs.getString("status")).put("note", rs.getString("note"))));
        JsonArray notices = new JsonArray();
        RecallSql.NOTICES.bind("case", k.id()).list(c, rs -> notices.add(new JsonObject().put("id", rs.getLong("id"))
                .put("party_id", rs.getString("party_id")).put("created_at", Rows.iso(Rows.instant(rs, "created_at")))
                .put("webhook_deliveries", rs.getLong("deliveries")).put("delivered", rs.getLong("delivered"))));
        List<Ack> acks = acks(c, k.id());
        JsonArray ackJson = new JsonArray();
        acks.forEach(a -> ackJson.add(a.toJson()));
        Duration elapsed = Duration.between(k.openedAt(), k.scopeComputedAt());
        return new JsonObject().put("id", k.id().toString()).put("org_id", k.orgId()).put("kind", k.kind())
                .put("drill", k.drill()).put("reason", k.reason()).put("status", k.status())
                .put("status_at", Rows.iso(k.statusAt())).put("opened_by", k.openedBy())
                .put("opened_at", Rows.iso(k.openedAt())).put("scope_computed_at", Rows.iso(k.scopeComputedAt()))
                .put("holds", !k.drill() && !k.status().equals("released"))
                .put("elapsed_to_scope", new JsonObject().put("ms", elapsed.toMillis())
                        .put("within_brcgs_4h", elapsed.compareTo(BRCGS) <= 0)
                        .put("within_fda_24h", elapsed.compareTo(FDA) <= 0))
                .put("scope_sha256", k.scopeSha256()).put("scope_verified", recomputed.equals(k.scopeSha256()))
                .put("scope", scope).put("history", events).put("notices", notices).put("acknowledgements", ackJson)
                .put("effectiveness", effectiveness(scope, acks));
    }

    /** Per unit: what the buyers got, what the standing acknowledgements account for, and the ratio; per buyer too. */
    static JsonObject effectiveness(JsonObject scope, List<Ack> acks) {
        Map<String, BigDecimal[]> total = new LinkedHashMap<>();
        JsonArray buyers = new JsonArray();
        Map<String, String> uomOfLot = new HashMap<>();
        for (Object o : scope.getJsonArray("lots")) {
            JsonObject l = (JsonObject) o;
            uomOfLot.put(l.getString("lot_id"), l.getString("uom"));
        }
        Scope.received(scope).forEach((party, lots) -> {
            Map<String, BigDecimal[]> mine = new LinkedHashMap<>();
            for (Scope.Received r : lots) {
                add(mine, r.uom(), r.quantity(), BigDecimal.ZERO);
                add(total, r.uom(), r.quantity(), BigDecimal.ZERO);
            }
            boolean acknowledged = false;
            for (Ack a : acks) {
                if (!a.stands() || !a.partyId().equals(party)) {
                    continue;
                }
                acknowledged = true;
                if (a.lotId() != null) {
                    String uom = uomOfLot.get(a.lotId().toString());
                    add(mine, uom, BigDecimal.ZERO, a.accounted());
                    add(total, uom, BigDecimal.ZERO, a.accounted());
                }
            }
            buyers.add(new JsonObject().put("party_id", party).put("acknowledged", acknowledged)
                    .put("by_uom", json(mine)));
        });
        return new JsonObject().put("by_uom", json(total)).put("buyers", buyers);
    }

    private static void add(Map<String, BigDecimal[]> m, String uom, BigDecimal shipped, BigDecimal accounted) {
        BigDecimal[] s = m.computeIfAbsent(uom, u -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        s[0] = s[0].add(shipped);
        s[1] = s[1].add(accounted);
    }

    private static JsonObject json(Map<String, BigDecimal[]> m) {
        JsonObject out = new JsonObject();
        m.forEach((uom, s) -> out.put(uom, new JsonObject().put("shipped", Rows.quantity(s[0]))
                .put("accounted", Rows.quantity(s[1])).put("ratio", s[0].signum() == 0 ? null
                        : s[1].divide(s[0], 4, RoundingMode.HALF_UP).doubleValue())));
        return out;
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
