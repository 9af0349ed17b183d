package io.coldtrace.api.history;

import java.time.Instant;

/** An alarm of a unit as histories and daily records show it, with its acknowledgement and resolution. */
public record AlarmRow(long id, String rule, String severity, String state, Instant startedAt, Instant raisedAt,
                       Instant clearedAt, Double limitValue, Double peakValue, String message,
                       Instant acknowledgedAt, String acknowledgedBy, String ackComment,
                       Instant resolvedAt, String resolvedBy) {
}
