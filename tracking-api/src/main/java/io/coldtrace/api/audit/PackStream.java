package io.coldtrace.api.audit;

import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.ChunkedExport;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.work.CpuWork;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pack as a {@link ChunkedExport.Source}: each chunk is one step of {@link PackParts} (on a JDBC worker while it
 * reads the snapshot, on the CPU executor for the report) and the ZIP bytes it made; after the last part, the
 * manifest. A pack of at most {@value #HOLD_BYTES} bytes is answered whole with {@code X-Manifest-SHA256} as a header;
 * a larger one is streamed and the same value comes as an HTTP trailer. Each pack logs the time each part took.
 */
final class PackStream implements ChunkedExport.Source {
    /** Packs up to this size are answered whole (a lot's pack, a small case's). */
    static final int HOLD_BYTES = 1 << 20;
    static final String MANIFEST_HEADER = "x-manifest-sha256";
    /** How often a report step refused by a busy CPU executor is tried again, 200 ms apart (a minute). */
    private static final int CPU_TRIES = 300;
    private static final Logger LOG = LoggerFactory.getLogger(PackStream.class);

    private final AuditData d;
    private final BlockingDb db;
    private final CpuWork cpu;
    private final Vertx vertx;
    private final PackZip zip;
    private final PackParts parts;
    private final List<PackParts.Named> steps;
    private final long[] nanos;
    private final long opened = System.nanoTime();
    private long bytes;
    private int at;
    private String manifestSha;

    PackStream(AuditData d, AuditPdf pdf, BlockingDb db, CpuWork cpu, Vertx vertx) {
        this.d = d;
        this.db = db;
        this.cpu = cpu;
        this.vertx = vertx;
        this.zip = new PackZip(d.asOf());
        this.parts = new PackParts(d, zip, pdf);
        this.steps = parts.all();
        this.nanos = new long[steps.size()];
    }

    @Override
    public ChunkedExport.Head head() {
        String name = "audit-" + d.subject().kind() + "-" + d.subject().code() + "-"
                + d.asOf().toString().replace(":", "") + ".zip";
        return new ChunkedExport.Head("application/zip", name, Map.of("x-audit-as-of", d.asOf().toString()),
                List.of(MANIFEST_HEADER), HOLD_BYTES);
    }

    @Override
    public Future<ChunkedExport.Chunk> next() {
        PackParts.Part part = steps.get(at).part();
        Callable<ChunkedExport.Chunk> job = () -> {
            long started = System.nanoTime();
            boolean done = part.step();
            nanos[at] += System.nanoTime() - started;
            if (done) {
                at++;
            }
            if (at < steps.size()) {
                return chunk(false);
            }
            manifestSha = PackZip.sha256(zip.finish(AuditFiles.header(d)));
            LOG.info("audit pack of the {} {}: {} bytes in {} ms ({})", d.subject().kind(), d.subject().code(),
                    bytes + zip.pending(), (System.nanoTime() - opened) / 1_000_000, times());
            return chunk(true);
        };
        return part.cpu() ? onCpu(job, CPU_TRIES) : db.blocking(job);
    }

    private ChunkedExport.Chunk chunk(boolean last) {
        Buffer b = zip.take();
        bytes += b.length();
        return new ChunkedExport.Chunk(b, last);
    }

    /** Milliseconds each part took to make (not counting the time the response waited). */
    private String times() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(steps.get(i).name()).append(' ').append(nanos[i] / 1_000_000)
                    .append(" ms");
        }
        return b.toString();
    }

    /** Runs a step on the CPU executor, waiting for a place when it is full rather than failing the download. */
    private Future<ChunkedExport.Chunk> onCpu(Callable<ChunkedExport.Chunk> job, int tries) {
        return cpu.submit(job).recover(e -> {
            if (tries <= 1 || !(e instanceof ClientError busy) || busy.status() != 503) {
                return Future.failedFuture(e);
            }
            Promise<ChunkedExport.Chunk> later = Promise.promise();
            vertx.setTimer(200, t -> onCpu(job, tries - 1).onComplete(later));
            return later.future();
        });
    }

    @Override
    public Map<String, String> trailers() {
        return manifestSha == null ? Map.of() : Map.of(MANIFEST_HEADER, manifestSha);
    }

    @Override
    public void close() {
        zip.close();
        db.blocking(() -> {
            parts.close();
            d.close();
            return null;
        });
    }

    @Override
    public String progress() {
        return at + " of " + steps.size() + " parts of the " + d.subject().kind() + " " + d.subject().code();
    }
}
