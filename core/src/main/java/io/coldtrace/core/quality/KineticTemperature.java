package io.coldtrace.core.quality;

import java.util.List;

/**
 * Mean kinetic temperature and the time-weighted mean of a temperature history (USP &lt;1079.2&gt;).
 *
 * <pre>
 * MKT = (ΔH/R) / −ln( Σ tᵢ · exp(−(ΔH/R) / Tᵢ) / Σ tᵢ )     Tᵢ in kelvin (°C + 273.15), result back in °C
 * TWA = Σ tᵢ · Tᵢ / Σ tᵢ
 * </pre>
 *
 * with tᵢ the time reading i represents and ΔH/R = 83.144 kJ/mol / 8.3144 J/(mol·K) = 10 000 K by default. MKT is
 * a quality measure for 2–8 °C goods over 24 h windows, not a safety limit, and is not used for frozen goods.
 */
public final class KineticTemperature {
    /** ΔH/R in kelvin: activation energy 83.144 kJ/mol over the gas constant 8.3144 J/(mol·K). */
    public static final double DEFAULT_DH_OVER_R_K = 10_000d;
    static final double KELVIN_OFFSET = 273.15;

    private KineticTemperature() {
    }

    /** MKT in °C with ΔH/R = 10 000 K. */
    public static double mkt(List<Exposure> history) {
        return mkt(history, DEFAULT_DH_OVER_R_K);
    }

    /** MKT in °C with the given ΔH/R (kelvin). */
    public static double mkt(List<Exposure> history, double dhOverRKelvin) {
        if (!(dhOverRKelvin > 0) || !Double.isFinite(dhOverRKelvin)) {
            throw new IllegalArgumentException("ΔH/R must be a positive number of kelvin, was " + dhOverRKelvin);
        }
        double total = totalMillis(history);
        double weighted = 0;
        for (Exposure e : history) {
            weighted += e.duration().toMillis() * Math.exp(-dhOverRKelvin / (e.celsius() + KELVIN_OFFSET));
        }
        return dhOverRKelvin / -Math.log(weighted / total) - KELVIN_OFFSET;
    }

    /** Time-weighted arithmetic mean in °C. */
    public static double timeWeightedMean(List<Exposure> history) {
        double total = totalMillis(history);
        double sum = 0;
        for (Exposure e : history) {
            sum += e.duration().toMillis() * e.celsius();
        }
        return sum / total;
    }

    /** Σ tᵢ in milliseconds; refuses an empty history or one that covers no time, since no mean exists then. */
    static double totalMillis(List<Exposure> history) {
        if (history == null || history.isEmpty()) {
            throw new IllegalArgumentException("no readings: a time-weighted figure needs at least one exposure");
        }
        double total = 0;
        for (Exposure e : history) {
            total += e.duration().toMillis();
        }
        if (total <= 0) {
            throw new IllegalArgumentException("the readings cover no time: every exposure has zero duration");
        }
        return total;
    }
}
