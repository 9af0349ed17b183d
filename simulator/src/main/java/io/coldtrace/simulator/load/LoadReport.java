package io.coldtrace.simulator.load;

import io.coldtrace.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Outcome of a load run. Counts are of messages published; {@code failedPublishes} counts those the broker did not
 * acknowledge (must be 0 on a healthy broker). Per device the seqs run firstSeq..lastSeq without gaps.
 */
public record LoadReport(Map<String, DeviceCounts> perDevice, long messagesSent, long readingsSent,
                         long failedPublishes, double elapsedSeconds, double readingsPerSecond,
                         double messagesPerSecond) {
    public LoadReport {
        perDevice = new TreeMap<>(perDevice);
    }

    /** What one device sent: {@code messages} messages with seqs firstSeq..lastSeq carrying {@code readings}. */
    public record DeviceCounts(long messages, long firstSeq, long lastSeq, long readings) {
    }

    public String toJson() {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeJson(Path file) {
        try {
            java.nio.file.Files.writeString(file, toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + file, e);
        }
    }

    /** One line for humans. */
    public String summary() {
        return String.format("%d messages, %d readings in %.1f s: %.0f readings/s, %.0f msgs/s, %d failed publishes",
                messagesSent, readingsSent, elapsedSeconds, readingsPerSecond, messagesPerSecond, failedPublishes);
    }
}
