package io.coldtrace.api.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * Writes RFC 4180 CSV (comma, CRLF, fields quoted when they hold a comma, quote or line break) as a chunked
 * attachment: rows are flushed to the response in blocks, so a long series never sits whole in one buffer.
 */
public final class Csv {
    private static final int FLUSH_AT = 32 * 1024;

    private final HttpServerResponse response;
    private final StringBuilder pending = new StringBuilder(FLUSH_AT + 1024);

    private Csv(HttpServerResponse response) {
        this.response = response;
    }

    /** Starts a 200 CSV attachment named {@code filename}. */
    public static Csv start(RoutingContext ctx, String filename) {
        HttpServerResponse r = ctx.response().setStatusCode(200).setChunked(true)
                .putHeader("content-type", "text/csv; charset=utf-8")
                .putHeader("content-disposition", attachment(filename))
                .putHeader("cache-control", "no-store");
        return new Csv(r);
    }

    /** A Content-Disposition value for a download; characters other than letters, digits, '.', '_', '-' become '_'. */
    public static String attachment(String filename) {
        return "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9._-]", "_") + "\"";
    }

    /** One row; null fields are empty, numbers are written as given (format them first). */
    public Csv row(Object... fields) {
        append(pending, fields);
        if (pending.length() >= FLUSH_AT) {
            flush();
        }
        return this;
    }

    /** Appends one row to {@code out}, as {@link #row} writes it (for writers that buffer on their own). */
    public static void append(StringBuilder out, Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields[i]));
        }
        out.append("\r\n");
    }

    /** An empty line, e.g. between sections. */
    public Csv blank() {
        pending.append("\r\n");
        return this;
    }

    /** Ends the response with what is left. */
    public Future<Void> end() {
        return response.end(Buffer.buffer(pending.toString()));
    }

    private void flush() {
        response.write(Buffer.buffer(pending.toString()));
        pending.setLength(0);
    }

    /** A field as CSV text, quoted where needed. */
    static String field(Object v) {
        if (v == null) {
            return "";
        }
        String s = v.toString();
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** A number with {@code decimals} decimals and a '.' separator whatever the locale; null stays empty. */
    public static String number(Double v, int decimals) {
        return v == null ? null : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
