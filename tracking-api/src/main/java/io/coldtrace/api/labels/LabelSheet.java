package io.coldtrace.api.labels;

import static io.coldtrace.api.labels.LabelStock.pt;

import com.google.zxing.common.BitMatrix;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import io.coldtrace.api.http.CjkFont;
import io.coldtrace.api.http.QrImages;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Renders label sheets ({@link LabelStock}): each label has the QR code of the lot's public page on the left (drawn
 * as vector squares, sharp on any printer) with the trace code in groups under it, and on the right the product's
 * names (zh, en), the lot code, the pack date and the origin. Each lot starts a sheet of its own. CPU work: call it
 * off the event loop.
 */
final class LabelSheet {
    /** The part of a label under the QR that holds the trace code, in mm. */
    private static final double CODE_LINE = 3.2;
    /** Between the QR and the text, in mm. */
    private static final double GUTTER = 1.2;
    private static final Color GREY = new Color(0x55, 0x55, 0x55);

    private final CjkFont cjk = new CjkFont();

    /** One lot's labels: what they say, the link the QR carries, how many. */
    record Run(Label label, String url, int copies) {
    }

    byte[] render(List<Run> runs, String title) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a label sheet needs at least one lot");
        }
        BaseFont font = cjk.get();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 0, 0, 0, 0);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        doc.addTitle(title);
        doc.addCreator("ColdTrace");
        doc.open();
        PdfContentByte cb = writer.getDirectContent();
        for (int r = 0; r < runs.size(); r++) {
            Run run = runs.get(r);
            BitMatrix qr = QrImages.matrix(run.url());
            for (int n = 0; n < run.copies(); n++) {
                if (n % LabelStock.PER_SHEET == 0 && (r > 0 || n > 0)) {
                    doc.newPage();
                }
                draw(cb, font, run.label(), qr, n % LabelStock.PER_SHEET);
            }
        }
        doc.close();
        return out.toByteArray();
    }

    private static void draw(PdfContentByte cb, BaseFont font, Label label, BitMatrix qr, int slot) {
        float x = pt(LabelStock.x(slot));
        float y = pt(LabelStock.y(slot));
        float pad = pt(LabelStock.PAD);
        float codeLine = pt(CODE_LINE);
        float size = pt(LabelStock.LABEL_H - 2 * LabelStock.PAD - CODE_LINE);
        float qx = x + pad;
        float qy = y + pad + codeLine;
        modules(cb, qr, qx, qy, size);
        String code = label.traceCode().grouped();
        float codeSize = Math.min(6.5f, size * 0.92f / font.getWidthPoint(code, 1));
        cb.beginText();
        cb.setColorFill(Color.BLACK);
        cb.setFontAndSize(font, codeSize);
        cb.showTextAligned(Element.ALIGN_CENTER, code, qx + size / 2, y + pad + pt(0.6), 0);
        cb.endText();
        ColumnText text = new ColumnText(cb);
        text.setSimpleColumn(qx + size + pt(GUTTER), y + pad, x + pt(LabelStock.LABEL_W) - pad,
                y + pt(LabelStock.LABEL_H) - pad);
        text.addElement(line(new Chunk(label.nameZh(), new Font(font, 8.5f, Font.BOLD)), 10f));
        text.addElement(line(new Chunk(label.nameEn(), new Font(font, 6.5f)), 7.5f));
        text.addElement(field(font, "批号 Lot", label.code()));
        text.addElement(field(font, "包装 Packed", label.packDate().toString()));
        text.addElement(field(font, "产地 Origin", label.origin() == null ? "—" : label.origin()));
        text.go();
    }

    /** The dark modules, a rectangle per run of a row, filled at once. */
    private static void modules(PdfContentByte cb, BitMatrix qr, float x, float y, float size) {
        float m = size / qr.getWidth();
        cb.setColorFill(Color.BLACK);
        for (int row = 0; row < qr.getHeight(); row++) {
            int col = 0;
            while (col < qr.getWidth()) {
                if (!qr.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < qr.getWidth() && qr.get(col, row)) {
                    col++;
                }
                // a hair wider than the run, so neighbouring squares leave no white seam in print
                cb.rectangle(x + start * m, y + size - (row + 1) * m, (col - start) * m + 0.05f, m + 0.05f);
            }
        }
        cb.fill();
    }

    private static Paragraph line(Chunk chunk, float leading) {
        Paragraph p = new Paragraph(leading, chunk);
        p.setSpacingAfter(0.5f);
        return p;
    }

    /** A caption in small grey type, then the value. */
    private static Paragraph field(BaseFont font, String caption, String value) {
        Paragraph p = new Paragraph(8f);
        p.add(new Chunk(caption + " ", new Font(font, 5f, Font.NORMAL, GREY)));
        p.add(new Chunk(value, new Font(font, 7f)));
        p.setSpacingBefore(1f);
        return p;
    }
}
