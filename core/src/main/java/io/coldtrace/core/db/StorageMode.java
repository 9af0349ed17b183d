package io.coldtrace.core.db;

/** How telemetry is stored: TimescaleDB hypertables, or plain PostgreSQL range partitions. */
public enum StorageMode {
    TIMESCALE("timescaledb"),
    PARTITIONED("postgresql-partitioned");

    private final String label;

    StorageMode(String label) {
        this.label = label;
    }

    /** What /ready and the logs say. */
    public String label() {
        return label;
    }

    public static StorageMode fromLabel(String label) {
        for (StorageMode m : values()) {
            if (m.label.equals(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown storage mode " + label);
    }
}
