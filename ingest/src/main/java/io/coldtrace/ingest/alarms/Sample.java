package io.coldtrace.ingest.alarms;

import java.time.Instant;

/** The profile's probe value of one earlier reading and its context, kept for the next reading's comparison. */
record Sample(Instant ts, double value, boolean defrost, boolean doorOpen) {
}
