package io.coldtrace.ingest.write;

import java.time.Instant;

/** A row for dead_letter: what could not be stored, with its reason. {@code payload} is what arrived. */
public record DeadLetter(Instant receivedAt, String topic, String deviceExt, Long seq, Integer readingIdx,
                         String reason, String field, String detail, byte[] payload) {
}
