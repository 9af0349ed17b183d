package io.coldtrace.api.qualitytests;

import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A quality test as recorded (issue 9 §3): a rapid pesticide-residue test (农残快检) or a laboratory result of one
 * analyte on a lot. Where a value and its limit are given, the result follows from them (a value above its limit
 * fails) and a result that says otherwise is refused; a rapid test's reader may give a result alone.
 *
 * @param lot        the lot's id or code (resolved in the caller's organisation)
 * @param supersedes the test this one corrects (with {@code reason}); null for a first record
 */
record QualityTest(UUID id, String orgId, String lot, String kind, String analyte, Double value, String valueUnit,
                   Double limit, String result, String lab, String method, Instant sampledAt, Instant testedAt,
                   String note, UUID supersedes, String reason) {
    static final Set<String> FIELDS = Set.of("id", "org_id", "lot", "kind", "analyte", "value", "unit", "limit",
            "result", "lab", "method", "sampled_at", "tested_at", "note", "supersedes", "reason");
    /** A test is recorded after it was done: not later than this ahead of the server's clock. */
    static final Duration FUTURE_SLACK = Duration.ofMinutes(5);

    static QualityTest parse(JsonBody b, Instant now) {
        UUID id = b.has("id") ? uuid(b.optText("id", 36), "id") : UUID.randomUUID();
        String kind = b.text("kind", 8).toLowerCase(Locale.ROOT);
        if (!kind.equals("rapid") && !kind.equals("lab")) {
            throw ClientError.invalid("kind", "kind must be rapid (a rapid residue test, 农残快检) or lab");
        }
        Double value = b.optNumber("value");
        Double limit = b.optNumber("limit");
        String unit = b.optText("unit", 32);
        if ((value == null) != (limit == null)) {
            throw ClientError.invalid(value == null ? "value" : "limit", "a value is judged against its limit: give "
                    + "both value and limit, or neither (a result alone)");
        }
        if (value != null && unit == null) {
            throw ClientError.invalid("unit", "unit is required with a value and limit (e.g. mg/kg, or % inhibition "
                    + "for a rapid enzyme test)");
        }
        if (value != null && (value < 0 || limit < 0 || value.isNaN() || limit.isNaN())) {
            throw ClientError.invalid(value < 0 ? "value" : "limit", "value and limit are not negative");
        }
        String result = b.optText("result", 4);
        String computed = value == null ? null : value > limit ? "fail" : "pass";
        if (result == null && computed == null) {
            throw ClientError.invalid("result", "result (pass or fail) is required when no value and limit are given");
        }
        if (result != null) {
            result = result.toLowerCase(Locale.ROOT);
            if (!result.equals("pass") && !result.equals("fail")) {
                throw ClientError.invalid("result", "result must be pass or fail");
            }
            if (computed != null && !computed.equals(result)) {
                throw ClientError.invalid("result", "result " + result + " contradicts value " + value + " against "
                        + "limit " + limit + " (" + computed + "): correct the value, the limit or the result");
            }
        }
        Instant tested = b.optInstant("tested_at");
        if (tested == null) {
            throw ClientError.invalid("tested_at", "tested_at is required (ISO-8601 with offset)");
        }
        if (tested.isAfter(now.plus(FUTURE_SLACK))) {
            throw ClientError.invalid("tested_at", "tested_at " + tested + " is in the future");
        }
        Instant sampled = b.optInstant("sampled_at");
        if (sampled != null && sampled.isAfter(tested)) {
            throw ClientError.invalid("sampled_at", "the sample was taken before it was tested");
        }
        UUID supersedes = b.has("supersedes") ? uuid(b.optText("supersedes", 36), "supersedes") : null;
        String reason = b.optText("reason", 2000);
        if (supersedes != null && reason == null) {
            throw ClientError.invalid("reason", "a correction says why (reason)");
        }
        if (supersedes == null && reason != null) {
            throw ClientError.invalid("supersedes", "reason is given with a correction: name the test it corrects "
                    + "(supersedes)");
        }
        return new QualityTest(id, b.optText("org_id", 64), b.text("lot", 64), kind, b.text("analyte", 200), value,
                unit, limit, result != null ? result : computed, b.text("lab", 200), b.optText("method", 200), sampled,
                tested, b.optText("note", 2000), supersedes, reason);
    }

    QualityTest ownedBy(String org) {
        return new QualityTest(id, org, lot, kind, analyte, value, valueUnit, limit, result, lab, method, sampledAt,
                testedAt, note, supersedes, reason);
    }

    boolean failed() {
        return result.equals("fail");
    }

    private static UUID uuid(String v, String field) {
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ClientError.invalid(field, field + " must be a UUID");
        }
    }
}
