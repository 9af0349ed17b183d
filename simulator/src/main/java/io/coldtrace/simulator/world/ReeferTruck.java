package io.coldtrace.simulator.world;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A reefer truck driving between sites: legs at 55–90 km/h along a straight line between the sites (position
 * interpolated by distance covered), stops of 45–90 min at each site with the doors open for the first 15–40 min.
 */
public final class ReeferTruck {
    private final int number;
    private final Site home;
    private final List<Site> sites;
    private final SplittableRandom rng;

    private Site from;
    private Site to;
    private double legKm;
    private double doneKm;
    private double speedKmh;
    private Instant stopUntil;
    private Instant doorsOpenUntil;

    ReeferTruck(int number, Site home, List<Site> sites, Instant start, SplittableRandom rng) {
        this.number = number;
        this.home = home;
        this.sites = List.copyOf(sites);
        this.rng = rng;
        this.from = home;
        this.to = home;
        // Start somewhere in a stop so trucks are not in lock-step.
        this.stopUntil = start.plusSeconds(rng.nextInt(3600));
        this.doorsOpenUntil = start;
    }

    public int number() { return number; }
    public Site home() { return home; }

    public boolean driving() { return stopUntil == null; }

    public double speedKmh() { return driving() ? speedKmh : 0.0; }

    public double lat() {
        return Geo.lerp(from.lat(), to.lat(), fraction());
    }

    public double lon() {
        return Geo.lerp(from.lon(), to.lon(), fraction());
    }

    public boolean doorsOpen(Instant t) {
        return !driving() && t.isBefore(doorsOpenUntil);
    }

    /** Moves the truck from {@code t} by {@code seconds}. */
    void advance(Instant t, double seconds) {
        if (!driving()) {
            if (!t.isBefore(stopUntil)) {
                startLeg();
            }
            return;
        }
        // Speed wanders like traffic does, within highway limits for trucks.
        speedKmh = Math.max(55, Math.min(90, speedKmh + rng.nextGaussian() * 2.0 * Math.sqrt(seconds / 10)));
        doneKm += speedKmh * seconds / 3600.0;
        if (doneKm >= legKm) {
            doneKm = legKm;
            stopUntil = t.plus(Duration.ofMinutes(45 + rng.nextInt(46)));
            doorsOpenUntil = t.plus(Duration.ofMinutes(15 + rng.nextInt(26)));
        }
    }

    private void startLeg() {
        from = to;
        to = nextStop();
        legKm = Math.max(1.0, Geo.roadKm(from, to));
        doneKm = 0;
        speedKmh = 70;
        stopUntil = null;
    }

    /** Round the chain ORG → DC → FWD → next ORG …; a one-site world gets a local customer run. */
    private Site nextStop() {
        if (sites.size() == 1) {
            return to == home ? new Site("DROP", home.name() + "客户", home.nameEn() + " customer", SiteKind.FORWARD,
                    home.lat() + 0.2, home.lon() + 0.15) : home;
        }
        return sites.get((sites.indexOf(to) + 1) % sites.size());
    }

    private double fraction() {
        return legKm <= 0 ? 1.0 : doneKm / legKm;
    }
}
