package io.coldtrace.core.quality;

/**
 * The Q10 rule: every 10 °C warmer divides the shelf life by Q10.
 *
 * <pre>SL(T) = SL_ref · Q10^((T_ref − T) / 10)</pre>
 *
 * Typical Q10 for produce: 2.5–4.0 between 0 and 10 °C, 2.0–2.5 between 10 and 20 °C, 1.5–2.0 between 20 and 30 °C.
 *
 * @param referenceDays    SL_ref, shelf life in days at {@code referenceCelsius}
 * @param referenceCelsius T_ref
 * @param q10              rate factor per 10 °C, &gt; 1
 */
public record Q10ShelfLife(double referenceDays, double referenceCelsius, double q10) implements ShelfLifeModel {
    public Q10ShelfLife {
        ShelfLifeModel.requireReference(referenceDays, referenceCelsius);
        if (!(q10 > 1) || !Double.isFinite(q10)) {
            throw new IllegalArgumentException("Q10 must be a finite number above 1, was " + q10);
        }
    }

    @Override
    public double shelfLifeDays(double celsius) {
        return referenceDays * Math.pow(q10, (referenceCelsius - celsius) / 10);
    }
}
