package io.coldtrace.simulator.world;

import io.coldtrace.core.telemetry.Topics;

/**
 * A place with cold rooms and a truck dock; {@code id} is its topic segment, e.g. {@code ORG1}; {@code name} is the
 * Chinese name, {@code nameEn} the English one; {@code divisionCode} the GB/T 2260 division it is in (its city's).
 */
public record Site(String id, String name, String nameEn, SiteKind kind, double lat, double lon,
                   String divisionCode) {
    public Site {
        Topics.telemetry(id, "probe"); // throws with the pattern when id is not a valid topic segment
        if (name == null || name.isBlank() || nameEn == null || nameEn.isBlank()) {
            throw new IllegalArgumentException("site " + id + " needs a Chinese and an English name");
        }
        if (kind == null) {
            throw new IllegalArgumentException("site " + id + " needs a kind");
        }
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("site " + id + " has no valid position: " + lat + ", " + lon);
        }
    }
}
