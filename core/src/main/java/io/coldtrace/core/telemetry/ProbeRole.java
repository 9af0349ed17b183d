package io.coldtrace.core.telemetry;

import java.util.Arrays;
import java.util.List;

/** Where a temperature probe sits; return air, supply air and product probes read differently, so the role is kept. */
public enum ProbeRole {
    AIR("air"),
    RETURN_AIR("return"),
    SUPPLY_AIR("supply"),
    PRODUCT("product");

    /** Every role's wire name, in order: what a limit profile's probe may be. */
    public static final List<String> WIRES = Arrays.stream(values()).map(ProbeRole::wire).toList();

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
