package io.coldtrace.ingest.alarms;

import java.util.function.Function;

/** Maps the database's text values back to this package's enums, rejecting unknown ones by name. */
final class WireNames {
    private WireNames() {
    }

    static <E extends Enum<E>> E parse(E[] values, Function<E, String> wire, String value, String what) {
        for (E e : values) {
            if (wire.apply(e).equals(value)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + value + "'");
    }
}
