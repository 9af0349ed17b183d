package io.coldtrace.api.recall;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.custody.Exposure;
import io.coldtrace.api.db.Sql;
import io.coldtrace.api.events.Holds;
import io.coldtrace.api.genealogy.Forward;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.orgs.OrgQueries;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /api/v1/recalls}: one seed (lots by id or code, an exposure of a unit over a window, or an alarm's
 * exposure), a reason and whether it is a drill. The seeds are resolved, the scope computed from their forward trace
 * and frozen with its hash in the same transaction; a recall (not a drill) locks its organisation's chain head while
 * it does, so the holds it starts take effect before any later ship or deliver is appended.
 */
record CaseOpening(String org, String reason, boolean drill, List<String> lots, String unitId, Instant from,
                   Instant to, Long alarmId) {
    static final Set<String> FIELDS = Set.of("org_id", "lots", "exposure", "alarm_id", "reason", "drill");
    static final int MAX_SEED_LOTS = 5_000;

    static CaseOpening parse(JsonObject body, Visibility vis) {
        JsonBody b = JsonBody.of(body, FIELDS);
        String org = vis.owner(b.optText("org_id", 64));
        String reason = b.text("reason", 2000);
        boolean drill = b.optBool("drill", false);
        int seeds = (b.has("lots") ? 1 : 0) + (b.has("exposure") ? 1 : 0) + (b.has("alarm_id") ? 1 : 0);
        if (seeds != 1) {
            throw ClientError.invalid(b.has("lots") ? "exposure" : "lots", "name exactly one seed: lots, exposure "
                    + "(unit_id, from, to) or alarm_id" + (seeds > 1 ? "; this names " + seeds : ""));
        }
        if (b.has("lots")) {
            Object v = body.getValue("lots");
            if (!(v instanceof JsonArray a) || a.isEmpty() || a.size() > MAX_SEED_LOTS) {
                throw ClientError.invalid("lots", "lots must be an array of 1.." + MAX_SEED_LOTS + " lot ids or codes");
            }
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                if (!(a.getValue(i) instanceof String s) || s.isBlank() || s.length() > 64) {
                    throw ClientError.invalid("lots[" + i + "]", "a lot id or code of 1..64 characters");
                }
                keys.add(s);
            }
            return new CaseOpening(org, reason, drill, keys, null, null, null, null);
        }
        if (b.has("exposure")) {
            JsonObject e = b.optObject("exposure");
            if (e == null) {
                throw ClientError.invalid("exposure", "exposure must be an object {unit_id, from, to}");
            }
            try {
                JsonBody x = JsonBody.of(e, Set.of("unit_id", "from", "to"));
                Instant from = x.optInstant("from");
                Instant to = x.optInstant("to");
                String unit = x.text("unit_id", 64);
                if (from == null || to == null) {
                    throw ClientError.invalid(from == null ? "from" : "to", "from and to are required");
                }
                return new CaseOpening(org, reason, drill, null, unit, from, to, null);
            } catch (ClientError err) {
                throw err.within("exposure");
            }
        }
        Integer alarm = b.optInt("alarm_id");
        if (alarm == null || alarm < 1) {
            throw ClientError.invalid("alarm_id", "alarm_id must be an alarm's id");
        }
        return new CaseOpening(org, reason, drill, null, null, null, null, alarm.longValue());
    }

    /** Opens the case: resolves the seeds, computes and freezes the scope; its id. */
    UUID open(Connection c, String by, Instant openedAt, java.time.Clock clock) throws SQLException {
        OrgQueries.requireExists(c, org, "org_id");
        if (!drill) {
            Holds.lockLedger(c, org);
        }
        Visibility vis = Visibility.org(org);
        JsonObject seeds = new JsonObject();
        Map<UUID, String> roots = lots != null ? byKey(c, seeds) : exposed(c, vis, seeds, clock);
        String field = lots != null ? "lots" : unitId != null ? "exposure" : "alarm_id";
        if (roots.isEmpty()) {
            throw ClientError.invalid(field, "no lot was in the unit in that window: nothing to recall");
        }
        JsonObject forward = Forward.of(c, vis, roots.keySet().toArray(UUID[]::new), field);
        Set<String> seedIds = new LinkedHashSet<>();
        roots.keySet().forEach(id -> seedIds.add(id.toString()));
        Scope scope = Scope.of(forward, seedIds, seeds);
        String text = scope.json().encode();
        UUID id = UUID.randomUUID();
        Instant computed = clock.instant();
        RecallSql.INSERT_CASE.bind("id", id).bind("org", org).bind("kind", drill ? "drill" : "recall")
                .bind("reason", reason).bind("seeds", seeds.encode()).bind("by", by).bind("opened", openedAt)
                .bind("scope", text).bind("hash", Scope.sha256(text))
                .bind("computed", computed.isBefore(openedAt) ? openedAt : computed).update(c);
        List<Sql.Bound> rows = new ArrayList<>();
        for (Object o : scope.json().getJsonArray("lots")) {
            JsonObject l = (JsonObject) o;
            rows.add(RecallSql.INSERT_LOT.bind("case", id).bind("lot", UUID.fromString(l.getString("lot_id")))
                    .bind("seed", l.getBoolean("seed")).bind("depth", l.getInteger("depth"))
                    .bind("quantity", new java.math.BigDecimal(l.getValue("quantity").toString()))
                    .bind("uom", l.getString("uom")).bind("hold", !drill));
        }
        Sql.batchAll(c, rows);
        RecallSql.INSERT_EVENT.bind("case", id).bind("at", openedAt).bind("by", by).bind("status", "open")
                .bind("note", drill ? "drill: nothing held, no notice" : null).update(c);
        return id;
    }

    private Map<UUID, String> byKey(Connection c, JsonObject seeds) throws SQLException {
        Map<String, UUID> found = new LinkedHashMap<>();
        RecallSql.LOTS_BY_KEY.bind("org", org).bind("keys", lots.toArray(String[]::new)).list(c, rs -> {
            UUID id = rs.getObject("id", UUID.class);
            found.put(id.toString(), id);
            found.put(rs.getString("code"), id);
            return null;
        });
        Map<UUID, String> roots = new LinkedHashMap<>();
        for (int i = 0; i < lots.size(); i++) {
            UUID id = found.get(lots.get(i));
            if (id == null) {
                throw ClientError.invalid("lots[" + i + "]", "no lot " + lots.get(i));
            }
            roots.put(id, lots.get(i));
        }
        seeds.put("lots", new JsonArray(new ArrayList<>(lots)));
        return roots;
    }

    private Map<UUID, String> exposed(Connection c, Visibility vis, JsonObject seeds, java.time.Clock clock)
            throws SQLException {
        Exposure.Report r;
        try {
            r = alarmId != null ? Exposure.ofAlarm(c, vis, alarmId, clock.instant())
                    : Exposure.ofUnit(c, vis, unitId, from, to);
        } catch (ClientError e) {
            String field = alarmId != null ? "alarm_id" : "exposure";
            if (e.status() == 404) {
                throw ClientError.invalid(alarmId != null ? field : field + ".unit_id", e.getMessage());
            }
            throw e.status() == 400 || e.status() == 422 ? ClientError.invalid(
                    alarmId != null || e.field() == null ? field : field + "." + e.field(), e.getMessage()) : e;
        }
        JsonArray exposed = new JsonArray();
        Map<UUID, String> roots = new LinkedHashMap<>();
        for (Exposure.ExposedLot l : r.lots()) {
            if (l.voided()) {
                continue;
            }
            roots.put(l.id(), l.code());
            exposed.add(new JsonObject().put("lot_id", l.id().toString()).put("code", l.code())
                    .put("minutes", Math.round(l.minutes() * 100) / 100.0)
                    .put("minutes_above", Math.round(l.dose().aboveMinutes() * 100) / 100.0)
                    .put("minutes_below", Math.round(l.dose().belowMinutes() * 100) / 100.0)
                    .put("max_c", l.dose().maxC()).put("min_c", l.dose().minC()));
        }
        JsonObject e = new JsonObject().put("unit_id", r.unit().id()).put("from", r.from().toString())
                .put("to", r.to().toString()).put("lots", exposed);
        if (alarmId != null) {
            e.put("alarm_id", alarmId);
        }
        seeds.put("exposure", e);
        return roots;
    }
}
