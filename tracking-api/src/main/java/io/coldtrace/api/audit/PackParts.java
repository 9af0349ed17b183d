package io.coldtrace.api.audit;

import io.coldtrace.api.custody.Custody;
import io.coldtrace.api.custody.CustodyJson;
import io.coldtrace.api.db.CursorExport;
import io.coldtrace.api.db.GenericPlans;
import io.coldtrace.api.events.EventRow;
import io.coldtrace.api.http.Csv;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The files of a pack as the steps that write them, in name order (the ZIP's order): certifications, the chain check
 * with every event checked, custody lot by lot, the events (CSV, then JSON), the case's files, then the snapshot is
 * given back and the report written. Each step writes about {@value #STEP_BYTES} bytes (or {@value #STEP_LOTS} lots'
 * custody) into the ZIP. The events are read through a cursor on the snapshot once per file that lists them; custody
 * is computed once per lot, its CSV written at once and its JSON kept in a temporary file (one line a lot) for
 * custody.json, which follows it.
 */
final class PackParts implements AutoCloseable {
    /** Uncompressed bytes a step of a long file writes, about. */
    static final int STEP_BYTES = 64 * 1024;
    /** Lots whose custody one step computes. */
    static final int STEP_LOTS = 25;

    /** One step of the pack. */
    interface Part {
        /** Writes the next piece; true once the part is done. */
        boolean step() throws Exception;

        /** Whether it runs on the CPU executor (the report) rather than a JDBC worker (whatever reads the snapshot). */
        default boolean cpu() {
            return false;
        }
    }

    /** A part and its name (for the log line of a pack's times). */
    record Named(String name, Part part) {
    }

    private final AuditData d;
    private final PackZip zip;
    private final AuditPdf pdf;
    private final ReportRows rows;
    private final List<AutoCloseable> open = new ArrayList<>();
    private Path custodySpool;

    PackParts(AuditData d, PackZip zip, AuditPdf pdf) {
        this.d = d;
        this.zip = zip;
        this.pdf = pdf;
        this.rows = new ReportRows(d.events());
    }

    /** The parts, in order. */
    List<Named> all() {
        List<Named> parts = new ArrayList<>();
        parts.add(new Named("certifications", () -> {
            zip.put("certifications.csv", AuditFiles.certificationsCsv(d.certifications()));
            zip.put("certifications.json", AuditFiles.certificationsJson(d));
            return true;
        }));
        parts.add(new Named("chain-verification", new JsonListing("chain-verification.json") {
            @Override
            void head(PrettyJson json) throws IOException {
                json.fields(AuditFiles.header(d)).object("verification").fields(AuditFiles.verification(d))
                        .array("events");
            }

            @Override
            Object item(EventRow e, UUID correctedBy) {
                return AuditFiles.checked(e);
            }
        }));
        parts.add(new Named("custody.csv", new CustodyCsv()));
        parts.add(new Named("custody.json", new CustodyJsonFile()));
        parts.add(new Named("events.csv", new Listing("events.csv") {
            private final StringBuilder b = new StringBuilder(STEP_BYTES + 4096);
            private OutputStream out;

            @Override
            void begin(OutputStream entry) {
                out = entry;
                Csv.append(b, (Object[]) AuditFiles.EVENT_COLUMNS);
            }

            @Override
            void row(EventRow e, UUID correctedBy) {
                AuditFiles.eventCsv(b, e, correctedBy);
                rows.event(e, correctedBy);
            }

            @Override
            long pending() {
                return b.length();
            }

            @Override
            void flush() throws IOException {
                out.write(AuditFiles.utf8(b));
                b.setLength(0);
            }
        }));
        parts.add(new Named("events.json", new JsonListing("events.json") {
            @Override
            void head(PrettyJson json) throws IOException {
                json.fields(AuditFiles.header(d).put("count", d.events())).array("events");
            }

            @Override
            Object item(EventRow e, UUID correctedBy) {
                return AuditFiles.event(e, correctedBy);
            }
        }));
        if (d.recall() != null) {
            parts.add(new Named("recall", () -> {
                zip.put("recall-case.json", AuditFiles.recallCase(d));
                zip.put("recall-scope.json", AuditFiles.recallScope(d));
                return true;
            }));
        }
        // the data files are written: the snapshot's connection goes back before the report is laid out
        parts.add(new Named("snapshot end", () -> {
            d.close();
            return true;
        }));
        parts.add(new Named("report.pdf", new Report()));
        return parts;
    }

    /** Deletes the temporary file and closes the cursors still open (an export that stopped). */
    @Override
    public void close() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                // closing after a failure: the snapshot's end closes what is left
            }
        }
        open.clear();
        try {
            if (custodySpool != null) {
                Files.deleteIfExists(custodySpool);
            }
        } catch (IOException e) {
            // the temporary directory's cleaner takes it
        }
    }

    private <T extends AutoCloseable> T opened(T c) {
        open.add(c);
        return c;
    }

    private void closed(AutoCloseable c) throws Exception {
        open.remove(c);
        c.close();
    }

    /** The record's events the caller sees, in chain order, through a cursor on the snapshot. */
    private final class Pass implements AutoCloseable {
        private final PreparedStatement ps;
        private final ResultSet rs;

        Pass() throws SQLException {
            ps = AuditSql.EVENTS.bind(d.vis()).bind("lots", d.roots()).prepare(d.connection());
            try {
                ps.setFetchSize(CursorExport.FETCH_SIZE);
                rs = ps.executeQuery();
            } catch (SQLException | RuntimeException e) {
                ps.close();
                throw e;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                rs.close();
            } finally {
                ps.close();
            }
        }
    }

    /** A file with a line or an element per event: a pass over the events, {@link #STEP_BYTES} a step. */
    private abstract class Listing implements Part {
        private final String name;
        private Pass pass;

        Listing(String name) {
            this.name = name;
        }

        abstract void begin(OutputStream entry) throws IOException;

        abstract void row(EventRow e, UUID correctedBy) throws IOException;

        /** Bytes made but not yet in the entry. */
        long pending() {
            return 0;
        }

        /** Hands what is made to the entry (end of a step). */
        abstract void flush() throws IOException;

        /** Ends the file (after the last row). */
        void end() throws IOException {
            flush();
        }

        @Override
        public boolean step() throws Exception {
            if (pass == null) {
                begin(zip.begin(name));
                pass = opened(new Pass());
            }
            long mark = zip.written();
            while (zip.written() + pending() - mark < STEP_BYTES) {
                if (!pass.rs.next()) {
                    closed(pass);
                    end();
                    zip.end();
                    return true;
                }
                row(EventRow.MAPPER.map(pass.rs), pass.rs.getObject("corrected_by", UUID.class));
            }
            flush();
            return false;
        }
    }

    /** A JSON file whose array lists the events. */
    private abstract class JsonListing extends Listing {
        private PrettyJson json;

        JsonListing(String name) {
            super(name);
        }

        /** Writes what comes before the array's first element, the array opened. */
        abstract void head(PrettyJson json) throws IOException;

        abstract Object item(EventRow e, UUID correctedBy);

        @Override
        void begin(OutputStream entry) throws IOException {
            json = new PrettyJson(entry);
            head(json);
        }

        @Override
        void row(EventRow e, UUID correctedBy) {
            json.item(item(e, correctedBy));
        }

        @Override
        void flush() throws IOException {
            json.flush();
        }

        @Override
        void end() throws IOException {
            json.close();
        }
    }

    /**
     * custody.csv: custody of {@link #STEP_LOTS} lots a step, as {@code GET /api/v1/lots/:id/custody} computes it as of
     * the pack's time, one line per leg; each lot's JSON goes to the spool for custody.json and its legs to the report.
     */
    private final class CustodyCsv implements Part {
        private final StringBuilder b = new StringBuilder(STEP_BYTES + 4096);
        private OutputStream out;
        private BufferedWriter spool;
        private int next;

        @Override
        public boolean step() throws Exception {
            if (out == null) {
                out = zip.begin("custody.csv");
                custodySpool = Files.createTempFile("audit-custody-", ".jsonl");
                spool = opened(Files.newBufferedWriter(custodySpool, StandardCharsets.UTF_8));
                Csv.append(b, (Object[]) AuditFiles.CUSTODY_COLUMNS);
            }
            int end = Math.min(d.lots().size(), next + STEP_LOTS);
            GenericPlans.within(d.connection(), p -> {
                for (; next < end; next++) {
                    var report = Custody.of(p, d.vis(), d.lots().get(next).toString(), d.asOf());
                    if (report.isPresent()) {
                        JsonObject lot = CustodyJson.of(report.get());
                        AuditFiles.custodyCsv(b, lot);
                        rows.lot(lot);
                        try {
                            spool.write(lot.encode());
                            spool.write('\n');
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }
                return null;
            });
            out.write(AuditFiles.utf8(b));
            b.setLength(0);
            if (next < d.lots().size()) {
                return false;
            }
            closed(spool);
            zip.end();
            return true;
        }
    }

    /** custody.json: the spooled lots, {@link #STEP_BYTES} a step. */
    private final class CustodyJsonFile implements Part {
        private PrettyJson json;
        private BufferedReader in;

        @Override
        public boolean step() throws Exception {
            if (json == null) {
                json = new PrettyJson(zip.begin("custody.json"));
                json.fields(AuditFiles.header(d)).array("lots");
                in = opened(Files.newBufferedReader(custodySpool, StandardCharsets.UTF_8));
            }
            long mark = zip.written();
            while (zip.written() - mark < STEP_BYTES) {
                String line = in.readLine();
                if (line == null) {
                    closed(in);
                    json.close();
                    zip.end();
                    Files.deleteIfExists(custodySpool);
                    return true;
                }
                json.item(new JsonObject(line));
            }
            json.flush();
            return false;
        }
    }

    /** report.pdf, a stage at a time on the CPU executor, from what the data files gathered. */
    private final class Report implements Part {
        private AuditPdf.Writing writing;

        @Override
        public boolean step() throws IOException {
            if (writing == null) {
                writing = pdf.start(d, rows, zip, zip.begin("report.pdf"));
            }
            if (!writing.step()) {
                return false;
            }
            zip.end();
            return true;
        }

        @Override
        public boolean cpu() {
            return true;
        }
    }
}
