package io.coldtrace.api.epcis;

import io.coldtrace.api.http.Problem;

/**
 * The EPCIS 2.0 REST binding's exception types (its OpenAPI document, {@code components/responses}), and which the
 * capture and query routes answer for each status: RFC 7807 problems ({@link Problem}).
 */
final class EpcisProblems {
    static final String VALIDATION = "epcisException:ValidationException";
    static final String CAPTURE_LIMIT = "epcisException:CaptureLimitExceededException";
    static final String SECURITY = "epcisException:SecurityException";
    static final String NO_SUCH_NAME = "epcisException:NoSuchNameException";
    static final String QUERY_PARAMETER = "epcisException:QueryParameterException";
    static final String IMPLEMENTATION = "epcisException:ImplementationException";

    private EpcisProblems() {
    }

    /** The capture routes' type of each status: a refused document is a ValidationException. */
    static String capture(int status) {
        return switch (status) {
            case 401, 403 -> SECURITY;
            case 404 -> NO_SUCH_NAME;
            case 413 -> CAPTURE_LIMIT;
            case 406, 415 -> IMPLEMENTATION;
            default -> status >= 500 ? IMPLEMENTATION : VALIDATION;
        };
    }

    /** The query route's type of each status: a bad parameter is a QueryParameterException. */
    static String query(int status) {
        return switch (status) {
            case 401, 403 -> SECURITY;
            case 404 -> NO_SUCH_NAME;
            default -> status >= 500 ? IMPLEMENTATION : QUERY_PARAMETER;
        };
    }

    /** 400: the document, or the event at {@code pointer}, cannot be captured, as {@code detail} says. */
    static Problem invalid(String pointer, String detail) {
        Problem p = Problem.of(400, VALIDATION, "The EPCIS document cannot be captured", detail);
        return pointer == null ? p : p.with("pointer", pointer);
    }
}
