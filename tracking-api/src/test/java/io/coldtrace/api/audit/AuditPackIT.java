package io.coldtrace.api.audit;

import static io.coldtrace.api.events.LotChain.item;
import static io.coldtrace.api.events.LotChain.items;
import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.db.ReadSource;
import io.coldtrace.api.events.LedgerRows;
import io.coldtrace.api.events.LotChain;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.testing.Seeds;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.core.testing.Await;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Audit packs over a small chain: batch B1 from the farm packed into lot AUD-7731 in room r1 (3 °C), moved to room
 * r2 (9 °C, above the chilled band) with a move to d1 recorded by mistake and voided, then delivered to the buyer.
 */
class AuditPackIT {
    private static final Instant T0 = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
    private static final String LOT = "AUD-7731";
    private static TestApi api;
    private static LotChain w;
    private static String qa;
    private static String lotId;

    @BeforeAll
    static void start() {
        api = TestApi.start("audit");
        w = new LotChain(api, "aud");
        qa = api.token(Role.QA, "aud");
        Seeds s = api.seeds();
        rooms(s, "aud", h(0), h(12), h(24));
        s.certification("aud-cert", "aud", "aud-farm", null, "organic", LocalDate.now().minusYears(1),
                LocalDate.now().plusYears(1));
        w.harvest("B1", 100, h(0));
        w.pack("B1", 100, LOT, 100, "r1", h(1));
        String wrong = w.to("move", "d1", h(9), item(LOT, 100)).getString("id");
        w.post("correction", h(9.5), new JsonObject().put("corrects_event_id", wrong)
                .put("correction_reason", "wrong room"), new JsonObject().put("action", "void"));
        w.to("move", "r2", h(11), item(LOT, 100));
        w.post("deliver", h(21), new JsonObject().put("party_id", "aud-buyer"),
                new JsonObject().put("lots", items(item(LOT, 100))));
        lotId = s.lotId("aud", LOT);
    }

    /**
     * A logger each in rooms r1 and r2 of {@code org} from {@code from}, reading every 10 min: 3 °C in r1 until
     * {@code r1To}, 9 °C in r2 (above the chilled band) until {@code r2To}.
     */
    static void rooms(Seeds s, String org, Instant from, Instant r1To, Instant r2To) {
        Seeds.Device d1 = s.device(org + "-dev1", org + "-o", 600);
        Seeds.Device d2 = s.device(org + "-dev2", org + "-o", 600);
        s.bind(d1, org + "-r1", from, null);
        s.bind(d2, org + "-r2", from, null);
        s.readings(d1, Seeds.every(from, r1To, Duration.ofMinutes(10)).map(t -> Reading.at(t).air(3.0).build())
                .toList());
        s.readings(d2, Seeds.every(from, r2To, Duration.ofMinutes(10)).map(t -> Reading.at(t).air(9.0).build())
                .toList());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Instant h(double hours) {
        return LotChain.after(T0, hours);
    }

    /**
     * The pack's files by name, after checking the answer's headers (or trailer) and the manifest against every file.
     */
    static Map<String, byte[]> unpack(HttpResponse<Buffer> r) throws IOException {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        assertThat(r.getHeader("content-type")).isEqualTo("application/zip");
        Map<String, byte[]> files = new TreeMap<>();
        List<String> order = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body().getBytes()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), zip.readAllBytes());
                order.add(e.getName());
            }
        }
        assertThat(order.get(order.size() - 1)).isEqualTo("manifest.json");
        byte[] manifest = files.get("manifest.json");
        // a small pack comes whole with the manifest's hash as a header; a large one streamed, the hash a trailer
        String header = r.getHeader("x-manifest-sha256");
        String trailer = r.getTrailer("x-manifest-sha256");
        assertThat(header == null ? trailer : header).isEqualTo(PackZip.sha256(manifest));
        assertThat(header == null || trailer == null).as("one of header and trailer").isTrue();
        assertThat(header != null).isEqualTo(r.body().length() <= PackStream.HOLD_BYTES);
        JsonArray listed = new JsonObject(new String(manifest, StandardCharsets.UTF_8)).getJsonArray("files");
        assertThat(listed).hasSize(files.size() - 1);
        for (Object o : listed) {
            JsonObject f = (JsonObject) o;
            byte[] bytes = files.get(f.getString("name"));
            assertThat(bytes).as(f.getString("name")).isNotNull();
            assertThat(f.getInteger("size")).isEqualTo(bytes.length);
            assertThat(f.getString("sha256")).as(f.getString("name")).isEqualTo(PackZip.sha256(bytes));
        }
        return files;
    }

    /** A GET that may take longer than the tests' usual 20 s (a large pack on a busy shared machine). */
    static HttpResponse<Buffer> slowGet(TestApi api, String uri, String token) throws Exception {
        WebClient client = WebClient.create(api.running().vertx(), new WebClientOptions()
                .setDefaultHost("127.0.0.1").setDefaultPort(api.running().port()));
        try {
            return client.get(uri).bearerTokenAuthentication(token).timeout(120_000).send().toCompletionStage()
                    .toCompletableFuture().get(120, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }

    static JsonObject json(Map<String, byte[]> files, String name) {
        return new JsonObject(new String(files.get(name), StandardCharsets.UTF_8));
    }

    static List<String[]> csv(Map<String, byte[]> files, String name) {
        List<String[]> rows = new ArrayList<>();
        for (String line : new String(files.get(name), StandardCharsets.UTF_8).split("\r\n")) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static HttpResponse<Buffer> lotPack(String asOf) {
        return api.http().get("/api/v1/lots/" + lotId + "/audit-pack" + (asOf == null ? "" : "?as_of=" + asOf), qa);
    }

    @Test
    void aLotsPackHoldsItsLedgerCustodyCertificationsAndAVerifiedChain() throws IOException {
        long started = System.nanoTime();
        HttpResponse<Buffer> r = lotPack(h(30).toString());
        long ms = (System.nanoTime() - started) / 1_000_000;
        Map<String, byte[]> files = unpack(r);
        System.out.printf("audit pack of %s: %d bytes zipped, %d ms, files %s%n", LOT, r.body().length(), ms,
                files.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().length).toList());
        assertThat(files.keySet()).containsExactly("certifications.csv", "certifications.json",
                "chain-verification.json", "custody.csv", "custody.json", "events.csv", "events.json",
                "manifest.json", "report.pdf");

        // every event of the organisation is this lot's or its batch's (and the void): the ledger, row for row
        List<String> ledger = api.rows("SELECT seq || ',' || id || ',' || prev_hash || ',' || hash || ',' || type "
                + "FROM trace_event WHERE org_id = 'aud' ORDER BY seq");
        List<String[]> rows = csv(files, "events.csv");
        assertThat(rows.get(0)[0]).isEqualTo("seq");
        List<String> packed = rows.subList(1, rows.size()).stream()
                .map(x -> x[0] + "," + x[1] + "," + x[17] + "," + x[18] + "," + x[3]).toList();
        assertThat(packed).isEqualTo(ledger);
        assertThat(ledger).hasSize(6);
        JsonArray events = json(files, "events.json").getJsonArray("events");
        assertThat(events.stream().map(e -> ((JsonObject) e).getString("type")).toList())
                .containsExactly("harvest", "pack", "move", "correction", "move", "deliver");
        assertThat(events.getJsonObject(2).getString("corrected_by")).isEqualTo(events.getJsonObject(3).getString("id"));

        // custody: the same figures as the custody route (the lot has left, so nothing depends on the time)
        JsonObject route = expect(api.http().get("/api/v1/lots/" + lotId + "/custody", qa), 200);
        JsonObject packedCustody = json(files, "custody.json").getJsonArray("lots").getJsonObject(0);
        assertThat(packedCustody).isEqualTo(route);
        List<String[]> legs = csv(files, "custody.csv");
        String[] warm = legs.stream().filter(x -> x[4].equals("aud-r2")).findFirst().orElseThrow();
        assertThat(warm[0]).isEqualTo(LOT);
        assertThat(Double.parseDouble(warm[17])).isEqualTo(9.0);      // mkt_c
        assertThat(Double.parseDouble(warm[18])).isEqualTo(600.0);    // above_minutes: 10 h
        assertThat(warm[22]).isEqualTo("excursion");

        JsonObject check = json(files, "chain-verification.json").getJsonObject("verification");
        assertThat(check.getString("result")).isEqualTo("verified");
        assertThat(check.getInteger("checked")).isEqualTo(6);
        assertThat(check.getValue("first_mismatch")).isNull();
        assertThat(json(files, "certifications.json").getJsonArray("certifications").getJsonObject(0)
                .getString("id")).isEqualTo("aud-cert");

        String text = pdfText(files.get("report.pdf"));
        assertThat(text).contains(LOT).contains("审计报告").contains("冷链").contains("已验证 / Verified")
                .contains("aud-cert").contains("above 8.0 °C");

        // the same data and as-of time: the same pack byte for byte, the report included (its dates, document ID
        // and font subset tag come from the subject and the as-of time)
        HttpResponse<Buffer> second = lotPack(h(30).toString());
        Map<String, byte[]> again = unpack(second);
        for (String name : files.keySet()) {
            assertThat(again.get(name)).as(name).isEqualTo(files.get(name));
        }
        assertThat(second.body().getBytes()).isEqualTo(r.body().getBytes());
        // another as-of time: another report (its dates), the same text but for the time
        Map<String, byte[]> later = unpack(lotPack(h(31).toString()));
        assertThat(later.get("report.pdf")).isNotEqualTo(files.get("report.pdf"));
        assertThat(pdfText(later.get("report.pdf")).replace(h(31).toString(), h(30).toString())).isEqualTo(text);
    }

    @Test
    void unknownAndOtherOrganisationsLotsAre404AndABadAsOfIs400() {
        new LotChain(api, "aud2");
        String other = api.token(Role.QA, "aud2");
        assertError(api.http().get("/api/v1/lots/" + lotId + "/audit-pack", other), 404, null);
        assertError(api.http().get("/api/v1/lots/8d1e4a52-0000-4000-8000-000000000000/audit-pack", qa), 404, null);
        assertError(api.http().get("/api/v1/lots/not-a-lot/audit-pack", qa), 404, null);
        assertError(api.http().get("/api/v1/recalls/8d1e4a52-0000-4000-8000-000000000000/audit-pack", qa), 404,
                null);
        assertError(lotPack("yesterday"), 400, "as_of");
        assertError(lotPack(Instant.now().plus(Duration.ofDays(1)).toString()), 400, "as_of");
    }

    @Test
    void aTamperedEventShowsAsNotVerifiedInThePack() throws IOException {
        LotChain t = new LotChain(api, "tam");
        t.harvest("B1", 50, h(0));
        t.pack("B1", 50, "TAM-1", 50, "r1", h(1));
        t.to("move", "r2", h(2), item("TAM-1", 50));
        String id = api.seeds().lotId("tam", "TAM-1");
        long seq = api.number("SELECT seq FROM trace_event WHERE org_id = 'tam' AND type = 'move'");
        String event = api.rows("SELECT id::text FROM trace_event WHERE seq = ?", seq).get(0);
        LedgerRows.asSuperuser(api, "UPDATE trace_event SET event_time = event_time - interval '1 hour' "
                + "WHERE seq = ?", seq);
        Map<String, byte[]> files = unpack(api.http().get("/api/v1/lots/" + id + "/audit-pack",
                api.token(Role.QA, "tam")));
        JsonObject check = json(files, "chain-verification.json").getJsonObject("verification");
        assertThat(check.getString("result")).isEqualTo("not_verified");
        assertThat(check.getJsonObject("first_mismatch").getString("event_id")).isEqualTo(event);
        assertThat(check.getJsonObject("first_mismatch").getLong("seq")).isEqualTo(seq);
        assertThat(check.getJsonObject("first_mismatch").getString("reason")).contains("hash does not match");
        assertThat(pdfText(files.get("report.pdf"))).contains("未通过 / NOT verified").contains("seq " + seq);
    }

    @Test
    void aRecallCasesPackHoldsTheFrozenScopeWithItsHashAndTheEffectiveness() throws IOException {
        LotChain c = new LotChain(api, "arc");
        String token = api.token(Role.QA, "arc");
        c.harvest("B1", 300, h(0));
        c.pack("B1", 300, "ARC-1", 300, "r1", h(1));
        c.post("transform", h(2), c.unit("r1"), new JsonObject().put("kind", "split")
                .put("inputs", items(item("ARC-1", 300))).put("outputs", items(c.output("ARC-2", 100),
                        c.output("ARC-3", 200))));
        c.post("deliver", h(3), new JsonObject().put("party_id", "arc-buyer"),
                new JsonObject().put("lots", items(item("ARC-2", 100))));
        JsonObject k = expect(api.http().post("/api/v1/recalls", token, new JsonObject()
                .put("lots", new JsonArray().add("ARC-1")).put("reason", "residue test failed")), 201);
        String caseId = k.getString("id");
        expect(api.http().post("/api/v1/recalls/" + caseId + "/acknowledgements", token, new JsonObject()
                .put("party_id", "arc-buyer").put("lots", new JsonArray().add(new JsonObject().put("lot", "ARC-2")
                        .put("returned", 40)))), 201);

        long started = System.nanoTime();
        HttpResponse<Buffer> r = api.http().get("/api/v1/recalls/" + caseId + "/audit-pack", token);
        long ms = (System.nanoTime() - started) / 1_000_000;
        Map<String, byte[]> files = unpack(r);
        System.out.printf("audit pack of case %s: %d bytes zipped, %d ms%n", caseId, r.body().length(), ms);
        assertThat(files).containsKeys("recall-case.json", "recall-scope.json", "events.csv", "custody.json",
                "report.pdf");
        assertThat(PackZip.sha256(files.get("recall-scope.json"))).isEqualTo(k.getString("scope_sha256"));
        JsonObject scope = json(files, "recall-scope.json");
        assertThat(scope.getJsonArray("lots")).hasSize(3);
        assertThat(scope.getJsonArray("buyers").getJsonObject(0).getString("party_id")).isEqualTo("arc-buyer");
        JsonObject report = json(files, "recall-case.json");
        assertThat(report.getBoolean("scope_verified")).isTrue();
        assertThat(report.getJsonArray("acknowledgements")).hasSize(1);
        assertThat(report.getJsonObject("effectiveness").getJsonObject("by_uom").getJsonObject("kg")
                .getDouble("ratio")).isEqualTo(0.4);
        // custody of each lot in scope, by code
        assertThat(json(files, "custody.json").getJsonArray("lots").stream()
                .map(l -> ((JsonObject) l).getString("code")).toList()).containsExactly("ARC-1", "ARC-2", "ARC-3");
        // harvest, pack, split, deliver
        assertThat(csv(files, "events.csv")).hasSize(5);
        assertThat(json(files, "chain-verification.json").getJsonObject("verification").getString("result"))
                .isEqualTo("verified");
        assertThat(pdfText(files.get("report.pdf"))).contains("召回案例 / Recall case").contains(caseId)
                .contains(k.getString("scope_sha256")).contains("ARC-3");
    }

    /**
     * The limits, checked when the pack opens (before any byte, so the route answers 422 naming the field), here made
     * small: a case's scope is bounded by the trace's width (10,000 nodes) long before {@link AuditData#MAX_LOTS}.
     */
    @Test
    void aPackBeyondTheLimitsIsRefusedNamingTheLimit() throws java.sql.SQLException {
        LotChain lim = new LotChain(api, "lim");
        lim.harvest("B1", 100, h(0));
        lim.pack("B1", 50, "LIM-1", 50, "r1", h(1));
        lim.pack("B1", 50, "LIM-2", 50, "r1", h(1));
        String caseId = expect(api.http().post("/api/v1/recalls", api.token(Role.QA, "lim"), new JsonObject()
                .put("lots", new JsonArray().add("B1")).put("reason", "drill").put("drill", true)), 201)
                .getString("id");
        ReadSource reads = new ReadSource(api.running().dataSource(), null, Clock.systemUTC());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ClientError lots = catchThrowableOfType(ClientError.class, () -> AuditData.open(reads, Duration.ofMinutes(1),
                new AuditData.Limits(2, 1_000), Visibility.org("lim"), "recall", caseId, now));
        assertThat(lots.status()).isEqualTo(422);
        assertThat(lots.field()).isEqualTo("lots");
        assertThat(lots.limit()).isEqualTo(2);
        assertThat(lots.getMessage()).contains("holds 3 lots");
        // harvest, two packs
        ClientError events = catchThrowableOfType(ClientError.class, () -> AuditData.open(reads,
                Duration.ofMinutes(1), new AuditData.Limits(3, 2), Visibility.org("lim"), "recall", caseId, now));
        assertThat(events.field()).isEqualTo("events");
        assertThat(events.limit()).isEqualTo(2);
        assertThat(events.getMessage()).contains("more than 2 events");
        AuditData.open(reads, Duration.ofMinutes(1), new AuditData.Limits(3, 3), Visibility.org("lim"), "recall",
                caseId, now).orElseThrow().close();
        // the refused packs gave their connections back
        Await.until(Duration.ofSeconds(10), () -> api.running().dataSource().getHikariPoolMXBean()
                .getActiveConnections() == 0, () -> "connections still out");
    }

    @Test
    void aLotWithMoreEventsThanTheReportListsGetsEveryEventInItsFilesAndACountInItsReport() throws Exception {
        // 5,500 harvest batches packed 500 at a time into 11 lots merged into one: 5,512 events upstream of it
        // (batches, not one lot moved 5,000 times: each move's mass-balance check reads the lot's whole history)
        LotChain many = new LotChain(api, "many");
        JsonObject farm = new JsonObject().put("plot_id", "many-plot").put("party_id", "many-farm");
        JsonArray merged = new JsonArray();
        long started = System.nanoTime();
        for (int half = 0; half < 2; half++) {
            JsonArray events = new JsonArray();
            for (int p = half * 6; p < Math.min(11, half * 6 + 6); p++) {
                JsonArray inputs = new JsonArray();
                for (int b = 0; b < 500; b++) {
                    String batch = "H-" + p + "-" + b;
                    events.add(many.event("harvest", h(0), farm, new JsonObject().put("batch", batch)
                            .put("commodity", "cabbage").put("quantity", 1).put("uom", "kg")
                            .put("grower", new JsonObject().put("name", "Chen"))));
                    inputs.add(item(batch, 1));
                }
                events.add(many.event("pack", h(1), many.unit("r1"), new JsonObject().put("inputs", inputs)
                        .put("outputs", items(many.output("M-" + p, 500)))));
                merged.add(item("M-" + p, 500));
            }
            expect(many.bulk(events), 201);
        }
        many.post("transform", h(2), many.unit("r1"), new JsonObject().put("kind", "merge").put("inputs", merged)
                .put("outputs", items(many.output("MANY-1", 5500))));
        System.out.printf("seeding 5,512 events: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        String id = api.seeds().lotId("many", "MANY-1");
        started = System.nanoTime();
        HttpResponse<Buffer> r = slowGet(api, "/api/v1/lots/" + id + "/audit-pack", api.token(Role.QA, "many"));
        Map<String, byte[]> files = unpack(r);
        System.out.printf("audit pack of 5,512 events: %d bytes zipped, %d ms%n", r.body().length(),
                (System.nanoTime() - started) / 1_000_000);
        // larger than a pack answered whole: streamed, the manifest's hash a trailer (checked by unpack)
        assertThat(r.getHeader("transfer-encoding")).isEqualTo("chunked");
        assertThat(r.getTrailer("x-manifest-sha256")).isNotNull();
        assertThat(csv(files, "events.csv")).hasSize(5_513);
        assertThat(json(files, "events.json").getInteger("count")).isEqualTo(5_512);
        assertThat(json(files, "events.json").getJsonArray("events")).hasSize(5_512);
        JsonObject check = json(files, "chain-verification.json").getJsonObject("verification");
        assertThat(check.getString("result")).isEqualTo("verified");
        assertThat(check.getJsonArray("events")).hasSize(5_512);
        // more events than the report lists: it counts them by type and names the files that hold each, by hash
        String text = pdfText(files.get("report.pdf")).replaceAll("\\s+", "");
        assertThat(text).contains("events.csv(SHA-256" + PackZip.sha256(files.get("events.csv")) + ")")
                .contains("events.json(SHA-256" + PackZip.sha256(files.get("events.json")) + ")")
                .contains("harvest5500").contains("pack11").contains("transform1")
                // and more legs than it lists (a farm leg per batch): counted, the file named by its hash
                .contains("custody.csv(SHA-256" + PackZip.sha256(files.get("custody.csv")) + ")");
    }
}
