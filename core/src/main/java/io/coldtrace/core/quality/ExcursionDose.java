package io.coldtrace.core.quality;

import java.util.List;

/**
 * Excursion dose in degree-minutes (°C·min): how far and how long a history went beyond a limit.
 *
 * <pre>
 * above L:  DM = Σ max(0, Tᵢ − L) · Δtᵢ
 * below L:  DM = Σ max(0, L − Tᵢ) · Δtᵢ
 * </pre>
 *
 * with Δtᵢ in minutes, the time reading i represents. An empty history has dose 0.
 */
public final class ExcursionDose {
    private ExcursionDose() {
    }

    /** Degree-minutes above the high limit {@code limitC}. */
    public static double above(List<Exposure> history, double limitC) {
        double dm = 0;
        for (Exposure e : history) {
            dm += Math.max(0, e.celsius() - limitC) * e.minutes();
        }
        return dm;
    }

    /** Degree-minutes below the low limit {@code limitC}. */
    public static double below(List<Exposure> history, double limitC) {
        double dm = 0;
        for (Exposure e : history) {
            dm += Math.max(0, limitC - e.celsius()) * e.minutes();
        }
        return dm;
    }
}
