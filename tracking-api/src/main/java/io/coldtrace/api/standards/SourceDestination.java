package io.coldtrace.api.standards;

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
import io.coldtrace.api.http.Csv;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The 来源/去向 record of a lot and its trace (NY/T 4712 shape): one line per step with its own data, one step back
 * (来源: the inbound batch and where or whom it came from) and one step forward (去向: the outbound batch, and where or
 * to whom it went). Bilingual headers; CSV and PDF (in the kernel's CJK font).
 */
final class SourceDestination {
    static final String TITLE = "来源/去向记录 Source / destination record";
    static final List<String> HEADERS = List.of("序号 No.", "环节 Step", "时间 Time", "地点 Place",
            "来源批次 Inbound batch", "来源 Source (from)", "去向批次 Outbound batch", "去向 Destination (to)",
            "单据 Documents", "事件 Event ID");
    private static final Map<String, String> STEPS = Map.ofEntries(Map.entry("harvest", "采收 Harvest"),
            Map.entry("pre_cool", "预冷 Pre-cooling"), Map.entry("pack", "包装 Packing"),
            Map.entry("store_in", "入库 Store in"), Map.entry("move", "移库 Move"),
            Map.entry("store_out", "出库 Store out"), Map.entry("load", "装车 Load"),
            Map.entry("unload", "卸车 Unload"), Map.entry("ship", "发货 Ship"), Map.entry("receive", "收货 Receive"),
            Map.entry("transform", "加工 Transform"), Map.entry("deliver", "交付 Deliver"),
            Map.entry("loss", "损耗 Loss"));
    private static final Map<String, String> KINDS = Map.of("split", "分割 split", "merge", "合并 merge",
            "repack", "重新包装 repack", "process", "加工 process");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    private SourceDestination() {
    }

    /** The record's lines, in time order: each a list of {@link #HEADERS}' cells (text, null when none). */
    static List<List<String>> lines(List<SourceDestinationSql.Step> steps) {
        List<List<String>> out = new ArrayList<>();
        int n = 0;
        for (SourceDestinationSql.Step s : steps) {
            String t = s.type();
            boolean handsOver = t.equals("ship") || t.equals("deliver");
            String step = STEPS.getOrDefault(t, t) + (s.kind() == null ? "" : " (" + KINDS.getOrDefault(s.kind(),
                    s.kind()) + ")");
            String inbound = t.equals("ship") || t.equals("receive") ? s.handed() : s.inLots();
            String from = switch (t) {
                case "receive" -> s.handoverParty() != null ? s.handoverParty() : s.party();
                case "harvest" -> s.party();
                case "ship" -> s.here();
                default -> s.inFrom();
            };
            String outbound = handsOver ? s.handed() : s.outLots();
            String to = handsOver ? s.handoverParty() : s.outTo();
            out.add(java.util.Arrays.asList(Integer.toString(++n), step,
                    s.at().withOffsetSameInstant(ZoneOffset.of(s.offset())).format(TIME), s.here(), inbound, from,
                    outbound, to, s.documents(), s.id().toString()));
        }
        return out;
    }

    static String csv(List<List<String>> lines) {
        StringBuilder b = new StringBuilder();
        Csv.append(b, HEADERS.toArray());
        lines.forEach(l -> Csv.append(b, l.toArray()));
        return b.toString();
    }

    /** A4 landscape; CPU work, off the event loop. */
    static byte[] pdf(CjkFont cjk, SourceDestinationSql.Lot lot, List<List<String>> lines) {
        BaseFont base = cjk.get();
        Font title = new Font(base, 14, Font.BOLD);
        Font head = new Font(base, 7, Font.BOLD);
        Font cell = new Font(base, 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 24, 24, 24, 24);
        PdfWriter.getInstance(doc, out);
        doc.addTitle("Source / destination record " + lot.code());
        doc.open();
        Paragraph p = new Paragraph(TITLE, title);
        p.setAlignment(Element.ALIGN_CENTER);
        doc.add(p);
        Paragraph sub = new Paragraph("批次 Lot " + lot.code() + " · " + lot.product()
                + " · 含上下游 with its trace upstream and downstream", cell);
        sub.setAlignment(Element.ALIGN_CENTER);
        sub.setSpacingAfter(6);
        doc.add(sub);
        PdfPTable table = new PdfPTable(new float[] {3, 8, 9, 14, 12, 14, 12, 14, 9, 9});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : HEADERS) {
            PdfPCell c = new PdfPCell(new Phrase(h, head));
            c.setBackgroundColor(new Color(0xE8, 0xEE, 0xF4));
            table.addCell(c);
        }
        for (List<String> l : lines) {
            for (int i = 0; i < l.size(); i++) {
                String v = l.get(i);
                // the event id in full is in the CSV; its first block finds it
                table.addCell(new Phrase(v == null ? "—" : i == l.size() - 1 ? v.substring(0, 8) : v, cell));
            }
        }
        doc.add(table);
        doc.close();
        return out.toByteArray();
    }
}
