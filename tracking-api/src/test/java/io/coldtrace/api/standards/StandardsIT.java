package io.coldtrace.api.standards;

import static io.coldtrace.api.events.LotChain.item;
import static io.coldtrace.api.events.LotChain.items;
import static io.coldtrace.api.testing.Http.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.events.LotChain;
import io.coldtrace.api.testing.TestApi;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** FSMA 204 sortable spreadsheet (XLSX and CSV) and the 来源/去向 record over a chain with every event type. */
class StandardsIT {
    private static final Instant T0 = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
    private static TestApi api;
    private static LotChain w;

    @BeforeAll
    static void start() {
        api = TestApi.start("standards");
        w = new LotChain(api, "fs");
        api.seeds().org("other", "Other Ltd");
        api.sql("UPDATE site SET address = '1 Dock Road' WHERE id = 'fs-dc'");
        w.harvest("B1", 100, h(0));
        w.to("pre_cool", "pc", h(1), item("B1", 100));
        w.pack("B1", 100, "L1", 100, "r1", h(2));
        w.to("store_in", "r2", h(10), item("L1", 100));
        w.to("store_out", "r2", h(12), item("L1", 100));
        w.to("load", "t1", h(13), item("L1", 100));
        w.post("ship", h(13.5), w.unit("t1"), new JsonObject().put("lots", items(item("L1", 100)))
                .put("to_party_id", "fs-buyer").put("documents", new JsonArray().add(new JsonObject()
                        .put("type", "delivery_note").put("id", "DN-2025-0042"))));
        w.post("unload", h(16), w.unit("t1").put("site_id", "fs-dc"), new JsonObject().put("lots",
                items(item("L1", 100))));
        w.post("receive", h(16.5), w.unit("d1").put("party_id", "fs-carrier"), new JsonObject()
                .put("lots", items(item("L1", 100))).put("acceptance", "accept").put("handover_temp_c", 3.5));
        w.post("receive", h(16.6), new JsonObject().put("site_id", "fs-dc").put("party_id", "fs-farm"),
                new JsonObject().put("acceptance", "accept").put("handover_temp_c", 3.5).put("outputs",
                        items(w.output("L9", 50))));
        w.post("transform", h(17), w.unit("d1"), new JsonObject().put("kind", "split")
                .put("inputs", items(item("L1", 40))).put("outputs", items(w.output("L2", 40))));
        w.post("deliver", h(20), new JsonObject().put("party_id", "fs-buyer"),
                new JsonObject().put("lots", items(item("L2", 40))));
        JsonObject loss = w.post("loss", h(21), new JsonObject(), new JsonObject().put("lots",
                items(item("L1", 5))).put("reason", "spoiled"));
        w.post("correction", h(22), new JsonObject().put("corrects_event_id", loss.getString("id"))
                .put("correction_reason", "weighed again"), new JsonObject().put("action", "replace")
                .put("event", new JsonObject().put("type", "loss").put("event_time", h(21).toString())
                        .put("event_tz_offset", "+08:00").put("body", new JsonObject()
                                .put("lots", items(item("L1", 4))).put("reason", "spoiled"))));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Instant h(double hours) {
        return LotChain.after(T0, hours);
    }

    private static String range() {
        return "/api/v1/fsma204?from=" + h(-1) + "&to=" + h(30);
    }

    private static HttpResponse<Buffer> ok(HttpResponse<Buffer> r) {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r;
    }

    /** Every sheet of the workbook as text rows (numbers plain, dates yyyy-mm-dd), header first. */
    private static Map<String, List<List<String>>> sheets(byte[] xlsx) throws IOException {
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet s : book) {
                List<List<String>> rows = new ArrayList<>();
                int width = s.getRow(0).getLastCellNum();
                for (Row r : s) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < width; i++) {
                        cells.add(text(r.getCell(i)));
                    }
                    rows.add(cells);
                }
                assertThat(s.getNumMergedRegions()).isZero();
                out.put(s.getSheetName(), rows);
            }
        }
        return out;
    }

    private static String text(Cell c) {
        if (c == null) {
            return "";
        }
        if (c.getCellType() == CellType.NUMERIC) {
            return DateUtil.isCellDateFormatted(c) ? c.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return c.getStringCellValue();
    }

    private static Map<String, List<String>> byColumn(List<List<String>> sheet, String lot) {
        List<String> head = sheet.get(0);
        List<String> row = sheet.stream().skip(1).filter(r -> r.get(0).equals(lot)).findFirst().orElseThrow();
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < head.size(); i++) {
            m.put(head.get(i), List.of(row.get(i)));
        }
        return m;
    }

    private static String col(Map<String, List<String>> row, String column) {
        assertThat(row).containsKey(column);
        return row.get(column).get(0);
    }

    private static String localDate(Instant t) {
        return t.atOffset(ZoneOffset.ofHours(8)).toLocalDate().toString();
    }

    @Test
    void theSpreadsheetHasOneSheetPerCteAndOneColumnPerKde() throws IOException {
        String qa = api.token(Role.QA, "fs");
        HttpResponse<Buffer> res = ok(api.http().get(range() + "&format=xlsx", qa));
        assertThat(res.getHeader("content-type")).startsWith("application/vnd.openxmlformats");
        Map<String, List<List<String>>> book = sheets(res.body().getBytes());
        assertThat(book.keySet()).containsExactly("Harvesting", "Cooling", "Initial Packing", "Shipping",
                "Receiving", "Transformation");
        // the documented KDE columns (docs/fsma204.md), literally
        assertThat(book.get("Shipping").get(0)).containsExactly("Traceability Lot Code", "Product Description",
                "Quantity", "Unit of Measure", "Ship-From Location Description",
                "Immediate Subsequent Recipient Location Description", "Ship Date",
                "Traceability Lot Code Source Location Description", "Reference Document Type",
                "Reference Document Number", "Event Time", "Event Type", "Event ID");
        for (Cte cte : Cte.values()) {
            assertThat(book.get(cte.sheet).get(0)).isEqualTo(cte.columns);
        }

        Map<String, List<String>> ship = byColumn(book.get("Shipping"), "L1");
        assertThat(col(ship, "Quantity")).isEqualTo("100");
        assertThat(col(ship, "Unit of Measure")).isEqualTo("kg");
        assertThat(col(ship, "Product Description")).isEqualTo("Cabbage / 白菜");
        assertThat(col(ship, "Ship Date")).isEqualTo(localDate(h(13.5)));
        assertThat(col(ship, "Ship-From Location Description")).isEqualTo("truck 1, origin store");
        assertThat(col(ship, "Immediate Subsequent Recipient Location Description")).startsWith("fs-buyer 名称, ");
        assertThat(col(ship, "Traceability Lot Code Source Location Description")).isEqualTo("room r1, origin store");
        assertThat(col(ship, "Reference Document Type")).isEqualTo("delivery_note");
        assertThat(col(ship, "Reference Document Number")).isEqualTo("DN-2025-0042");
        assertThat(col(ship, "Event Type")).isEqualTo("ship");
        Map<String, List<String>> deliver = byColumn(book.get("Shipping"), "L2");
        assertThat(col(deliver, "Quantity")).isEqualTo("40");
        assertThat(col(deliver, "Event Type")).isEqualTo("deliver");
        assertThat(col(deliver, "Traceability Lot Code Source Location Description"))
                .isEqualTo("DC room, DC, 1 Dock Road");

        Map<String, List<String>> receive = byColumn(book.get("Receiving"), "L1");
        assertThat(col(receive, "Immediate Previous Source Location Description")).startsWith("fs-carrier 名称");
        assertThat(col(receive, "Receiving Location Description")).isEqualTo("DC room, DC, 1 Dock Road");
        assertThat(col(receive, "Receive Date")).isEqualTo(localDate(h(16.5)));
        assertThat(col(byColumn(book.get("Receiving"), "L9"), "Quantity")).isEqualTo("50");

        Map<String, List<String>> pack = byColumn(book.get("Initial Packing"), "L1");
        assertThat(col(pack, "Input Lot or Batch Code")).isEqualTo("B1");
        assertThat(col(pack, "Input Quantity")).isEqualTo("100");
        assertThat(col(pack, "Harvest Date")).isEqualTo(localDate(h(0)));
        assertThat(col(pack, "Harvester Name")).isEqualTo("Chen");
        assertThat(col(pack, "Cooling Location Description")).isEqualTo("room pc, origin store");
        assertThat(col(pack, "Cooling Date")).isEqualTo(localDate(h(1)));
        assertThat(col(pack, "Field or Growing Area Name")).isEqualTo("plot fs-plot");

        Map<String, List<String>> split = byColumn(book.get("Transformation"), "L2");
        assertThat(col(split, "Input Traceability Lot Code")).isEqualTo("L1");
        assertThat(col(split, "Input Quantity")).isEqualTo("40");
        assertThat(col(split, "Transformation Kind")).isEqualTo("split");
        assertThat(col(byColumn(book.get("Harvesting"), "B1"), "Harvester Phone")).isEqualTo("13800000000");
        assertThat(col(byColumn(book.get("Cooling"), "B1"), "Cooling Location Description"))
                .isEqualTo("room pc, origin store");

        // the CSV form: a ZIP of one CSV per sheet with the same rows
        HttpResponse<Buffer> csv = ok(api.http().get(range() + "&format=csv", qa));
        assertThat(csv.getHeader("content-type")).isEqualTo("application/zip");
        Map<String, String> files = unzip(csv.body().getBytes());
        for (Cte cte : Cte.values()) {
            StringBuilder expected = new StringBuilder();
            book.get(cte.sheet).forEach(r -> io.coldtrace.api.http.Csv.append(expected, r.stream()
                    .map(v -> v.isEmpty() ? null : v).toArray()));
            assertThat(files.get(FsmaSheets.CsvZip.entry(cte))).isEqualTo(expected.toString());
        }
    }

    @Test
    void aLotsSheetHoldsItsTraceOnly() throws IOException {
        String qa = api.token(Role.QA, "fs");
        Map<String, List<List<String>>> book = sheets(ok(api.http().get(range() + "&lot=L2", qa)).body().getBytes());
        List<String> received = book.get("Receiving").stream().skip(1).map(r -> r.get(0)).toList();
        assertThat(received).containsExactly("L1");
        assertThat(book.get("Harvesting")).hasSize(2);
        assertThat(book.get("Shipping").stream().skip(1).map(r -> r.get(0)).toList()).containsExactly("L1", "L2");

        assertError(api.http().get("/api/v1/fsma204?to=" + h(30), qa), 400, "from");
        assertError(api.http().get(range() + "&format=pdf", qa), 400, "format");
        assertError(api.http().get(range() + "&lot=NOPE", qa), 422, "lot");
        assertError(api.http().get(range() + "&product_id=nope", qa), 422, "product_id");
        assertError(api.http().get(range() + "&limit=3", qa), 400, "limit");
        assertThat(api.http().get(range(), api.token(Role.OPERATOR, "fs")).statusCode()).isEqualTo(403);
        // another organisation's QA: every sheet, no rows
        Map<String, List<List<String>>> theirs = sheets(ok(api.http().get(range(), api.token(Role.QA, "other")))
                .body().getBytes());
        assertThat(theirs.values()).allMatch(rows -> rows.size() == 1);
    }

    @Test
    void theSourceDestinationRecordNamesInboundAndOutboundBatches() throws IOException {
        String qa = api.token(Role.QA, "fs");
        String id = api.seeds().lotId("fs", "L2");
        String csv = ok(api.http().get("/api/v1/lots/" + id + "/source-destination?format=csv", qa)).bodyAsString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", SourceDestination.HEADERS));
        String split = lines.stream().filter(l -> l.contains("加工 Transform")).findFirst().orElseThrow();
        assertThat(split).contains(",L1 40 kg,\"DC room, DC, 1 Dock Road\",L2 40 kg,\"DC room, DC, 1 Dock Road\",");
        String receive = lines.stream().filter(l -> l.contains("收货 Receive")).findFirst().orElseThrow();
        assertThat(receive).contains(",L1 100 kg,\"fs-carrier 名称").contains(",L1 100 kg,\"DC room, DC, 1 Dock Road\"");
        String ship = lines.stream().filter(l -> l.contains("发货 Ship")).findFirst().orElseThrow();
        assertThat(ship).contains("\"fs-buyer 名称").contains("delivery_note DN-2025-0042");
        assertThat(lines.stream().filter(l -> l.contains("采收 Harvest"))).hasSize(1);
        // the outside goods received as L9 are no part of L2's trace
        assertThat(csv).doesNotContain("L9");

        HttpResponse<Buffer> pdf = ok(api.http().get("/api/v1/lots/" + id + "/source-destination?format=pdf", qa));
        try (PDDocument doc = Loader.loadPDF(pdf.body().getBytes())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("来源/去向记录").contains("L2");
        }
        assertError(api.http().get("/api/v1/lots/" + id + "/source-destination", api.token(Role.QA, "other")),
                404, null);
        assertError(api.http().get("/api/v1/lots/" + id + "/source-destination?format=xls", qa), 400, "format");
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
