package io.coldtrace.api.audit;

import io.coldtrace.api.certifications.CertificationRow;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.events.EventRow;
import io.coldtrace.api.events.LotRecordCheck;
import io.coldtrace.api.http.Csv;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data files of a pack, each made only from {@link AuditData} in a fixed order (events by seq, custody by lot
 * code, certifications by id), so the same data and as-of time give the same bytes. JSON is pretty-printed UTF-8,
 * CSV RFC 4180 with CRLF.
 */
final class AuditFiles {
    static final String[] EVENT_COLUMNS = {"seq", "id", "org_id", "type", "event_time", "event_tz_offset",
        "site_id", "unit_id", "plot_id", "party_id", "client_event_id", "recorded_by", "recorded_at",
        "late_recorded", "corrects_event_id", "correction_reason", "corrected_by", "prev_hash", "hash", "body"};
    static final String[] CUSTODY_COLUMNS = {"lot_code", "leg_lot_code", "depth", "place_kind", "place_id",
        "place_name", "from", "to", "open", "minutes", "quantity", "readings", "expected_readings", "completeness",
        "min_c", "max_c", "mean_c", "mkt_c", "above_minutes", "below_minutes", "unmonitored_minutes", "source",
        "verdict", "verdict_en", "verdict_zh"};

    private AuditFiles() {
    }

    /** File name → content, sorted by name. */
    static Map<String, byte[]> of(AuditData d) {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("events.json", json(header(d).put("count", d.events().size()).put("events", eventsJson(d))));
        files.put("events.csv", eventsCsv(d.events()));
        JsonArray custody = new JsonArray();
        d.custody().forEach(custody::add);
        files.put("custody.json", json(header(d).put("lots", custody)));
        files.put("custody.csv", custodyCsv(d.custody()));
        JsonArray certs = new JsonArray();
        d.certifications().forEach(x -> certs.add(x.toJson()));
        files.put("certifications.json", json(header(d).put("certifications", certs)));
        files.put("certifications.csv", certificationsCsv(d.certifications()));
        files.put("chain-verification.json", json(header(d).put("verification", verification(d))));
        if (d.recall() != null) {
            JsonObject report = d.recall().report().copy();
            report.remove("scope");
            files.put("recall-case.json", json(report));
            // the canonical text: its SHA-256 is the case's scope_sha256
            files.put("recall-scope.json", d.recall().canonicalScope().getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    static JsonObject header(AuditData d) {
        return new JsonObject().put("subject", new JsonObject().put("kind", d.subject().kind())
                .put("id", d.subject().id()).put("code", d.subject().code()).put("org_id", d.subject().orgId()))
                .put("as_of", Rows.iso(d.asOf()));
    }

    /** The chain check: the method, its result, and every event it checked. */
    static JsonObject verification(AuditData d) {
        LotRecordCheck.Result r = d.check();
        JsonArray checked = new JsonArray();
        for (AuditData.Event e : d.events()) {
            checked.add(new JsonObject().put("seq", e.row().seq()).put("id", e.row().id().toString())
                    .put("prev_hash", e.row().prevHash()).put("hash", e.row().hash()));
        }
        Long failedSeq = r.failed() == null ? null : d.events().stream().filter(e -> e.row().id().equals(r.failed()))
                .map(e -> e.row().seq()).findFirst().orElse(null);
        return new JsonObject().put("result", r.verified() ? "verified" : "not_verified")
                .put("verified", r.verified()).put("checked", r.checked()).put("missing", r.missing())
                .put("first_mismatch", r.failed() == null && r.reason() == null ? null : new JsonObject()
                        .put("event_id", r.failed() == null ? null : r.failed().toString()).put("seq", failedSeq)
                        .put("reason", r.reason()))
                .put("method", "each event's hash recomputed from its stored fields (SHA-256 of the previous hash "
                        + "and the canonical form, core.ledger.EventChain) and its prev_hash compared with the hash "
                        + "of the event before it in its organisation's chain; events cut from the end of the chain "
                        + "are seen by GET /api/v1/events/verify and the anchors, not here")
                .put("events", checked);
    }

    private static JsonArray eventsJson(AuditData d) {
        JsonArray a = new JsonArray();
        for (AuditData.Event e : d.events()) {
            a.add(e.row().toJson().put("corrected_by", e.correctedBy() == null ? null : e.correctedBy().toString()));
        }
        return a;
    }

    private static byte[] eventsCsv(List<AuditData.Event> events) {
        StringBuilder b = new StringBuilder();
        Csv.append(b, (Object[]) EVENT_COLUMNS);
        for (AuditData.Event x : events) {
            EventRow e = x.row();
            Csv.append(b, e.seq(), e.id(), e.orgId(), e.type(), Rows.iso(e.eventTime()), e.eventTzOffset(),
                    e.siteId(), e.unitId(), e.plotId(), e.partyId(), e.clientEventId(), e.recordedBy(),
                    Rows.iso(e.recordedAt()), e.lateRecorded(), e.correctsEventId(), e.correctionReason(),
                    x.correctedBy(), e.prevHash(), e.hash(), new JsonObject(e.body()).encode());
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] custodyCsv(List<JsonObject> custody) {
        StringBuilder b = new StringBuilder();
        Csv.append(b, (Object[]) CUSTODY_COLUMNS);
        for (JsonObject lot : custody) {
            for (Object o : lot.getJsonArray("legs")) {
                JsonObject l = (JsonObject) o;
                JsonObject p = l.getJsonObject("place");
                JsonObject v = l.getJsonObject("verdict");
                Csv.append(b, lot.getString("code"), l.getString("lot_code"), l.getValue("depth"),
                        p.getString("kind"), p.getString("id"), p.getString("name"), l.getString("from"),
                        l.getString("to"), l.getBoolean("open"), l.getValue("minutes"), l.getString("quantity"),
                        l.getValue("readings"), l.getValue("expected_readings"), l.getValue("completeness"),
                        l.getValue("min_c"), l.getValue("max_c"), l.getValue("mean_c"), l.getValue("mkt_c"),
                        l.getValue("above_minutes"), l.getValue("below_minutes"), l.getValue("unmonitored_minutes"),
                        l.getString("source"), v.getString("status"), v.getString("en"), v.getString("zh"));
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] certificationsCsv(List<CertificationRow> certs) {
        StringBuilder b = new StringBuilder();
        Csv.append(b, "id", "party_id", "product_id", "kind", "number", "issuer", "valid_from", "valid_to", "status",
                "supersedes", "superseded_by");
        for (CertificationRow x : certs) {
            Csv.append(b, x.id(), x.partyId(), x.productId(), x.kind(), x.number(), x.issuer(), x.validFrom(),
                    x.validTo(), x.status(), x.supersedes(), x.supersededBy());
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] json(JsonObject o) {
        return (o.encodePrettily() + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
