package io.coldtrace.api.audit;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A pack's ZIP, written as its files are made: each entry's bytes are counted and hashed (SHA-256) as they go in, and
 * {@link #finish} adds {@code manifest.json} last, listing every file with its size and SHA-256. Every entry is stamped
 * with the as-of time (UTC), so the same files give the same ZIP. The compressed bytes collect in memory only until
 * {@link #take} hands them to the response, a step at a time. The manifest's own SHA-256 is a header (or trailer) of
 * the answer, so a recipient can check the manifest, then each file against it. One writer at a time.
 */
final class PackZip implements AutoCloseable {
    static final String MANIFEST = "manifest.json";
    static final String FORMAT = "coldtrace-audit-pack/1";

    private final ByteArrayOutputStream sink = new ByteArrayOutputStream(64 * 1024);
    private final ZipOutputStream zip = new ZipOutputStream(sink);
    private final LocalDateTime stamp;
    private final JsonArray listed = new JsonArray();
    private final Map<String, String> hashes = new HashMap<>();
    private Entry open;

    PackZip(Instant asOf) {
        this.stamp = LocalDateTime.ofInstant(asOf, ZoneOffset.UTC);
    }

    /** Starts file {@code name}: what is written to the stream goes into it (closing the stream does nothing). */
    OutputStream begin(String name) throws IOException {
        if (open != null) {
            throw new IllegalStateException(open.name + " is not ended");
        }
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(stamp);
        zip.putNextEntry(e);
        open = new Entry(name);
        return open;
    }

    /** Ends the file begun last and lists it. */
    void end() throws IOException {
        zip.closeEntry();
        String sha = HexFormat.of().formatHex(open.digest.digest());
        listed.add(new JsonObject().put("name", open.name).put("size", open.size).put("sha256", sha));
        hashes.put(open.name, sha);
        open = null;
    }

    /** Bytes written into the open file so far (0 when none is open). */
    long written() {
        return open == null ? 0 : open.size;
    }

    /** One whole file. */
    void put(String name, byte[] bytes) throws IOException {
        begin(name).write(bytes);
        end();
    }

    /** The SHA-256 of file {@code name}, once ended (the report names the data files it summarises). */
    String sha256Of(String name) {
        return hashes.get(name);
    }

    /** Adds the manifest of the files so far (after {@code header}) as the last entry and ends the ZIP. */
    byte[] finish(JsonObject header) throws IOException {
        byte[] manifest = AuditFiles.json(new JsonObject().put("format", FORMAT).mergeIn(header)
                .put("hash", "SHA-256 of each file's bytes, hex").put("files", listed));
        ZipEntry e = new ZipEntry(MANIFEST);
        e.setTimeLocal(stamp);
        zip.putNextEntry(e);
        zip.write(manifest);
        zip.closeEntry();
        zip.finish();
        return manifest;
    }

    /** Bytes written since the last {@link #take}. */
    int pending() {
        return sink.size();
    }

    /** The ZIP's bytes written since the last call. */
    Buffer take() {
        Buffer b = Buffer.buffer(sink.toByteArray());
        sink.reset();
        return b;
    }

    /** Drops the ZIP (an export that stopped). */
    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // in memory: nothing to fail
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The open entry: counts and hashes what goes in. */
    private final class Entry extends OutputStream {
        private final String name;
        private final MessageDigest digest = digest();
        private long size;

        Entry(String name) {
            this.name = name;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (open != this) {
                throw new IOException(name + " is ended");
            }
            digest.update(b, off, len);
            size += len;
            zip.write(b, off, len);
        }

        @Override
        public void close() {
            // the entry ends with PackZip.end()
        }
    }
}
