package io.coldtrace.api.record;

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
import io.coldtrace.api.http.CjkFont;
import io.coldtrace.api.history.AlarmRow;
import io.coldtrace.api.history.HistoryPoint;
import io.coldtrace.core.quality.Excursion;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Renders a daily record as an A4 PDF with bilingual (Chinese / English) headings: facts, figures, excursions,
 * alarms with acknowledgement, then the readings, three columns a page, on pages of their own. CPU work: call it off the event loop.
 */
final class RecordPdf {
    private static final Color HEAD = new Color(0xE8, 0xEE, 0xF4);
    private static final Color ALERT = new Color(0xB0, 0x1C, 0x1C);
    private static final int READING_COLUMNS = 3;
    private static final int ROWS_PER_PAGE = 50;

    private final CjkFont cjk = new CjkFont();

    byte[] render(DailyRecord r) {
        BaseFont base = cjk.get();
        Fonts f = new Fonts(new Font(base, 16, Font.BOLD), new Font(base, 11, Font.BOLD), new Font(base, 8),
                new Font(base, 8, Font.BOLD), new Font(base, 8, Font.NORMAL, ALERT));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(doc, out);
        doc.addTitle(RecordText.TITLE_EN + " " + r.unit().id() + " " + r.date());
        doc.open();
        Paragraph title = new Paragraph(RecordText.TITLE_ZH + " / " + RecordText.TITLE_EN, f.title);
        title.setAlignment(Element.ALIGN_CENTER);
        doc.add(title);
        Paragraph sub = new Paragraph(r.unit().name() + " · " + r.date() + " (" + r.unit().timezone().getId() + ")",
                f.h2);
        sub.setAlignment(Element.ALIGN_CENTER);
        sub.setSpacingAfter(8);
        doc.add(sub);
        doc.add(facts(r, f));
        section(doc, "概要 / Summary", f);
        doc.add(summary(r, f));
        section(doc, "超限 / Excursions", f);
        doc.add(excursions(r, f));
        section(doc, "报警 / Alarms", f);
        doc.add(alarms(r, f));
        Paragraph note = new Paragraph("Figures are computed from every reading of the day, each held until the next "
                + "(at most one recording interval); the table shows the first reading of each interval. "
                + "Generated " + RecordText.time(r.generatedAt(), r.unit().timezone()) + " by ColdTrace.", f.body);
        note.setSpacingBefore(8);
        doc.add(note);
        readings(doc, r, f);
        doc.close();
        return out.toByteArray();
    }

    /** The fonts of one rendering. */
    private record Fonts(Font title, Font h2, Font body, Font bold, Font alert) {
    }

    private static void section(Document doc, String text, Fonts f) {
        Paragraph p = new Paragraph(text, f.h2);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    private static PdfPTable facts(DailyRecord r, Fonts f) {
        Map<String, String> m = RecordText.facts(r);
        String[][] rows = {
            {"组织 / Organisation", m.get("organisation")},
            {"站点 / Site", m.get("site")},
            {"单元 / Unit", m.get("unit") + " · " + m.get("unit_kind")},
            {"温区 / Temperature class", m.get("temp_class")},
            {"限值 / Limit profile", m.get("profile") + " · probe " + m.get("probe")},
            {"限值 °C / Limits °C", "low crit " + dash(m.get("low_crit_c")) + " · low warn " + dash(m.get("low_warn_c"))
                    + " · high warn " + dash(m.get("high_warn_c")) + " · high crit " + dash(m.get("high_crit_c"))},
            {"记录间隔 / Recording interval", m.get("recording_interval_min") + " min (" + DailyRecord.INTERVAL_RULE + ")"},
            {"时段 / Period", m.get("day_start") + " – " + m.get("day_end")},
        };
        PdfPTable t = table(new float[] {1.3f, 4f});
        for (String[] row : rows) {
            t.addCell(cell(row[0], f.bold, HEAD));
            t.addCell(cell(row[1], f.body, null));
        }
        return t;
    }

    private static PdfPTable summary(DailyRecord r, Fonts f) {
        Map<String, String> m = RecordText.summary(r);
        PdfPTable t = table(new float[] {1, 1, 1, 1, 2.2f, 1});
        for (String h : new String[] {"读数 Readings", "最低 Min °C", "最高 Max °C", "平均 Mean °C", "MKT °C",
            "超限 Excursions"}) {
            t.addCell(cell(h, f.bold, HEAD));
        }
        for (String v : new String[] {m.get("readings"), m.get("min_c"), m.get("max_c"), m.get("mean_c"),
            m.get("mkt_c"), m.get("excursions")}) {
            t.addCell(cell(dash(v), f.body, null));
        }
        return t;
    }

    private static PdfPTable excursions(DailyRecord r, Fonts f) {
        PdfPTable t = table(new float[] {1, 0.8f, 1.2f, 1.2f, 1, 0.8f, 1});
        for (String h : new String[] {"限值 Limit", "°C", "开始 Start", "结束 End", "时长 min", "峰值 Peak °C",
            "°C·min"}) {
            t.addCell(cell(h, f.bold, HEAD));
        }
        ZoneId zone = r.unit().timezone();
        for (DailyRecord.LimitExcursion le : r.excursions()) {
            Excursion e = le.excursion();
            Font font = le.limit().endsWith("crit") ? f.alert : f.body;
            for (String v : new String[] {le.limit(), RecordText.celsius(e.limitC()), RecordText.clock(e.start(), zone),
                RecordText.clock(e.end(), zone), RecordText.minutes(e.duration()), RecordText.celsius(e.peakC()),
                RecordText.degreeMinutes(e.degreeMinutes())}) {
                t.addCell(cell(v, font, null));
            }
        }
        if (r.excursions().isEmpty()) {
            t.addCell(span("无 / none", f.body, 7));
        }
        return t;
    }

    private static PdfPTable alarms(DailyRecord r, Fonts f) {
        PdfPTable t = table(new float[] {0.5f, 1.2f, 0.9f, 0.9f, 1f, 3f, 1.5f});
        for (String h : new String[] {"#", "规则 Rule", "开始 Start", "清除 Cleared", "状态 State",
            "确认 Acknowledged (who, when, comment)", "处理 Resolved"}) {
            t.addCell(cell(h, f.bold, HEAD));
        }
        ZoneId zone = r.unit().timezone();
        for (AlarmRow a : r.alarms()) {
            t.addCell(cell(Long.toString(a.id()), f.body, null));
            t.addCell(cell(a.rule() + " " + a.severity(), "critical".equals(a.severity()) ? f.alert : f.body, null));
            t.addCell(cell(RecordText.shortTime(a.startedAt(), zone, r.date()), f.body, null));
            t.addCell(cell(RecordText.shortTime(a.clearedAt(), zone, r.date()), f.body, null));
            t.addCell(cell(a.state(), f.body, null));
            t.addCell(cell(a.acknowledgedAt() == null ? "—" : a.acknowledgedBy() + ", "
                    + RecordText.shortTime(a.acknowledgedAt(), zone, r.date()) + ": " + a.ackComment(), f.body, null));
            t.addCell(cell(a.resolvedAt() == null ? "—" : a.resolvedBy() + ", "
                    + RecordText.shortTime(a.resolvedAt(), zone, r.date()), f.body, null));
        }
        if (r.alarms().isEmpty()) {
            t.addCell(span("无 / none", f.body, 7));
        }
        return t;
    }

    /**
     * The table's readings, {@value ROWS_PER_PAGE} rows × {@value READING_COLUMNS} column groups per page, each page
     * filled top to bottom, then left to right, so the readings read in time order page after page.
     */
    private static void readings(Document doc, DailyRecord r, Fonts f) {
        List<HistoryPoint> all = r.table();
        int perPage = ROWS_PER_PAGE * READING_COLUMNS;
        for (int from = 0; from < Math.max(all.size(), 1); from += perPage) {
            doc.newPage();
            section(doc, "读数 / Readings — " + r.unit().name() + " " + r.date()
                    + " (first reading of each " + RecordText.minutes(r.interval()) + " min; D door open, "
                    + "F defrost)", f);
            doc.add(readingsPage(all.subList(from, Math.min(all.size(), from + perPage)), r.unit().timezone(), f));
        }
    }

    private static PdfPTable readingsPage(List<HistoryPoint> page, ZoneId zone, Fonts f) {
        float[] widths = new float[READING_COLUMNS * 3];
        for (int g = 0; g < READING_COLUMNS; g++) {
            widths[g * 3] = 1.1f;
            widths[g * 3 + 1] = 0.9f;
            widths[g * 3 + 2] = 0.9f;
        }
        PdfPTable t = table(widths);
        for (int g = 0; g < READING_COLUMNS; g++) {
            t.addCell(cell("时间 Time", f.bold, HEAD));
            t.addCell(cell("°C", f.bold, HEAD));
            t.addCell(cell("门/除霜 D/F", f.bold, HEAD));
        }
        int n = page.size();
        int rows = (n + READING_COLUMNS - 1) / READING_COLUMNS;
        for (int row = 0; row < rows; row++) {
            for (int g = 0; g < READING_COLUMNS; g++) {
                int i = g * rows + row;
                if (i >= n) {
                    t.addCell(span("", f.body, 3));
                    continue;
                }
                HistoryPoint p = page.get(i);
                t.addCell(cell(RecordText.clock(p.ts(), zone), f.body, null));
                t.addCell(cell(RecordText.celsius(p.avg()), f.body, null));
                t.addCell(cell((p.doorOpen() ? "D" : "") + (p.defrost() ? "F" : ""), f.body, null));
            }
        }
        if (n == 0) {
            t.addCell(span("无读数 / no readings", f.body, READING_COLUMNS * 3));
        }
        return t;
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        return t;
    }

    private static PdfPCell cell(String text, Font font, Color background) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setPadding(3);
        if (background != null) {
            c.setBackgroundColor(background);
        }
        return c;
    }

    private static PdfPCell span(String text, Font font, int columns) {
        PdfPCell c = cell(text, font, null);
        c.setColspan(columns);
        return c;
    }

    private static String dash(String v) {
        return v == null || v.isEmpty() ? "—" : v;
    }
}
