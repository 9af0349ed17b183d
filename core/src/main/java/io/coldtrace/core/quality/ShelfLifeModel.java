package io.coldtrace.core.quality;

import java.util.List;

/**
 * A temperature-dependent shelf life: how many days a product keeps at a constant temperature, and from that how
 * much of its life a history used.
 *
 * <pre>
 * used fraction  = Σ Δtᵢ / SL(Tᵢ)
 * days used      = used fraction · SL(T_ref)        (days of life at the reference temperature)
 * remaining days = max(0, 1 − used fraction) · SL(T_planned)
 * </pre>
 */
public interface ShelfLifeModel {
    /** Shelf life SL(T) in days at a constant {@code celsius}. */
    double shelfLifeDays(double celsius);

    /** The reference shelf life SL(T_ref) in days. */
    double referenceDays();

    /** The fraction of the product's life that {@code history} used (0 = fresh, ≥ 1 = spent). */
    default double fractionUsed(List<Exposure> history) {
        double used = 0;
        for (Exposure e : history) {
            used += e.days() / shelfLifeDays(e.celsius());
        }
        return used;
    }

    /** The life {@code history} used, in days at the reference temperature. */
    default double daysUsed(List<Exposure> history) {
        return fractionUsed(history) * referenceDays();
    }

    /** Days left if the product is kept at {@code plannedCelsius} from now on. */
    default double remainingDays(List<Exposure> history, double plannedCelsius) {
        return Math.max(0, 1 - fractionUsed(history)) * shelfLifeDays(plannedCelsius);
    }

    /** Checks the reference figures shared by the models. */
    static void requireReference(double referenceDays, double referenceCelsius) {
        if (!(referenceDays > 0) || !Double.isFinite(referenceDays)) {
            throw new IllegalArgumentException("reference shelf life must be a positive number of days, was "
                    + referenceDays);
        }
        if (!Double.isFinite(referenceCelsius) || referenceCelsius <= -KineticTemperature.KELVIN_OFFSET) {
            throw new IllegalArgumentException("reference temperature must be above absolute zero, was "
                    + referenceCelsius);
        }
    }
}
