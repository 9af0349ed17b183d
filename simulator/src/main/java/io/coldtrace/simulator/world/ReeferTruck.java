package io.coldtrace.simulator.world;

import java.time.Duration;
import java.time.Instant;

/**
 * A reefer truck driving between sites on its {@link TruckTimetable}: legs along a straight line between the sites
 * (position interpolated by time), stops of 45–90 min at each site with the doors open while unloading and loading.
 * Its state is a function of the time only, so a world started at another time, or ticked in other steps, sees the
 * same truck in the same place.
 */
public final class ReeferTruck {
    private final int number;
    private final Site home;
    private final TruckTimetable timetable;
    private Instant now;
    private TruckTimetable.Position position;

    ReeferTruck(int number, Site home, TruckTimetable timetable, Instant start) {
        this.number = number;
        this.home = home;
        this.timetable = timetable;
        moveTo(start);
    }

    public int number() { return number; }
    public Site home() { return home; }
    public TruckTimetable timetable() { return timetable; }

    public boolean driving() { return position.driving() != null; }

    /** The average speed of the leg, wandering ±4 km/h like traffic does; 0 when stopped. */
    public double speedKmh() {
        TruckTimetable.Leg l = position.driving();
        if (l == null) {
            return 0.0;
        }
        double s = Duration.between(l.depart(), now).toMillis() / 1000.0;
        return Math.max(55, Math.min(90, l.speedKmh() + 4 * Math.sin(2 * Math.PI * s / 600 + number)));
    }

    public double lat() {
        TruckTimetable.Leg l = position.driving();
        return l == null ? position.at().lat() : Geo.lerp(l.from().lat(), l.to().lat(), fraction(l));
    }

    public double lon() {
        TruckTimetable.Leg l = position.driving();
        return l == null ? position.at().lon() : Geo.lerp(l.from().lon(), l.to().lon(), fraction(l));
    }

    public boolean doorsOpen(Instant t) {
        return timetable.at(t).doorsOpen();
    }

    /** Whether compartment A's compressor is failed by the timetable's scripted reefer failure at {@code t}. */
    public boolean compressorFailed(Instant t) {
        return timetable.at(t).compressorFailed();
    }

    /** Moves the truck from {@code t} by {@code seconds}. */
    void advance(Instant t, double seconds) {
        moveTo(t.plusMillis(Math.round(seconds * 1000)));
    }

    private void moveTo(Instant t) {
        now = t;
        position = timetable.at(t);
    }

    private double fraction(TruckTimetable.Leg l) {
        long total = Duration.between(l.depart(), l.arrive()).toMillis();
        return total <= 0 ? 1.0 : Math.min(1.0, Duration.between(l.depart(), now).toMillis() / (double) total);
    }
}
