package io.coldtrace.simulator.faults;

import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/** Rate of each fault kind (absent = 0 = off); see {@link FaultKind} for what each rate counts. */
public record FaultConfig(Map<FaultKind, Double> rates) {
    public FaultConfig {
        EnumMap<FaultKind, Double> copy = new EnumMap<>(FaultKind.class);
        rates.forEach((k, v) -> {
            if (v == null || !Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("fault rate " + k.wire() + " must be a number >= 0, was " + v);
            }
            if (k.rate() != FaultKind.Rate.PER_DEVICE_HOUR && v > 1) {
                String per = k.rate() == FaultKind.Rate.PER_MESSAGE ? "message" : "truck leg";
                throw new IllegalArgumentException("fault rate " + k.wire() + " is a probability per " + per
                        + " and must be within 0..1, was " + v);
            }
            copy.put(k, v);
        });
        rates = Map.copyOf(copy);
    }

    public static FaultConfig none() {
        return new FaultConfig(Map.of());
    }

    public double rate(FaultKind kind) {
        return rates.getOrDefault(kind, 0.0);
    }

    /** Parses {@code dropout=0.01,duplicates=0.02}; an empty string means no faults. */
    public static FaultConfig parse(String spec) {
        EnumMap<FaultKind, Double> m = new EnumMap<>(FaultKind.class);
        if (spec == null || spec.isBlank()) {
            return new FaultConfig(m);
        }
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split("=", 2);
            FaultKind kind = FaultKind.fromWire(kv[0].trim());
            if (kind == null || kv.length != 2) {
                throw new IllegalArgumentException("bad fault '" + part.trim() + "': expected name=rate with name one of "
                        + names());
            }
            try {
                m.put(kind, Double.parseDouble(kv[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fault rate of " + kind.wire() + " is not a number: " + kv[1]);
            }
        }
        return new FaultConfig(m);
    }

    public static String names() {
        StringJoiner j = new StringJoiner(", ");
        for (FaultKind k : FaultKind.values()) {
            j.add(k.wire());
        }
        return j.toString();
    }
}
