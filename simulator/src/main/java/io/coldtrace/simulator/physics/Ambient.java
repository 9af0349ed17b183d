package io.coldtrace.simulator.physics;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Temperatures outside the insulation, with a daily swing peaking mid-afternoon local time. */
public final class Ambient {
    /** Sites and routes are in China; working hours and the daily swing follow Beijing time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Ambient() {
    }

    /** Loading dock / building temperature around a cold room: sheltered, small swing. */
    public static double dockC(Instant t) {
        return 22.0 + 3.0 * dailyWave(t);
    }

    /** Outdoor air at a latitude: warmer in the south, swinging ±5 °C over the day. */
    public static double outdoorC(double lat, Instant t) {
        return 30.0 - 0.5 * Math.max(0, lat - 22.0) + 5.0 * dailyWave(t);
    }

    /** Local hour of day with fraction, e.g. 13.5 for 13:30 in Asia/Shanghai. */
    public static double localHour(Instant t) {
        ZonedDateTime z = t.atZone(ZONE);
        return z.getHour() + z.getMinute() / 60.0 + z.getSecond() / 3600.0;
    }

    /** −1 before dawn (03:00) .. +1 at 15:00. */
    private static double dailyWave(Instant t) {
        return Math.sin((localHour(t) - 9.0) / 24.0 * 2 * Math.PI);
    }
}
