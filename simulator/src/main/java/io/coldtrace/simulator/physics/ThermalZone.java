package io.coldtrace.simulator.physics;

/**
 * Lumped two-node thermal model of one refrigerated space (a cold room or a reefer compartment): an air node that the
 * evaporator, the walls, the door and the defrost heater act on, and a product node coupled only to the air, so the
 * product probe lags the air probe by the product mass. Euler integration in small steps; deterministic.
 */
public final class ThermalZone {
    /** The evaporator runs this far below the setpoint; cooling pulls the air towards it. */
    private static final double EVAPORATOR_OFFSET_C = 8.0;
    private static final double COOLING_TAU_MIN = 15.0;
    private static final double AIR_PRODUCT_TAU_MIN = 20.0;
    /** Defrost heater warming of the air while the compressor is forced off. */
    private static final double DEFROST_HEAT_C_PER_MIN = 0.15;
    private static final double MAX_STEP_MIN = 0.5;

    private final TemperatureClass tempClass;
    private final double wallTauMin;
    private final double doorTauMin;
    /** Product heat capacity relative to the air's; more load = more thermal inertia. */
    private final double productToAirCapacity;

    private double airC;
    private double productC;
    private boolean compressorOn;
    private boolean compressorFailed;
    private boolean defrosting;
    private boolean doorOpen;

    /**
     * @param wallTauMin   time constant of heat leaking through the insulation (rooms: hours; trucks: less)
     * @param doorTauMin   time constant of mixing with ambient air while the door is open (strip curtains help)
     * @param loadFraction 0 (empty) .. 1 (full) of product mass
     */
    public ThermalZone(TemperatureClass tempClass, double wallTauMin, double doorTauMin, double loadFraction,
                       double initialC) {
        if (wallTauMin <= 0 || doorTauMin <= 0) {
            throw new IllegalArgumentException("time constants must be positive");
        }
        if (loadFraction < 0 || loadFraction > 1) {
            throw new IllegalArgumentException("loadFraction must be within 0..1, was " + loadFraction);
        }
        this.tempClass = tempClass;
        this.wallTauMin = wallTauMin;
        this.doorTauMin = doorTauMin;
        this.productToAirCapacity = 5 + 45 * loadFraction;
        this.airC = initialC;
        this.productC = initialC;
    }

    /** Advances the model by {@code seconds} with the given ambient (outside the insulation) temperature. */
    public void advance(double seconds, double ambientC) {
        double remaining = seconds / 60.0;
        while (remaining > 1e-9) {
            double dt = Math.min(MAX_STEP_MIN, remaining);
            step(dt, ambientC);
            remaining -= dt;
        }
    }

    private void step(double dtMin, double ambientC) {
        double sp = tempClass.setpointC();
        double h = tempClass.hysteresisC();
        // Thermostat with hysteresis; defrost and a failed compressor override it.
        if (compressorFailed || defrosting) {
            compressorOn = false;
        } else if (airC > sp + h) {
            compressorOn = true;
        } else if (airC < sp - h) {
            compressorOn = false;
        }
        double dAir = (ambientC - airC) / wallTauMin + (productC - airC) / AIR_PRODUCT_TAU_MIN;
        if (doorOpen) {
            dAir += (ambientC - airC) / doorTauMin;
        }
        if (compressorOn) {
            dAir += (sp - EVAPORATOR_OFFSET_C - airC) / COOLING_TAU_MIN;
        }
        if (defrosting) {
            dAir += DEFROST_HEAT_C_PER_MIN;
        }
        double dProduct = (airC - productC) / (AIR_PRODUCT_TAU_MIN * productToAirCapacity);
        airC += dAir * dtMin;
        productC += dProduct * dtMin;
    }

    /** Supply air leaving the evaporator: cold while the compressor runs, near the air otherwise. */
    public double supplyAirC() {
        return compressorOn ? tempClass.setpointC() - EVAPORATOR_OFFSET_C + 2 : airC + 0.5;
    }

    public TemperatureClass temperatureClass() { return tempClass; }
    public double airC() { return airC; }
    public double productC() { return productC; }
    public boolean compressorOn() { return compressorOn; }
    public boolean compressorFailed() { return compressorFailed; }
    public boolean defrosting() { return defrosting; }
    public boolean doorOpen() { return doorOpen; }

    public void setDefrosting(boolean on) { defrosting = on; }
    public void setDoorOpen(boolean open) { doorOpen = open; }
    public void setCompressorFailed(boolean failed) { compressorFailed = failed; }
}
