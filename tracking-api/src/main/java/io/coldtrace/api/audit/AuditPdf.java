package io.coldtrace.api.audit;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.coldtrace.api.certifications.CertificationRow;
import io.coldtrace.api.http.CjkFont;
import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.GregorianCalendar;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * The pack's report: an A4 PDF in the kernel's CJK font with bilingual headings summarising the chain check, the
 * recall case (for a case), custody per leg, certifications and the events (seq, time, type, place, hash). The data
 * files are the record; the report is made from the same snapshot ({@link AuditData}, {@link ReportRows}).
 *
 * <p>Written a step at a time into the pack's entry (CPU work: call it off the event loop): long tables go
 * {@value #STEP_ROWS} rows a step, OpenPDF writing each finished page out and dropping its rows, so memory stays
 * bounded. A table of more than {@value ReportRows#ROWS} rows (events; legs; a case's lots) is not listed whole: the
 * report summarises it (counts by type or verdict, the legs not kept in band) and names the data file of the same pack
 * that holds every row, with its SHA-256 from the manifest. A listing of tens of thousands of rows would be hundreds of
 * pages nobody reads, and slow to make; the files are the record.
 *
 * <p>The same data and as-of time give the same bytes: the creation and modification dates are the as-of time, the
 * document ID and the font subset's tag are derived from the subject and the as-of time instead of the clock and a
 * random number.
 */
final class AuditPdf {
    /** Rows of a long table written per step. */
    static final int STEP_ROWS = 400;
    private static final Color HEAD = new Color(0xE8, 0xEE, 0xF4);
    private static final Color ALERT = new Color(0xB0, 0x1C, 0x1C);
    private static final Color OK = new Color(0x1B, 0x5E, 0x20);

    private final CjkFont cjk;

    AuditPdf(CjkFont cjk) {
        this.cjk = cjk;
    }

    /** The fonts of one rendering. */
    record Fonts(Font title, Font h2, Font body, Font bold, Font alert, Font ok) {
    }

    /** One part of the report, written in one or more steps. */
    interface Stage {
        /** Writes the next piece; true when the stage is done. */
        boolean step();
    }

    /** Starts the report of {@code d} into {@code out} (which it does not close). */
    Writing start(AuditData d, ReportRows rows, PackZip zip, OutputStream out) {
        BaseFont base = cjk.get();
        base.setSecureRandom(SubsetTag.INSTANCE);
        Fonts f = new Fonts(new Font(base, 16, Font.BOLD), new Font(base, 11, Font.BOLD), new Font(base, 7),
                new Font(base, 7, Font.BOLD), new Font(base, 9, Font.BOLD, ALERT), new Font(base, 9, Font.BOLD, OK));
        return new Writing(d, rows, zip, out, f);
    }

    /** A report being written. */
    final class Writing {
        private final AuditData d;
        private final ReportRows rows;
        private final PackZip zip;
        private final Fonts f;
        private final Document doc = new Document(PageSize.A4, 30, 30, 30, 30);
        private final byte[] seed;
        private final Deque<Stage> stages = new ArrayDeque<>();

        Writing(AuditData d, ReportRows rows, PackZip zip, OutputStream out, Fonts f) {
            this.d = d;
            this.rows = rows;
            this.zip = zip;
            this.f = f;
            this.seed = PackZip.sha256((d.subject().kind() + " " + d.subject().id() + " " + d.asOf())
                    .getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setCloseStream(false);
            doc.addTitle("Audit pack " + d.subject().code());
            doc.open();
            GregorianCalendar at = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
            at.setTimeInMillis(d.asOf().toEpochMilli());
            writer.getInfo().put(PdfName.CREATIONDATE, new PdfDate(at));
            writer.getInfo().put(PdfName.MODDATE, new PdfDate(at));
            byte[] id = Arrays.copyOf(seed, 16);
            writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
            plan();
        }

        private void plan() {
            stages.add(this::head);
            if (d.recall() != null) {
                RecallSection.plan(stages, doc, d.recall().report(), f, this);
            }
            stages.add(() -> {
                section("冷链 / Custody (温度按段 / temperature per leg)");
                return true;
            });
            if (rows.allLegs()) {
                stages.add(table(legsTable(), rows.legs().iterator(), 10));
            } else {
                stages.add(this::legsSummary);
                List<String[]> flagged = rows.flagged();
                stages.add(table(legsTable(), flagged.iterator(), 10));
                stages.add(() -> flaggedOverflow(flagged.size()));
            }
            stages.add(this::certifications);
            stages.add(() -> {
                section("事件 / Events (" + d.events() + ")");
                return true;
            });
            if (rows.allEvents()) {
                PdfPTable t = Cells.table(f.bold, new float[] {0.6f, 2.1f, 0.9f, 1.8f, 1.2f, 2.6f},
                        "序号 Seq", "时间 Time", "类型 Type", "地点 Place", "更正 Correction", "哈希 Hash");
                stages.add(table(t, rows.events().iterator(), 6));
            } else {
                stages.add(this::eventsSummary);
            }
            stages.add(this::end);
        }

        /** Writes the next piece of the report; true once the document is closed. */
        boolean step() {
            while (!stages.isEmpty()) {
                Stage s = stages.peek();
                boolean done = s.step();
                if (!done) {
                    return false;
                }
                stages.poll();
            }
            return true;
        }

        /** A long table written {@value #STEP_ROWS} rows a step; "none" when it has no rows. */
        Stage table(PdfPTable t, Iterator<String[]> source, int columns) {
            t.setHeaderRows(1);
            t.setComplete(false);
            int[] added = {0};
            return () -> {
                for (int i = 0; i < STEP_ROWS && source.hasNext(); i++) {
                    Cells.row(t, f.body, source.next());
                    added[0]++;
                }
                if (source.hasNext()) {
                    doc.add(t);
                    return false;
                }
                if (added[0] == 0) {
                    t.addCell(Cells.span("无 / none", f.body, columns));
                }
                t.setComplete(true);
                doc.add(t);
                return true;
            };
        }

        private boolean head() {
            boolean lot = d.subject().kind().equals("lot");
            Paragraph title = new Paragraph("审计报告 / Audit report", f.title);
            title.setAlignment(Element.ALIGN_CENTER);
            doc.add(title);
            Paragraph sub = new Paragraph((lot ? "批次 Lot " : "召回案例 Recall case ") + d.subject().code() + " · "
                    + d.subject().orgId() + " · 截至 as of " + d.asOf(), f.h2);
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(6);
            doc.add(sub);
            section("链校验 / Chain verification");
            JsonObject v = AuditFiles.verification(d);
            doc.add(new Paragraph(v.getBoolean("verified")
                    ? "已验证 / Verified: " + v.getInteger("checked") + " 条事件 events checked against their chain"
                    : "未通过 / NOT verified: " + mismatch(v.getJsonObject("first_mismatch")), v.getBoolean("verified")
                    ? f.ok : f.alert));
            return true;
        }

        private PdfPTable legsTable() {
            return Cells.table(f.bold, new float[] {1.1f, 1.3f, 2.2f, 0.6f, 0.6f, 0.6f, 0.6f, 0.7f, 0.7f, 2.4f},
                    "批次 Lot", "地点 Place", "时段 From – to", "最低 Min", "最高 Max", "平均 Mean", "MKT",
                    "超限 Beyond min", "完整 Complete", "结论 Verdict");
        }

        private boolean legsSummary() {
            StringBuilder by = new StringBuilder();
            rows.verdicts().forEach((k, n) -> by.append(by.isEmpty() ? "" : " · ").append(k).append(' ').append(n));
            doc.add(new Paragraph("共 " + rows.legCount() + " 段，超过报告列出的上限 " + ReportRows.ROWS
                    + "；按结论 by verdict: " + by + "。下表仅列出结论不是“保持”的前 " + ReportRows.FLAGGED
                    + " 段（先超限，再缺数据，再未监测）；每一段见 custody.csv (SHA-256 " + zip.sha256Of("custody.csv")
                    + ") 与 custody.json (SHA-256 " + zip.sha256Of("custody.json") + ")。 / " + rows.legCount()
                    + " legs, more than the " + ReportRows.ROWS + " this report lists: below only the first "
                    + ReportRows.FLAGGED + " legs whose verdict is not \"kept\" (excursions, then missing data, then "
                    + "unmonitored); every leg is in custody.csv and custody.json of this pack (hashes above and in "
                    + "manifest.json).", f.body));
            return true;
        }

        private boolean flaggedOverflow(int listed) {
            long more = rows.flaggedCount() - listed;
            if (more > 0) {
                doc.add(new Paragraph("… 另有 " + more + " 段未列出，见 custody.csv / " + more
                        + " more legs not kept in band are in custody.csv.", f.body));
            }
            return true;
        }

        private boolean certifications() {
            section("认证 / Certifications");
            List<CertificationRow> certs = d.certifications();
            PdfPTable t = Cells.table(f.bold, new float[] {1.4f, 1.4f, 1.2f, 1.6f, 1.8f, 1},
                    "持有者 Holder", "类别 Kind", "编号 Number", "发证 Issuer", "有效期 Valid", "状态 Status");
            for (CertificationRow c : certs) {
                Cells.row(t, f.body, c.partyId() != null ? c.partyId() : c.productId(), c.kind(), c.number(),
                        c.issuer(), c.validFrom() + " – " + c.validTo(), c.status() + (c.supersededBy() == null ? ""
                                : " (superseded by " + c.supersededBy() + ")"));
            }
            if (certs.isEmpty()) {
                t.addCell(Cells.span("无 / none", f.body, 6));
            }
            doc.add(t);
            return true;
        }

        private boolean eventsSummary() {
            doc.add(new Paragraph("事件超过报告列出的上限 " + ReportRows.ROWS + " 条，此处按类型汇总；每条事件（序号、时间、地点、"
                    + "哈希）见本包 events.csv (SHA-256 " + zip.sha256Of("events.csv") + ") 与 events.json (SHA-256 "
                    + zip.sha256Of("events.json") + ")，chain-verification.json 逐条列出校验的哈希。 / More events than "
                    + "the " + ReportRows.ROWS + " this report lists: counted by type below; every event (seq, time, "
                    + "place, hashes) is in events.csv and events.json of this pack (hashes above and in "
                    + "manifest.json), and chain-verification.json lists each event checked.", f.body));
            PdfPTable t = Cells.table(f.bold, new float[] {2, 1}, "类型 Type", "数量 Events");
            for (Map.Entry<String, Long> e : d.eventTypes().entrySet()) {
                Cells.row(t, f.body, e.getKey(), Long.toString(e.getValue()));
            }
            doc.add(t);
            return true;
        }

        private boolean end() {
            Paragraph note = new Paragraph("数据文件为记录，本报告为摘要；各文件的 SHA-256 见 manifest.json。 / The data "
                    + "files are the record and this report summarises them; manifest.json lists each file's SHA-256.",
                    f.body);
            note.setSpacingBefore(8);
            doc.add(note);
            SubsetTag.seed(seed);
            try {
                doc.close();
            } finally {
                SubsetTag.seed(null);
            }
            return true;
        }

        void section(String text) {
            Cells.heading(doc, text, f.h2);
        }
    }

    private static String mismatch(JsonObject m) {
        if (m == null) {
            return "no events";
        }
        return (m.getValue("seq") == null ? "" : "event seq " + m.getValue("seq") + ": ") + m.getString("reason");
    }

    static String text(Object v) {
        return v == null ? "—" : v.toString();
    }

    /** Table helpers of the report. */
    static final class Cells {
        private Cells() {
        }

        static void heading(Document doc, String text, Font h2) {
            Paragraph p = new Paragraph(text, h2);
            p.setSpacingBefore(10);
            p.setSpacingAfter(4);
            doc.add(p);
        }

        static PdfPTable table(Font head, float[] widths, String... headings) {
            PdfPTable t = new PdfPTable(widths);
            t.setWidthPercentage(100);
            for (String h : headings) {
                PdfPCell c = cell(h, head);
                c.setBackgroundColor(HEAD);
                t.addCell(c);
            }
            return t;
        }

        static void row(PdfPTable t, Font font, String... values) {
            for (String v : values) {
                t.addCell(cell(v == null ? "—" : v, font));
            }
        }

        static PdfPCell cell(String text, Font font) {
            PdfPCell c = new PdfPCell(new Phrase(text, font));
            c.setPadding(2);
            return c;
        }

        static PdfPCell span(String text, Font font, int columns) {
            PdfPCell c = cell(text, font);
            c.setColspan(columns);
            return c;
        }
    }

    /**
     * The random numbers OpenPDF draws the font subset's six-letter tag from: derived from the report's seed while the
     * document closes on this thread (so the same pack gets the same tag), else random.
     */
    static final class SubsetTag extends java.security.SecureRandom {
        static final SubsetTag INSTANCE = new SubsetTag();
        private static final ThreadLocal<java.util.Random> SEEDED = new ThreadLocal<>();

        static void seed(byte[] seed) {
            if (seed == null) {
                SEEDED.remove();
            } else {
                SEEDED.set(new java.util.Random(java.nio.ByteBuffer.wrap(seed).getLong()));
            }
        }

        @Override
        public double nextDouble() {
            java.util.Random r = SEEDED.get();
            return r == null ? super.nextDouble() : r.nextDouble();
        }
    }
}
