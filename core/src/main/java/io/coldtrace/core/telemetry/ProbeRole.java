package io.coldtrace.core.telemetry;

/** Where a temperature probe sits; return air, supply air and product probes read differently, so the role is kept. */
public enum ProbeRole {
    AIR("air"),
    RETURN_AIR("return"),
    SUPPLY_AIR("supply"),
    PRODUCT("product");

    private final String wire;

    ProbeRole(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static ProbeRole fromWire(String wire) {
        for (ProbeRole r : values()) {
            if (r.wire.equals(wire)) {
                return r;
            }
        }
        return null;
    }
}
