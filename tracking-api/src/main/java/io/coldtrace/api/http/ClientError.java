package io.coldtrace.api.http;

import java.util.List;

/**
 * A caller's mistake: answered with a 4xx JSON body naming what was wrong, logged without a stack trace, never a 500
 * (and {@link #busy}: a 503 refusal when a bounded executor is full). Anything else that fails a request is a server
 * error.
 */
public final class ClientError extends RuntimeException {
    private final int status;
    private final String error;
    private final String field;
    private final Long limit;
    private final List<AtLine> lines;

    /** What is wrong with line {@code line} of an uploaded file, and in which of its fields. */
    public record AtLine(int line, String field, String message) {
    }

    private ClientError(int status, String error, String field, String message) {
        this(status, error, field, message, null, List.of());
    }

    private ClientError(int status, String error, String field, String message, Long limit,
                        List<AtLine> lines) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.field = field;
        this.limit = limit;
        this.lines = List.copyOf(lines);
    }

    /** 400: a request parameter is missing or malformed; {@code field} names it. */
    public static ClientError badParameter(String field, String message) {
        return new ClientError(400, "bad_request", field, message);
    }

    /** 401: no credentials, or credentials that are not valid. */
    public static ClientError unauthorized(String message) {
        return new ClientError(401, "unauthorized", null, message);
    }

    /** 403: valid credentials that may not call this route. */
    public static ClientError forbidden(String message) {
        return new ClientError(403, "forbidden", null, message);
    }

    /** 403: valid credentials that may not act on what {@code field} names (an authority outside its region). */
    public static ClientError forbidden(String field, String message) {
        return new ClientError(403, "forbidden", field, message);
    }

    /**
     * 422: an uploaded file (a CSV) has bad lines, each named by its number and field in {@code errors} (at least
     * one); the body carries the first as {@code line} and {@code field}, and all of them as {@code errors}.
     */
    public static ClientError invalidLines(String message, List<AtLine> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("name at least one bad line");
        }
        return new ClientError(422, "invalid", errors.get(0).field(), message, null, errors);
    }

    /** 404: the addressed resource does not exist. */
    public static ClientError notFound(String message) {
        return new ClientError(404, "not_found", null, message);
    }

    /** 404: what {@code field} asks for does not exist (a GS1 resolver's link type the item has no link of). */
    public static ClientError notFound(String field, String message) {
        return new ClientError(404, "not_found", field, message);
    }

    /** 422: a well-formed body whose {@code field} is missing, of the wrong type, out of range or unknown. */
    public static ClientError invalid(String field, String message) {
        return new ClientError(422, "invalid", field, message);
    }

    /**
     * 422: {@code field} asks for, or the answer would need, more than {@code limit} allows (a trace's depth or
     * width): the body names both, so the caller knows what to narrow.
     */
    public static ClientError overLimit(String field, long limit, String message) {
        return new ClientError(422, "over_limit", field, message, limit, List.of());
    }

    /** 409: the request is valid but contradicts the current state (duplicate id, overlap, wrong lifecycle state). */
    public static ClientError conflict(String field, String message) {
        return new ClientError(409, "conflict", field, message);
    }

    /**
     * 503: the server is at its bound for this kind of work and refused it at once; the caller should retry. Not the
     * caller's mistake, but answered the same way (JSON, no stack trace) because nothing failed.
     */
    public static ClientError busy(String message) {
        return new ClientError(503, "busy", null, message);
    }

    /** Any other 4xx status, e.g. 405 from the router. */
    public static ClientError of(int status, String error, String message) {
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("client errors are 4xx, not " + status);
        }
        return new ClientError(status, error, null, message);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    /**
     * The same error with its field seen from an enclosing object: {@code unit_id} within {@code body.event} is
     * {@code body.event.unit_id}.
     */
    public ClientError within(String prefix) {
        return new ClientError(status, error, field == null ? prefix : prefix + "." + field, getMessage(), limit,
                lines);
    }

    /** The limit a request went beyond ({@link #overLimit}), or null. */
    public Long limit() {
        return limit;
    }

    /** The bad lines of an uploaded file ({@link #invalidLines}), else empty. */
    public List<AtLine> lines() {
        return lines;
    }

    /** The parameter at fault, or null. */
    public String field() {
        return field;
    }
}
