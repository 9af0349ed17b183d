package io.coldtrace.api.certifications;

import io.coldtrace.api.http.ClientError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * An uploaded evidence file: a PDF, JPEG or PNG whose first bytes must match the type it claims (a renamed file is
 * refused). Its SHA-256 is computed where it is stored, on a JDBC worker, not on the event loop.
 */
public record Evidence(String filename, String contentType, byte[] content) {
    /** Largest file taken: a phone photo or a scanned page. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final Map<String, byte[]> MAGIC = Map.of(
            "application/pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII),
            "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    /** The file of an upload; 4xx naming what is wrong. */
    public static Evidence of(String filename, String contentTypeHeader, byte[] content) {
        if (filename == null || filename.isBlank() || filename.length() > 200 || filename.contains("/")
                || filename.contains("\\")) {
            throw ClientError.badParameter("filename", "give ?filename= (1..200 characters, no path)");
        }
        String type = contentTypeHeader == null ? "" : contentTypeHeader.split(";")[0].strip().toLowerCase();
        byte[] magic = MAGIC.get(type);
        if (magic == null) {
            throw ClientError.of(415, "unsupported_media_type", "evidence is a PDF, JPEG or PNG: send it with "
                    + "Content-Type application/pdf, image/jpeg or image/png, not '" + type + "'");
        }
        if (content == null || content.length == 0) {
            throw ClientError.invalid("body", "the file is empty");
        }
        if (content.length < magic.length || !java.util.Arrays.equals(content, 0, magic.length, magic, 0,
                magic.length)) {
            throw ClientError.invalid("body", "the file is not a " + type + " (its first bytes do not match)");
        }
        return new Evidence(filename.strip(), type, content);
    }

    /** The file's SHA-256, lower-case hex. */
    public String sha256() {
        return sha256(content);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
