package io.coldtrace.api.audit;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.coldtrace.api.certifications.CertificationRow;
import io.coldtrace.api.events.EventRow;
import io.coldtrace.api.http.CjkFont;
import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The pack's report: an A4 PDF in the kernel's CJK font with bilingual headings summarising the chain check, the
 * recall case (for a case), custody per leg, certifications and the events (seq, time, type, place, hash). The data
 * files are the record; the report is made from the same {@link AuditData}. CPU work: call it off the event loop.
 */
final class AuditPdf {
    private static final Color HEAD = new Color(0xE8, 0xEE, 0xF4);
    private static final Color ALERT = new Color(0xB0, 0x1C, 0x1C);
    private static final Color OK = new Color(0x1B, 0x5E, 0x20);

    private final CjkFont cjk;

    AuditPdf(CjkFont cjk) {
        this.cjk = cjk;
    }

    /** The fonts of one rendering. */
    private record Fonts(Font title, Font h2, Font body, Font bold, Font alert, Font ok) {
    }

    byte[] render(AuditData d) {
        BaseFont base = cjk.get();
        Fonts f = new Fonts(new Font(base, 16, Font.BOLD), new Font(base, 11, Font.BOLD), new Font(base, 7),
                new Font(base, 7, Font.BOLD), new Font(base, 9, Font.BOLD, ALERT), new Font(base, 9, Font.BOLD, OK));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 30, 30, 30, 30);
        PdfWriter.getInstance(doc, out);
        boolean lot = d.subject().kind().equals("lot");
        doc.addTitle("Audit pack " + d.subject().code());
        doc.open();
        Paragraph title = new Paragraph("审计报告 / Audit report", f.title);
        title.setAlignment(Element.ALIGN_CENTER);
        doc.add(title);
        Paragraph sub = new Paragraph((lot ? "批次 Lot " : "召回案例 Recall case ") + d.subject().code() + " · "
                + d.subject().orgId() + " · 截至 as of " + d.asOf(), f.h2);
        sub.setAlignment(Element.ALIGN_CENTER);
        sub.setSpacingAfter(6);
        doc.add(sub);
        section(doc, "链校验 / Chain verification", f);
        JsonObject v = AuditFiles.verification(d);
        doc.add(new Paragraph(v.getBoolean("verified")
                ? "已验证 / Verified: " + v.getInteger("checked") + " 条事件 events checked against their chain"
                : "未通过 / NOT verified: " + mismatch(v.getJsonObject("first_mismatch")), v.getBoolean("verified")
                ? f.ok : f.alert));
        if (d.recall() != null) {
            RecallSection.add(doc, d.recall().report(), f.h2, f.body, f.bold);
        }
        section(doc, "冷链 / Custody (温度按段 / temperature per leg)", f);
        doc.add(custody(d.custody(), f));
        section(doc, "认证 / Certifications", f);
        doc.add(certifications(d.certifications(), f));
        section(doc, "事件 / Events (" + d.events().size() + ")", f);
        doc.add(events(d.events(), f));
        Paragraph note = new Paragraph("数据文件为记录，本报告为摘要；各文件的 SHA-256 见 manifest.json。 / The data files "
                + "are the record and this report summarises them; manifest.json lists each file's SHA-256.", f.body);
        note.setSpacingBefore(8);
        doc.add(note);
        doc.close();
        return out.toByteArray();
    }

    private static String mismatch(JsonObject m) {
        if (m == null) {
            return "no events";
        }
        return (m.getValue("seq") == null ? "" : "event seq " + m.getValue("seq") + ": ") + m.getString("reason");
    }

    private static void section(Document doc, String text, Fonts f) {
        Cells.heading(doc, text, f.h2);
    }

    private static PdfPTable custody(List<JsonObject> lots, Fonts f) {
        PdfPTable t = Cells.table(f.bold, new float[] {1.1f, 1.3f, 2.2f, 0.6f, 0.6f, 0.6f, 0.6f, 0.7f, 0.7f, 2.4f},
                "批次 Lot", "地点 Place", "时段 From – to", "最低 Min", "最高 Max", "平均 Mean", "MKT",
                "超限 Beyond min", "完整 Complete", "结论 Verdict");
        int rows = 0;
        for (JsonObject lot : lots) {
            for (Object o : lot.getJsonArray("legs")) {
                JsonObject l = (JsonObject) o;
                JsonObject verdict = l.getJsonObject("verdict");
                double beyond = num(l, "above_minutes") + num(l, "below_minutes");
                Cells.row(t, f.body, l.getString("lot_code"), l.getJsonObject("place").getString("name"),
                        l.getString("from") + " – " + (l.getBoolean("open") ? "open" : l.getString("to")),
                        text(l.getValue("min_c")), text(l.getValue("max_c")), text(l.getValue("mean_c")),
                        text(l.getValue("mkt_c")), Double.toString(beyond), text(l.getValue("completeness")),
                        verdict.getString("zh") + "\n" + verdict.getString("en"));
                rows++;
            }
        }
        if (rows == 0) {
            t.addCell(Cells.span("无 / none", f.body, 10));
        }
        return t;
    }

    private static PdfPTable certifications(List<CertificationRow> certs, Fonts f) {
        PdfPTable t = Cells.table(f.bold, new float[] {1.4f, 1.4f, 1.2f, 1.6f, 1.8f, 1},
                "持有者 Holder", "类别 Kind", "编号 Number", "发证 Issuer", "有效期 Valid", "状态 Status");
        for (CertificationRow c : certs) {
            Cells.row(t, f.body, c.partyId() != null ? c.partyId() : c.productId(), c.kind(), c.number(), c.issuer(),
                    c.validFrom() + " – " + c.validTo(), c.status() + (c.supersededBy() == null ? ""
                            : " (superseded by " + c.supersededBy() + ")"));
        }
        if (certs.isEmpty()) {
            t.addCell(Cells.span("无 / none", f.body, 6));
        }
        return t;
    }

    private static PdfPTable events(List<AuditData.Event> events, Fonts f) {
        PdfPTable t = Cells.table(f.bold, new float[] {0.6f, 2.1f, 0.9f, 1.8f, 1.2f, 2.6f},
                "序号 Seq", "时间 Time", "类型 Type", "地点 Place", "更正 Correction", "哈希 Hash");
        t.setHeaderRows(1);
        for (AuditData.Event x : events) {
            EventRow e = x.row();
            String place = first(e.unitId(), e.siteId(), e.plotId(), e.partyId());
            String correction = e.correctsEventId() != null ? "corrects " + e.correctsEventId().toString().substring(0, 8)
                    : x.correctedBy() != null ? "corrected by " + x.correctedBy().toString().substring(0, 8) : "";
            Cells.row(t, f.body, Long.toString(e.seq()), e.eventTime() + " (" + e.eventTzOffset() + ")", e.type(),
                    place, correction, e.hash().substring(0, 32) + "…");
        }
        if (events.isEmpty()) {
            t.addCell(Cells.span("无 / none", f.body, 6));
        }
        return t;
    }

    private static String first(String... values) {
        for (String s : values) {
            if (s != null) {
                return s;
            }
        }
        return "—";
    }

    private static double num(JsonObject o, String key) {
        Number n = (Number) o.getValue(key);
        return n == null ? 0 : n.doubleValue();
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
}
