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
import java.util.UUID;

/**
 * The contents of a pack's data files, each in a fixed order (events by seq, custody by lot code, certifications by
 * id), so the same data and as-of time give the same bytes: the small files whole, the long ones a row at a time for
 * {@link PackParts}. JSON is pretty-printed UTF-8, CSV RFC 4180 with CRLF.
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

    /** What every file's JSON starts with: the subject and the as-of time. */
    static JsonObject header(AuditData d) {
        return new JsonObject().put("subject", new JsonObject().put("kind", d.subject().kind())
                .put("id", d.subject().id()).put("code", d.subject().code()).put("org_id", d.subject().orgId()))
                .put("as_of", Rows.iso(d.asOf()));
    }

    /** The chain check: the method and its result; chain-verification.json adds every event checked. */
    static JsonObject verification(AuditData d) {
        LotRecordCheck.Result r = d.check();
        return new JsonObject().put("result", r.verified() ? "verified" : "not_verified")
                .put("verified", r.verified()).put("checked", r.checked()).put("missing", r.missing())
                .put("first_mismatch", r.failed() == null && r.reason() == null ? null : new JsonObject()
                        .put("event_id", r.failed() == null ? null : r.failed().toString()).put("seq", d.failedSeq())
                        .put("reason", r.reason()))
                .put("method", "each event's hash recomputed from its stored fields (SHA-256 of the previous hash "
                        + "and the canonical form, core.ledger.EventChain) and its prev_hash compared with the hash "
                        + "of the event before it in its organisation's chain; events cut from the end of the chain "
                        + "are seen by GET /api/v1/events/verify and the anchors, not here");
    }

    /** An event as chain-verification.json lists it. */
    static JsonObject checked(EventRow e) {
        return new JsonObject().put("seq", e.seq()).put("id", e.id().toString()).put("prev_hash", e.prevHash())
                .put("hash", e.hash());
    }

    /** An event as events.json lists it. */
    static JsonObject event(EventRow e, UUID correctedBy) {
        return e.toJson().put("corrected_by", correctedBy == null ? null : correctedBy.toString());
    }

    /** An event's line of events.csv. */
    static void eventCsv(StringBuilder b, EventRow e, UUID correctedBy) {
        Csv.append(b, e.seq(), e.id(), e.orgId(), e.type(), Rows.iso(e.eventTime()), e.eventTzOffset(),
                e.siteId(), e.unitId(), e.plotId(), e.partyId(), e.clientEventId(), e.recordedBy(),
                Rows.iso(e.recordedAt()), e.lateRecorded(), e.correctsEventId(), e.correctionReason(),
                correctedBy, e.prevHash(), e.hash(), new JsonObject(e.body()).encode());
    }

    /** A lot's lines of custody.csv, one per leg ({@code lot} as custody.json holds it). */
    static void custodyCsv(StringBuilder b, JsonObject lot) {
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

    static byte[] certificationsJson(AuditData d) {
        JsonArray certs = new JsonArray();
        d.certifications().forEach(x -> certs.add(x.toJson()));
        return json(header(d).put("certifications", certs));
    }

    static byte[] certificationsCsv(List<CertificationRow> certs) {
        StringBuilder b = new StringBuilder();
        Csv.append(b, "id", "party_id", "product_id", "kind", "number", "issuer", "valid_from", "valid_to", "status",
                "supersedes", "superseded_by");
        for (CertificationRow x : certs) {
            Csv.append(b, x.id(), x.partyId(), x.productId(), x.kind(), x.number(), x.issuer(), x.validFrom(),
                    x.validTo(), x.status(), x.supersedes(), x.supersededBy());
        }
        return utf8(b);
    }

    /** recall-case.json: the case as its route shows it, without the scope (recall-scope.json holds that). */
    static byte[] recallCase(AuditData d) {
        JsonObject report = d.recall().report().copy();
        report.remove("scope");
        return json(report);
    }

    /** recall-scope.json: the canonical text, whose SHA-256 is the case's scope_sha256. */
    static byte[] recallScope(AuditData d) {
        return d.recall().canonicalScope().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] json(JsonObject o) {
        return (o.encodePrettily() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] utf8(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
