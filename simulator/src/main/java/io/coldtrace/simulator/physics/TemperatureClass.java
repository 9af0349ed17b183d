package io.coldtrace.simulator.physics;

/**
 * Storage temperature classes of domain.md section 4: the setpoint a unit controls to and the band its goods must
 * stay in. The compressor hysteresis is a quarter of the band so a healthy unit cycles well inside it.
 */
public enum TemperatureClass {
    /** GB/T 24616: frozen goods at or below −18 °C; rooms run a few degrees colder. */
    FROZEN(-21.0, -25.0, -18.0),
    /** Typical chill, 0–4 °C. */
    CHILLED(2.0, 0.0, 4.0),
    /** Cool-chain tropical produce such as bananas (chill injury below ~12.5 °C). */
    COOL(13.0, 12.0, 14.0);

    private final double setpointC;
    private final double lowC;
    private final double highC;

    TemperatureClass(double setpointC, double lowC, double highC) {
        this.setpointC = setpointC;
        this.lowC = lowC;
        this.highC = highC;
    }

    public double setpointC() {
        return setpointC;
    }

    public double lowC() {
        return lowC;
    }

    public double highC() {
        return highC;
    }

    public double hysteresisC() {
        return (highC - lowC) / 4;
    }

    public boolean inBand(double c) {
        return c >= lowC && c <= highC;
    }
}
