package io.coldtrace.api.audit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A pack's ZIP: the files in name order, then {@code manifest.json} listing each with its size and SHA-256; every
 * entry stamped with the as-of time (UTC), so the same files give the same ZIP. The manifest's own SHA-256 goes in the
 * response header, so a recipient can check the manifest, then each file against it.
 */
record PackZip(byte[] zip, byte[] manifest, String manifestSha256) {
    static final String MANIFEST = "manifest.json";
    static final String FORMAT = "coldtrace-audit-pack/1";

    static PackZip of(JsonObject header, Map<String, byte[]> files, Instant asOf) {
        JsonArray list = new JsonArray();
        files.forEach((name, bytes) -> list.add(new JsonObject().put("name", name).put("size", bytes.length)
                .put("sha256", sha256(bytes))));
        byte[] manifest = AuditFiles.json(new JsonObject().put("format", FORMAT).mergeIn(header)
                .put("hash", "SHA-256 of each file's bytes, hex").put("files", list));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalDateTime stamp = LocalDateTime.ofInstant(asOf, ZoneOffset.UTC);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                put(zip, f.getKey(), f.getValue(), stamp);
            }
            put(zip, MANIFEST, manifest, stamp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PackZip(out.toByteArray(), manifest, sha256(manifest));
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes, LocalDateTime stamp) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(stamp);
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
