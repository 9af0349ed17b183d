package io.coldtrace.simulator.faults;

/**
 * Faults the simulator can inject, by the name used in {@code --faults name=rate,...}. A rate is either a probability
 * per message (checked each time a device reports) or an expected number of occurrences per device-hour.
 */
public enum FaultKind {
    /** No message at all for one reporting slot (the sample is lost; no seq is used). Per message. */
    DROPOUT("dropout", Rate.PER_MESSAGE),
    /** One temperature probe (product, else air) missing from a reading. Per message. */
    PROBE_MISSING("probe_missing", Rate.PER_MESSAGE),
    /** Door left open for 20–60 min (a room or a truck compartment). Per device-hour. */
    DOOR_OPEN("door_open", Rate.PER_DEVICE_HOUR),
    /** Compressor fails for 2–6 h, then is repaired. Per device-hour. */
    COMPRESSOR("compressor", Rate.PER_DEVICE_HOUR),
    /** Device clock gets an offset of ±20 s..±4 min for 1–6 h (inside ingest's 5 min future skew). Per device-hour. */
    CLOCK_SKEW("clock_skew", Rate.PER_DEVICE_HOUR),
    /** The same message (same seq, same bytes) published twice. Per message. */
    DUPLICATES("duplicates", Rate.PER_MESSAGE),
    /** A message is held back and published after the next one. Per message. */
    REORDER("reorder", Rate.PER_MESSAGE),
    /** Device offline for 10–60 min, buffering readings, then uploading them all in one message. Per device-hour. */
    OFFLINE("offline", Rate.PER_DEVICE_HOUR),
    /**
     * A reefer truck's compartment A compressor fails for 3–5 h in the middle of a leg; the rate is the probability
     * per leg, decided by the truck's timetable from the seed (not the tick), so a business plan knows which loads
     * ride through it. Per truck leg.
     */
    REEFER_FAILURE("reefer_failure", Rate.PER_TRUCK_LEG),
    /** The payload is replaced by a malformed one (see {@link Malformation}). Per message. */
    MALFORMED("malformed", Rate.PER_MESSAGE);

    /** What a rate counts. */
    public enum Rate { PER_MESSAGE, PER_DEVICE_HOUR, PER_TRUCK_LEG }

    private final String wire;
    private final Rate rate;

    FaultKind(String wire, Rate rate) {
        this.wire = wire;
        this.rate = rate;
    }

    public String wire() {
        return wire;
    }

    public Rate rate() {
        return rate;
    }

    /** The kind with this {@code --faults} name, or null. */
    public static FaultKind fromWire(String name) {
        for (FaultKind k : values()) {
            if (k.wire.equals(name)) {
                return k;
            }
        }
        return null;
    }
}
