package io.coldtrace.api.audit;

import static io.coldtrace.api.events.LotChain.item;
import static io.coldtrace.api.events.LotChain.items;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.events.LotChain;
import io.coldtrace.api.testing.TestApi;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pack of a recall case twice the old in-memory limit of 200 lots: batch B0 packed into 400 lots in room r1
 * (3 °C), each lot then moved to room r2 (9 °C, above the chilled band: every lot has an excursion) on its own, every
 * other lot delivered to the buyer, one move voided by a correction: 401 lots in scope and 605 events, imported in
 * bulk. The pack holds every lot's custody and every event of the ledger, its manifest the hash of every file, its
 * report every lot and event. (Custody, computed lot by lot as the custody route does, is most of the time: the bench,
 * deploy/bench/recall.sh, times a 1,000-lot case's pack; AuditPackIT streams one of 5,512 events.)
 */
class AuditPackLargeIT {
    private static final Instant T0 = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
    private static final int LOTS = 400;
    private static TestApi api;
    private static String qa;
    private static String caseId;
    private static List<String> scope;

    @BeforeAll
    static void start() {
        api = TestApi.start("audit_large");
        LotChain w = new LotChain(api, "lrg");
        qa = api.token(Role.QA, "lrg");
        AuditPackIT.rooms(api.seeds(), "lrg", h(0), h(48), h(48));
        long started = System.nanoTime();
        w.harvest("B0", LOTS, h(0));
        JsonArray events = new JsonArray();
        for (int first = 0; first < LOTS; first += 200) {
            JsonArray outputs = new JsonArray();
            for (int i = first; i < first + 200; i++) {
                outputs.add(w.output(code(i), 1));
            }
            events.add(w.event("pack", h(1), w.unit("r1"), new JsonObject()
                    .put("inputs", items(item("B0", 200))).put("outputs", outputs)));
        }
        for (int i = 0; i < LOTS; i++) {
            events.add(w.event("move", h(2 + i / 1000.0), w.unit("r2"), new JsonObject()
                    .put("lots", items(item(code(i), 1)))));
        }
        for (int i = 0; i < LOTS; i += 2) {
            events.add(w.event("deliver", h(10), new JsonObject().put("party_id", "lrg-buyer"),
                    new JsonObject().put("lots", items(item(code(i), 1)))));
        }
        expect(w.bulk(events), 201);
        // a move recorded by mistake and voided: the pack holds both, the move marked corrected_by
        String wrong = w.to("move", "d1", h(11), item(code(1), 1)).getString("id");
        w.post("correction", h(11.5), new JsonObject().put("corrects_event_id", wrong)
                .put("correction_reason", "wrong room"), new JsonObject().put("action", "void"));
        JsonObject k = expect(api.http().post("/api/v1/recalls", qa, new JsonObject()
                .put("lots", new JsonArray().add("B0")).put("reason", "residue test failed").put("drill", true)), 201);
        caseId = k.getString("id");
        scope = k.getJsonObject("scope").getJsonArray("lots").stream().map(l -> ((JsonObject) l).getString("code"))
                .sorted().toList();
        System.out.printf("seeding %d lots, %d events: %d ms%n", scope.size(),
                api.number("SELECT count(*) FROM trace_event WHERE org_id = 'lrg'"),
                (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Instant h(double hours) {
        return LotChain.after(T0, hours);
    }

    private static String code(int i) {
        return "LRG-" + String.format("%04d", i);
    }

    @Test
    void aCaseOfHundredsOfLotsGetsItsWholeRecord() throws Exception {
        assertThat(scope).hasSize(LOTS + 1);
        long started = System.nanoTime();
        HttpResponse<Buffer> r = AuditPackIT.slowGet(api, "/api/v1/recalls/" + caseId + "/audit-pack?as_of=" + h(40),
                qa);
        long ms = (System.nanoTime() - started) / 1_000_000;
        Map<String, byte[]> files = AuditPackIT.unpack(r);
        System.out.printf("audit pack of %d lots: %d bytes zipped, %d ms, files %s%n", scope.size(),
                r.body().length(), ms, files.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().length)
                        .toList());

        // custody of every lot in scope, by code, each with its legs; the CSV one row per leg of them
        JsonArray custody = AuditPackIT.json(files, "custody.json").getJsonArray("lots");
        assertThat(custody.stream().map(l -> ((JsonObject) l).getString("code")).toList()).isEqualTo(scope);
        int legs = 0;
        for (Object o : custody) {
            JsonObject lot = (JsonObject) o;
            assertThat(lot.getJsonArray("legs")).as(lot.getString("code")).isNotEmpty();
            legs += lot.getJsonArray("legs").size();
        }
        List<List<String>> custodyCsv = parse(files.get("custody.csv"));
        assertThat(custodyCsv).hasSize(legs + 1);
        assertThat(custodyCsv).allSatisfy(row -> assertThat(row).hasSize(AuditFiles.CUSTODY_COLUMNS.length));
        JsonObject last = custody.getJsonObject(LOTS);
        assertThat(last.getString("code")).isEqualTo(code(LOTS - 1));
        JsonObject warm = last.getJsonArray("legs").stream().map(JsonObject.class::cast)
                .filter(l -> l.getJsonObject("place").getString("id").equals("lrg-r2")).findFirst().orElseThrow();
        assertThat(warm.getDouble("mkt_c")).isEqualTo(9.0);
        assertThat(warm.getJsonObject("verdict").getString("status")).isEqualTo("excursion");

        // every event of the ledger, in chain order, in both files and in the chain check
        List<String> ledger = api.rows("SELECT seq || ',' || id || ',' || hash FROM trace_event "
                + "WHERE org_id = 'lrg' ORDER BY seq");
        assertThat(ledger).hasSize(1 + LOTS / 200 + LOTS + LOTS / 2 + 2);
        List<List<String>> events = parse(files.get("events.csv"));
        assertThat(events.get(0)).containsExactly(AuditFiles.EVENT_COLUMNS);
        assertThat(events.subList(1, events.size()).stream().map(x -> x.get(0) + "," + x.get(1) + "," + x.get(18))
                .toList()).isEqualTo(ledger);
        for (List<String> row : events.subList(1, events.size())) {
            assertThat(new JsonObject(row.get(19))).isNotNull();
        }
        JsonObject eventsJson = AuditPackIT.json(files, "events.json");
        assertThat(eventsJson.getLong("count")).isEqualTo(ledger.size());
        assertThat(eventsJson.getJsonArray("events").stream().map(e -> ((JsonObject) e).getLong("seq") + ","
                + ((JsonObject) e).getString("id") + "," + ((JsonObject) e).getString("hash")).toList())
                .isEqualTo(ledger);
        assertThat(eventsJson.getJsonArray("events").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("corrected_by") != null).count()).isEqualTo(1);
        JsonObject check = AuditPackIT.json(files, "chain-verification.json").getJsonObject("verification");
        assertThat(check.getString("result")).isEqualTo("verified");
        assertThat(check.getInteger("checked")).isEqualTo(ledger.size());
        assertThat(check.getJsonArray("events")).hasSize(ledger.size());

        // the case's files: the frozen scope is the case's hash
        assertThat(AuditPackIT.json(files, "recall-scope.json").getJsonArray("lots")).hasSize(LOTS + 1);

        // the report: every lot in scope and every event listed; more legs than it lists, so summarised by verdict
        String text = AuditPackIT.pdfText(files.get("report.pdf"));
        assertThat(text).contains(caseId).contains(code(0)).contains(code(LOTS - 1))
                .contains("事件 / Events (" + ledger.size() + ")");
        if (legs > ReportRows.ROWS) {
            assertThat(text.replaceAll("\\s+", "")).contains("custody.csv(SHA-256"
                    + PackZip.sha256(files.get("custody.csv")) + ")");
        }
    }

    /** RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
    static List<List<String>> parse(byte[] csv) {
        String s = new String(csv, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field).as("the file ends with CRLF").isEmpty();
        assertThat(row).isEmpty();
        return rows;
    }
}
