package io.coldtrace.core.telemetry;

import java.time.Instant;

/**
 * One sample of a device at device time {@code ts}. Units are fixed: °C, %RH, % battery, degrees, km/h.
 * Every channel but the timestamp is optional (null = not reported). Values are checked here against physical limits.
 */
public record Reading(
        Instant ts,
        Double airC,
        Double returnAirC,
        Double supplyAirC,
        Double productC,
        Double rhPct,
        Boolean doorOpen,
        Double setpointC,
        Boolean defrost,
        Boolean compressorOn,
        Double batteryPct,
        Double lat,
        Double lon,
        Double speedKmh) {

    public static final double MIN_TEMP_C = -60.0;
    public static final double MAX_TEMP_C = 70.0;

    public Reading {
        if (ts == null) {
            throw new InvalidTelemetryException(RejectReason.MISSING_FIELD, "ts", "reading has no ts");
        }
        check("temp.air", airC, MIN_TEMP_C, MAX_TEMP_C);
        check("temp.return", returnAirC, MIN_TEMP_C, MAX_TEMP_C);
        check("temp.supply", supplyAirC, MIN_TEMP_C, MAX_TEMP_C);
        check("temp.product", productC, MIN_TEMP_C, MAX_TEMP_C);
        check("rh", rhPct, 0, 100);
        check("setpoint", setpointC, MIN_TEMP_C, MAX_TEMP_C);
        check("battery", batteryPct, 0, 100);
        check("lat", lat, -90, 90);
        check("lon", lon, -180, 180);
        check("speed", speedKmh, 0, 250);
        if ((lat == null) != (lon == null)) {
            throw new InvalidTelemetryException(RejectReason.MISSING_FIELD, lat == null ? "lat" : "lon",
                    "lat and lon come together");
        }
    }

    private static void check(String field, Double v, double min, double max) {
        if (v == null) {
            return;
        }
        if (!Double.isFinite(v)) {
            throw new InvalidTelemetryException(RejectReason.NOT_FINITE, field, field + " is " + v);
        }
        if (v < min || v > max) {
            throw new InvalidTelemetryException(RejectReason.OUT_OF_RANGE, field,
                    field + " = " + v + " is outside the physical range [" + min + ", " + max + "]");
        }
    }

    /** The temperature a unit is judged by when nothing says otherwise: product probe, then air, return, supply. */
    public Double primaryTempC() {
        if (productC != null) return productC;
        if (airC != null) return airC;
        if (returnAirC != null) return returnAirC;
        return supplyAirC;
    }

    /** Starts a builder for simulators and tests; the record's constructor still validates. */
    public static Builder at(Instant ts) {
        return new Builder(ts);
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private final Instant ts;
        private Double airC, returnAirC, supplyAirC, productC, rhPct, setpointC, batteryPct, lat, lon, speedKmh;
        private Boolean doorOpen, defrost, compressorOn;

        private Builder(Instant ts) {
            this.ts = ts;
        }

        public Builder temp(ProbeRole role, Double c) {
            return set(Channel.forProbe(role), c);
        }

        /** Sets channel {@code ch}: a Double, or a Boolean for a boolean channel; null = not reported. */
        public Builder set(Channel ch, Object v) {
            switch (ch) {
                case AIR -> airC = (Double) v;
                case RETURN_AIR -> returnAirC = (Double) v;
                case SUPPLY_AIR -> supplyAirC = (Double) v;
                case PRODUCT -> productC = (Double) v;
                case RH -> rhPct = (Double) v;
                case DOOR_OPEN -> doorOpen = (Boolean) v;
                case SETPOINT -> setpointC = (Double) v;
                case DEFROST -> defrost = (Boolean) v;
                case COMPRESSOR_ON -> compressorOn = (Boolean) v;
                case BATTERY -> batteryPct = (Double) v;
                case LAT -> lat = (Double) v;
                case LON -> lon = (Double) v;
                case SPEED -> speedKmh = (Double) v;
            }
            return this;
        }

        public Builder air(Double c) { airC = c; return this; }
        public Builder product(Double c) { productC = c; return this; }
        public Builder rh(Double v) { rhPct = v; return this; }
        public Builder door(Boolean open) { doorOpen = open; return this; }
        public Builder setpoint(Double c) { setpointC = c; return this; }
        public Builder defrost(Boolean on) { defrost = on; return this; }
        public Builder compressor(Boolean on) { compressorOn = on; return this; }
        public Builder battery(Double pct) { batteryPct = pct; return this; }
        public Builder position(Double lat, Double lon, Double speedKmh) {
            this.lat = lat; this.lon = lon; this.speedKmh = speedKmh; return this;
        }

        public Reading build() {
            return new Reading(ts, airC, returnAirC, supplyAirC, productC, rhPct, doorOpen, setpointC, defrost,
                    compressorOn, batteryPct, lat, lon, speedKmh);
        }
    }
}
