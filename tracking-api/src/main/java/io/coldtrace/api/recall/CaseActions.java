package io.coldtrace.api.recall;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.recall.CaseReport.Ack;
import io.coldtrace.api.recall.CaseReport.Case;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What happens to a case after it is opened, each an appended row: a status change (open → recalled → released, or
 * open → released; a drill may only be released, which ends it), the notices a recall sends each buyer in its scope
 * when it becomes recalled (queued to the organisation's webhooks by the outbox trigger), and a buyer's
 * acknowledgement with the quantities of each lot returned or destroyed.
 */
final class CaseActions {
    static final List<String> STATUSES = List.of("recalled", "released");
    static final Set<String> ACK_FIELDS = Set.of("party_id", "acknowledged_at", "note", "lots", "supersedes");

    private CaseActions() {
    }

    static Case locked(Connection c, Visibility vis, String id) throws SQLException {
        UUID uuid = CaseReport.uuid(id);
        return (uuid == null ? java.util.Optional.<Case>empty()
                : RecallSql.CASE_FOR_UPDATE.bind(vis).bind("id", uuid).first(c, Case.MAPPER))
                .orElseThrow(() -> ClientError.notFound("no recall case " + id));
    }

    static void status(Connection c, Case k, JsonBody body, String by, Instant now) throws SQLException {
        String status = body.text("status", 16);
        if (!STATUSES.contains(status)) {
            throw ClientError.invalid("status", "status must be one of " + STATUSES + ", was '" + status + "'");
        }
        String note = body.optText("note", 2000);
        if (k.drill() && status.equals("recalled")) {
            throw ClientError.conflict("status", "case " + k.id() + " is a drill: it changes no lot's status and "
                    + "sends no notice; release it to end the drill");
        }
        if (k.status().equals("released") || k.status().equals(status)) {
            throw ClientError.conflict("status", "case " + k.id() + " is " + k.status() + ": it cannot become "
                    + status);
        }
        RecallSql.SET_STATUS.bind("status", status).bind("at", now).bind("case", k.id()).bind("from", k.status())
                .update(c);
        RecallSql.INSERT_EVENT.bind("case", k.id()).bind("at", now).bind("by", by).bind("status", status)
                .bind("note", note).update(c);
        if (status.equals("recalled")) {
            notify(c, k, now);
        }
    }

    /** One notice per buyer in scope: the case, the reason and what the buyer got, in Chinese and English. */
    private static void notify(Connection c, Case k, Instant now) throws SQLException {
        for (Object o : k.scopeJson().getJsonArray("buyers")) {
            JsonObject b = (JsonObject) o;
            JsonObject payload = new JsonObject().put("type", "recall").put("case_id", k.id().toString())
                    .put("org_id", k.orgId()).put("reason", k.reason()).put("recalled_at", Rows.iso(now))
                    .put("scope_sha256", k.scopeSha256())
                    .put("buyer", new JsonObject().put("party_id", b.getString("party_id"))
                            .put("name_zh", b.getString("name_zh")).put("name_en", b.getString("name_en")))
                    .put("lots", b.getJsonArray("lots"))
                    .put("message_zh", "召回通知：以下批次已被召回，请停止销售并退回或销毁，并确认数量。")
                    .put("message_en", "Recall notice: the lots below are recalled; stop selling them, return or "
                            + "destroy them and acknowledge the quantities.");
            RecallSql.INSERT_NOTICE.bind("case", k.id()).bind("org", k.orgId()).bind("party", b.getString("party_id"))
                    .bind("payload", payload.encode()).bind("at", now).update(c);
        }
    }

    /** Records an acknowledgement (one row per lot item, or one without a lot); the ids stored. */
    static JsonArray acknowledge(Connection c, Case k, JsonObject json, String by, Instant now) throws SQLException {
        JsonBody b = JsonBody.of(json, ACK_FIELDS);
        String party = b.text("party_id", 64);
        List<Scope.Received> received = Scope.received(k.scopeJson()).get(party);
        if (received == null) {
            throw ClientError.invalid("party_id", "party " + party + " is not a buyer in the scope of case " + k.id());
        }
        Instant at = b.optInstant("acknowledged_at");
        if (at != null && at.isAfter(now)) {
            throw ClientError.invalid("acknowledged_at", "acknowledged_at is in the future: " + at);
        }
        String note = b.optText("note", 2000);
        Integer supersedesInt = b.optInt("supersedes");
        Long supersedes = supersedesInt == null ? null : supersedesInt.longValue();
        List<Ack> acks = CaseReport.acks(c, k.id());
        if (supersedes != null) {
            Ack old = acks.stream().filter(a -> a.id() == supersedes && a.partyId().equals(party)).findFirst()
                    .orElseThrow(() -> ClientError.invalid("supersedes", "no acknowledgement " + supersedes
                            + " of party " + party + " in case " + k.id()));
            if (!old.stands()) {
                throw ClientError.conflict("supersedes", "acknowledgement " + supersedes + " was superseded by "
                        + old.supersededBy() + ": correct that one instead");
            }
        }
        List<Object[]> rows = items(json, received, acks, party, supersedes);
        if (supersedes != null && rows.size() > 1) {
            throw ClientError.invalid("lots", "a correction (supersedes) replaces one row: name at most one lot");
        }
        if (rows.isEmpty()) {
            rows.add(new Object[] {null, BigDecimal.ZERO, BigDecimal.ZERO});
        }
        JsonArray ids = new JsonArray();
        for (Object[] r : rows) {
            ids.add(RecallSql.INSERT_ACK.bind("case", k.id()).bind("party", party).bind("lot", r[0])
                    .bind("returned", r[1]).bind("destroyed", r[2]).bind("at", at == null ? now : at).bind("by", by)
                    .bind("recorded", now).bind("note", note).bind("supersedes", supersedes)
                    .first(c, rs -> rs.getLong(1)).orElseThrow());
        }
        return ids;
    }

    /** {lot id, returned, destroyed} per item, each within what the buyer got of the lot less what is accounted. */
    private static List<Object[]> items(JsonObject json, List<Scope.Received> received, List<Ack> acks, String party,
                                        Long supersedes) {
        List<Object[]> rows = new ArrayList<>();
        Object v = json.getValue("lots");
        if (v == null) {
            return rows;
        }
        if (!(v instanceof JsonArray a) || a.size() > 500) {
            throw ClientError.invalid("lots", "lots must be an array of at most 500 {lot, returned, destroyed}");
        }
        for (int i = 0; i < a.size(); i++) {
            String field = "lots[" + i + "]";
            if (!(a.getValue(i) instanceof JsonObject item)) {
                throw ClientError.invalid(field, "an object {lot, returned, destroyed}");
            }
            try {
                JsonBody x = JsonBody.of(item, Set.of("lot", "returned", "destroyed"));
                String lot = x.text("lot", 64);
                Scope.Received r = received.stream().filter(g -> g.lotId().equals(lot) || g.code().equals(lot))
                        .findFirst().orElseThrow(() -> ClientError.invalid("lot", "party " + party + " got no lot "
                                + lot + " in this case's scope"));
                BigDecimal returned = quantity(x, "returned");
                BigDecimal destroyed = quantity(x, "destroyed");
                BigDecimal already = acks.stream().filter(g -> g.stands() && g.partyId().equals(party)
                                && g.lotId() != null && g.lotId().toString().equals(r.lotId())
                                && (supersedes == null || g.id() != supersedes))
                        .map(Ack::accounted).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (already.add(returned).add(destroyed).compareTo(r.quantity()) > 0) {
                    throw ClientError.invalid(returned.signum() > 0 ? "returned" : "destroyed", "party " + party
                            + " got " + r.quantity().toPlainString()
                            + " " + r.uom() + " of lot " + r.code() + "; " + already.toPlainString()
                            + " is accounted for already, so at most " + r.quantity().subtract(already)
                            .toPlainString() + " more can be returned or destroyed");
                }
                rows.add(new Object[] {UUID.fromString(r.lotId()), returned, destroyed});
            } catch (ClientError err) {
                throw err.within(field);
            }
        }
        return rows;
    }

    private static BigDecimal quantity(JsonBody x, String field) {
        Double d = x.optNumber(field);
        if (d == null) {
            return BigDecimal.ZERO;
        }
        if (d < 0 || d > 1e9) {
            throw ClientError.invalid(field, field + " must be a quantity 0..1,000,000,000 in the lot's unit");
        }
        return BigDecimal.valueOf(d).setScale(3, java.math.RoundingMode.HALF_UP);
    }

    static Map<String, List<Scope.Received>> received(Case k) {
        return Scope.received(k.scopeJson());
    }
}
