package io.coldtrace.ingest.metrics;

import io.coldtrace.core.telemetry.RejectReason;

/** What ingest counts. {@link MicrometerIngestMetrics} exports it to Prometheus; {@link #NOOP} is for unit tests. */
public interface IngestMetrics {
    void messageReceived();

    void readingsWritten(int n);

    void readingsDuplicate(int n);

    void deadLetter(String reason);

    default void deadLetter(RejectReason reason) {
        deadLetter(reason.wire());
    }

    void batchFlushed(int messages, long nanos);

    /** End-to-end lag of one reading: commit time minus device time. */
    void lagMillis(long millis);

    void dbRetry();

    void sequenceGaps(long missing);

    /** The source disconnected because the in-memory backlog passed its bound. */
    void sourcePaused();

    IngestMetrics NOOP = new IngestMetrics() {
        @Override public void messageReceived() { }
        @Override public void readingsWritten(int n) { }
        @Override public void readingsDuplicate(int n) { }
        @Override public void deadLetter(String reason) { }
        @Override public void batchFlushed(int messages, long nanos) { }
        @Override public void lagMillis(long millis) { }
        @Override public void dbRetry() { }
        @Override public void sequenceGaps(long missing) { }
        @Override public void sourcePaused() { }
    };
}
