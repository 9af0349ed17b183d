package io.coldtrace.core.quality;

/**
 * The temperature band a lot of a product's temperature class must stay in (domain.md §4), and the temperature its
 * time with no monitoring is assumed to have had for shelf life: the band's upper limit, so an unmonitored stretch
 * never looks better than a cold chain held right at its limit. {@code low} or {@code high} null: no such limit.
 *
 * <ul>
 *   <li>frozen: at or below −18 °C (GB/T 24616);</li>
 *   <li>chilled: 0 to 8 °C (above freezing, below 8 °C);</li>
 *   <li>cool: 10 to 15 °C (cool-chain tropical produce, 12–14 °C typical, chill injury below ~10–12 °C);</li>
 *   <li>ambient: no band; unmonitored time assumed at 25 °C.</li>
 * </ul>
 */
public record ClassBand(String tempClass, Double low, Double high, double assumedUnmonitoredC) {
    public static ClassBand of(String tempClass) {
        return switch (tempClass == null ? "chilled" : tempClass) {
            case "frozen" -> new ClassBand("frozen", null, -18.0, -18.0);
            case "chilled" -> new ClassBand("chilled", 0.0, 8.0, 8.0);
            case "cool" -> new ClassBand("cool", 10.0, 15.0, 15.0);
            case "ambient" -> new ClassBand("ambient", null, null, 25.0);
            default -> throw new IllegalArgumentException("unknown temperature class " + tempClass);
        };
    }

    /** The lower limit for SQL comparisons: no limit is minus infinity. */
    public double lowOrMin() {
        return low == null ? -1e9 : low;
    }

    /** The upper limit for SQL comparisons: no limit is plus infinity. */
    public double highOrMax() {
        return high == null ? 1e9 : high;
    }
}
