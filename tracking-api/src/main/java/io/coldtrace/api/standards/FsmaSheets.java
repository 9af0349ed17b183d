package io.coldtrace.api.standards;

import io.coldtrace.api.http.Csv;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Where the rows of the FSMA export go: an XLSX workbook (POI's streaming SXSSF: a window of rows in memory, the rest
 * in temporary files), or a ZIP of one CSV per sheet. Both have every CTE's sheet, header row first, even when empty.
 * Blocking and single-threaded: one export on one worker.
 */
abstract class FsmaSheets implements AutoCloseable {
    @Override
    public abstract void close() throws IOException;

    abstract void row(Cte cte, List<Object> cells) throws IOException;

    /** Writes the whole file to {@code out}. */
    abstract void finish(OutputStream out) throws IOException;

    /** The XLSX form: typed cells (numbers, dates as yyyy-mm-dd), a bold header row, frozen, with an auto filter. */
    static final class Xlsx extends FsmaSheets {
        private final SXSSFWorkbook book = new SXSSFWorkbook(200);
        private final Map<Cte, Sheet> sheets = new EnumMap<>(Cte.class);
        private final Map<Cte, Integer> next = new EnumMap<>(Cte.class);
        private final CellStyle dateStyle;

        Xlsx() {
            book.setCompressTempFiles(true);
            dateStyle = book.createCellStyle();
            dateStyle.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle headStyle = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            headStyle.setFont(bold);
            for (Cte cte : Cte.values()) {
                Sheet s = book.createSheet(cte.sheet);
                Row head = s.createRow(0);
                for (int i = 0; i < cte.columns.size(); i++) {
                    Cell c = head.createCell(i);
                    c.setCellValue(cte.columns.get(i));
                    c.setCellStyle(headStyle);
                }
                s.createFreezePane(0, 1);
                sheets.put(cte, s);
                next.put(cte, 1);
            }
        }

        @Override
        void row(Cte cte, List<Object> cells) {
            int n = next.merge(cte, 1, Integer::sum) - 1;
            Row row = sheets.get(cte).createRow(n);
            for (int i = 0; i < cells.size(); i++) {
                Object v = cells.get(i);
                if (v == null) {
                    continue;
                }
                Cell c = row.createCell(i);
                if (v instanceof Double d) {
                    c.setCellValue(d);
                } else if (v instanceof LocalDate d) {
                    c.setCellValue(d);
                    c.setCellStyle(dateStyle);
                } else {
                    c.setCellValue(v.toString());
                }
            }
        }

        @Override
        void finish(OutputStream out) throws IOException {
            for (Cte cte : Cte.values()) {
                int last = next.get(cte) - 1;
                sheets.get(cte).setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(last, 0), 0,
                        cte.columns.size() - 1));
            }
            book.write(out);
        }

        @Override
        public void close() throws IOException {
            book.close();
        }
    }

    /** The CSV form: a ZIP of one CSV per CTE ({@code fsma204-harvesting.csv}, …), each with its header line. */
    static final class CsvZip extends FsmaSheets {
        private final Map<Cte, Path> files = new EnumMap<>(Cte.class);
        private final Map<Cte, java.io.Writer> writers = new EnumMap<>(Cte.class);

        CsvZip() throws IOException {
            for (Cte cte : Cte.values()) {
                Path f = Files.createTempFile("fsma204-", ".csv");
                files.put(cte, f);
                java.io.Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8);
                writers.put(cte, w);
                write(w, cte.columns.toArray());
            }
        }

        static String entry(Cte cte) {
            return "fsma204-" + cte.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".csv";
        }

        private static void write(java.io.Writer w, Object[] cells) throws IOException {
            StringBuilder b = new StringBuilder();
            Csv.append(b, cells);
            w.write(b.toString());
        }

        @Override
        void row(Cte cte, List<Object> cells) throws IOException {
            Object[] plain = cells.stream().map(v -> v instanceof Double d ? plain(d) : v).toArray();
            write(writers.get(cte), plain);
        }

        private static String plain(double d) {
            return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }

        @Override
        void finish(OutputStream out) throws IOException {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Cte cte : Cte.values()) {
                    writers.get(cte).close();
                    zip.putNextEntry(new ZipEntry(entry(cte)));
                    Files.copy(files.get(cte), zip);
                    zip.closeEntry();
                }
            }
        }

        @Override
        public void close() throws IOException {
            for (Cte cte : Cte.values()) {
                writers.get(cte).close();
                Files.deleteIfExists(files.get(cte));
            }
        }
    }
}
