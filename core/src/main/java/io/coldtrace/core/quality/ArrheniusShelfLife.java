package io.coldtrace.core.quality;

/**
 * The Arrhenius model: spoilage is a reaction with activation energy Ea.
 *
 * <pre>SL(T) = SL_ref · exp( Ea/R · (1/T − 1/T_ref) )     T, T_ref in kelvin, R = 8.314 J/(mol·K)</pre>
 *
 * @param referenceDays    SL_ref, shelf life in days at {@code referenceCelsius}
 * @param referenceCelsius T_ref in °C
 * @param eaJoulePerMol    activation energy Ea in J/mol, &gt; 0
 */
public record ArrheniusShelfLife(double referenceDays, double referenceCelsius, double eaJoulePerMol)
        implements ShelfLifeModel {
    /** The gas constant R in J/(mol·K). */
    public static final double R = 8.314;

    public ArrheniusShelfLife {
        ShelfLifeModel.requireReference(referenceDays, referenceCelsius);
        if (!(eaJoulePerMol > 0) || !Double.isFinite(eaJoulePerMol)) {
            throw new IllegalArgumentException("activation energy must be a positive number of J/mol, was "
                    + eaJoulePerMol);
        }
    }

    @Override
    public double shelfLifeDays(double celsius) {
        double t = celsius + KineticTemperature.KELVIN_OFFSET;
        double tRef = referenceCelsius + KineticTemperature.KELVIN_OFFSET;
        return referenceDays * Math.exp(eaJoulePerMol / R * (1 / t - 1 / tRef));
    }
}
