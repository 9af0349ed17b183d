package io.coldtrace.api.labels;

import static io.coldtrace.api.testing.Http.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.TestApi;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.awt.image.BufferedImage;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A4 label sheets of a lot and of a packing run, read back with PDFBox (text) and ZXing (the QR as printed). */
class LabelSheetIT {
    /** 01:30 on 4 July in China, still 3 July in UTC: the pack date is the local one. */
    private static final Instant PACKED = Instant.parse("2025-07-03T17:30:00Z");

    private static TestApi api;
    private static LabelWorld acme;
    private static String packEvent;
    private static String base;

    @BeforeAll
    static void start() {
        api = TestApi.start("labels-sheet");
        base = "http://127.0.0.1:" + api.running().port();
        acme = new LabelWorld(api, "sacme", null);
        acme.harvest("B1", 300, PACKED.minusSeconds(7200));
        packEvent = acme.pack("B1", PACKED, 100, "S-1", "S-2").getString("id");
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void aLotsSheetHasAFullSheetOfItsLabelsByDefault() throws Exception {
        String grouped = acme.traceCode("S-1").grouped();
        HttpResponse<Buffer> r = api.http().get("/api/v1/lots/" + acme.lotId("S-1") + "/labels.pdf", acme.operator);
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        assertThat(r.getHeader("content-type")).isEqualTo("application/pdf");
        try (PDDocument doc = Loader.loadPDF(r.body().getBytes())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(doc);
            assertThat(occurrences(text, grouped)).as("the trace code under each of the 21 QR codes").isEqualTo(21);
            assertThat(text).contains("S-1", "脆红李", "Crisp red plum", "2025-07-04", "重庆市巫溪县")
                    .doesNotContain("2025-07-03");
        }
    }

    @Test
    void theQrAsPrintedReadsBackAsThePublicPage() throws Exception {
        byte[] pdf = api.http().get("/api/v1/lots/" + acme.lotId("S-2") + "/labels.pdf?copies=1", acme.operator)
                .body().getBytes();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 200);
            // the first label: top-left 75 x 45 mm of the page
            BufferedImage label = page.getSubimage(0, 0, mm(75), mm(60));
            String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(label)))).getText();
            assertThat(text).isEqualTo(base + "/t/" + acme.traceCode("S-2").grouped());
        }
    }

    @Test
    void copiesRunOntoMoreSheetsAndAreBounded() throws Exception {
        try (PDDocument doc = Loader.loadPDF(api.http().get("/api/v1/lots/" + acme.lotId("S-1")
                + "/labels.pdf?copies=22", acme.operator).body().getBytes())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            assertThat(occurrences(new PDFTextStripper().getText(doc), acme.traceCode("S-1").grouped())).isEqualTo(22);
        }
        for (String bad : new String[] {"0", "66", "many"}) {
            assertError(api.http().get("/api/v1/lots/" + acme.lotId("S-1") + "/labels.pdf?copies=" + bad,
                    acme.operator), 400, "copies");
        }
    }

    @Test
    void aPackingRunsSheetHasEachOfItsLotsOnSheetsOfTheirOwn() throws Exception {
        HttpResponse<Buffer> r = api.http().get("/api/v1/events/" + packEvent + "/labels.pdf?copies=3",
                api.token(Role.QA, "sacme"));
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(r.body().getBytes())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            PDFTextStripper strip = new PDFTextStripper();
            for (int p = 1; p <= 2; p++) {
                strip.setStartPage(p);
                strip.setEndPage(p);
                String lot = p == 1 ? "S-1" : "S-2";
                String other = p == 1 ? "S-2" : "S-1";
                String text = strip.getText(doc);
                assertThat(occurrences(text, acme.traceCode(lot).grouped())).as(lot).isEqualTo(3);
                assertThat(text).contains(lot).doesNotContain(acme.traceCode(other).grouped());
            }
        }
    }

    @Test
    void theOriginFollowsTheGenealogyUpAndIsADashWhenNoneIsKnown() throws Exception {
        acme.post("transform", PACKED.plusSeconds(3600), new JsonObject().put("unit_id", "sacme-r1"),
                new JsonObject().put("kind", "split").put("inputs", new JsonArray().add(LabelWorld.item("S-2", 40)))
                        .put("outputs", new JsonArray().add(LabelWorld.item("S-2a", 40)
                                .put("product_id", "sacme-plum"))));
        assertThat(text("/api/v1/lots/" + acme.lotId("S-2a") + "/labels.pdf?copies=1")).contains("重庆市巫溪县");
        acme.receiveFromOutside("BOUGHT-1", 20, PACKED.plusSeconds(3600));
        assertThat(text("/api/v1/lots/" + acme.lotId("BOUGHT-1") + "/labels.pdf?copies=1"))
                .contains("BOUGHT-1", "产地 Origin —").doesNotContain("巫溪县");
    }

    @Test
    void otherOrganisationsBatchesAndEventsWithoutLotsHaveNoSheet() {
        LabelWorld rival = new LabelWorld(api, "srival", null);
        String harvest = rival.harvest("RB", 10, PACKED).getString("id");
        assertError(api.http().get("/api/v1/lots/" + acme.lotId("S-1") + "/labels.pdf", rival.operator), 404, null);
        assertError(api.http().get("/api/v1/events/" + packEvent + "/labels.pdf", rival.operator), 404, null);
        assertError(api.http().get("/api/v1/events/" + harvest + "/labels.pdf", rival.operator), 404, null);
        assertError(api.http().get("/api/v1/lots/" + rival.lotId("RB") + "/labels.pdf", rival.operator), 404, null);
        assertError(api.http().get("/api/v1/lots/nope/labels.pdf", rival.operator), 404, null);
        assertError(api.http().get("/api/v1/events/nope/labels.pdf", rival.operator), 404, null);
    }

    @Test
    void aRunTooLargeForOnePdfIsRefusedNamingCopies() {
        acme.harvest("B3", 26, PACKED);
        String[] lots = new String[26];
        for (int i = 0; i < lots.length; i++) {
            lots[i] = "BIG-" + i;
        }
        String event = acme.pack("B3", PACKED.plusSeconds(60), 1, lots).getString("id");
        // 26 lots of 65 labels are 104 sheets
        assertError(api.http().get("/api/v1/events/" + event + "/labels.pdf?copies=65", acme.operator), 422,
                "copies");
        assertThat(api.http().get("/api/v1/events/" + event + "/labels.pdf?copies=63", acme.operator).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aVoidedLotsLabelsAreRefused() {
        acme.harvest("B2", 50, PACKED);
        JsonObject pack = acme.pack("B2", PACKED.plusSeconds(60), 50, "V-1");
        acme.post("correction", PACKED.plusSeconds(120), new JsonObject()
                .put("corrects_event_id", pack.getString("id")).put("correction_reason", "packed twice by mistake"),
                new JsonObject().put("action", "void"));
        assertError(api.http().get("/api/v1/lots/" + acme.lotId("V-1") + "/labels.pdf", acme.operator), 409, "id");
        assertError(api.http().get("/api/v1/events/" + pack.getString("id") + "/labels.pdf", acme.operator), 409,
                "id");
    }

    private static String text(String uri) throws Exception {
        HttpResponse<Buffer> r = api.http().get(uri, acme.operator);
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(r.body().getBytes())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static int mm(double mm) {
        return (int) Math.round(mm / 25.4 * 200);
    }

    /** How often {@code part} stands in {@code text} (a trace code may hold $ or *: no regular expression). */
    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
