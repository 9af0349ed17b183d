package io.coldtrace.simulator.world;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Where a reefer truck is at any instant, as a pure function of the seed and the time (not of the world's start or of
 * how finely it is ticked), so that the telemetry of the truck and the business plan that loads lots onto it agree,
 * in this process or another, before or after a restart.
 *
 * <p>The truck runs rounds ("cycles") of a fixed period from its home site through every site in the chain's order
 * (ORG → DC → FWD → next ORG …) back home; a one-site world gets a local customer run. Cycle {@code k} starts at
 * {@code anchor + k × period}; the truck waits at home 45–90 min, then drives each leg at 66–76 km/h on average (the
 * position moves linearly with time along the straight line; the reported speed wanders around the average) and
 * stops 45–90 min at each site; the rest of the period it waits at home. Doors are open for the first 15–40 min of a
 * stop (unloading) and the last 10–25 min before leaving (loading). With a reefer-failure rate {@code p}, each leg's
 * compartment A compressor fails with probability {@code p} for 3–5 h starting a fifth to half into the leg.
 */
public final class TruckTimetable {
    static final double PLANNING_KMH = 66.0;
    private static final int MAX_STOP_MIN = 90;
    private static final int CACHE = 4;

    /** One drive between two sites; {@code failFrom}/{@code failUntil} null unless compartment A fails on it. */
    public record Leg(int truck, long cycle, int index, Site from, Site to, Instant depart, Instant arrive,
                      double km, double speedKmh, Duration unloadDoors, Duration loadDoors,
                      Instant failFrom, Instant failUntil) {
        public boolean fails() {
            return failFrom != null;
        }
    }

    private final int truck;
    private final long seed;
    private final List<Site> route;
    private final double failureRate;
    private final long periodS;
    private final long anchorS;
    private final Map<Long, List<Leg>> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<Leg>> eldest) {
            return size() > CACHE;
        }
    };

    /**
     * @param route the sites visited in a cycle, starting and ending at home (first == last)
     */
    TruckTimetable(long seed, int truck, List<Site> route, double failureRate) {
        if (route.size() < 2 || !route.get(0).equals(route.get(route.size() - 1))) {
            throw new IllegalArgumentException("a route starts and ends at home: " + route);
        }
        this.seed = seed;
        this.truck = truck;
        this.route = List.copyOf(route);
        this.failureRate = failureRate;
        double hours = 1.0;
        for (int i = 0; i + 1 < route.size(); i++) {
            hours += Geo.roadKm(route.get(i), route.get(i + 1)) / PLANNING_KMH + MAX_STOP_MIN / 60.0;
        }
        this.periodS = (long) Math.ceil(hours) * 3600;
        this.anchorS = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + truck).nextLong(periodS);
    }

    /** The round of truck {@code number} starting at {@code home}: every site in order, back home. */
    static List<Site> route(Site home, List<Site> sites) {
        List<Site> r = new ArrayList<>();
        if (sites.size() == 1) {
            r.add(home);
            r.add(new Site("DROP", home.name() + "客户", home.nameEn() + " customer", SiteKind.FORWARD,
                    home.lat() + 0.2, home.lon() + 0.15, home.divisionCode()));
        } else {
            int h = sites.indexOf(home);
            for (int i = 0; i < sites.size(); i++) {
                r.add(sites.get((h + i) % sites.size()));
            }
        }
        r.add(home);
        return r;
    }

    public int truck() {
        return truck;
    }

    public Duration period() {
        return Duration.ofSeconds(periodS);
    }

    /** The cycle running at {@code t}. */
    public long cycleAt(Instant t) {
        return Math.floorDiv(t.getEpochSecond() - anchorS, periodS);
    }

    public Instant cycleStart(long k) {
        return Instant.ofEpochSecond(anchorS + k * periodS);
    }

    /** The legs of cycle {@code k}, in driving order. */
    public synchronized List<Leg> legs(long k) {
        return cache.computeIfAbsent(k, this::plan);
    }

    /** Every leg departing within {@code [from, to)}, in time order. */
    public List<Leg> legsDeparting(Instant from, Instant to) {
        List<Leg> out = new ArrayList<>();
        for (long k = cycleAt(from); !cycleStart(k).isAfter(to); k++) {
            for (Leg l : legs(k)) {
                if (!l.depart().isBefore(from) && l.depart().isBefore(to)) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    private List<Leg> plan(long k) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + truck * 0xBF58476D1CE4E5B9L
                + k * 0x94D049BB133111EBL);
        List<Leg> legs = new ArrayList<>();
        Instant t = cycleStart(k);
        for (int i = 0; i + 1 < route.size(); i++) {
            Instant depart = t.plus(Duration.ofMinutes(45 + r.nextInt(MAX_STOP_MIN - 45 + 1)));
            double km = Math.max(1.0, Geo.roadKm(route.get(i), route.get(i + 1)));
            double kmh = PLANNING_KMH + r.nextDouble() * 10;
            Instant arrive = depart.plusSeconds(Math.round(km / kmh * 3600));
            Duration unload = Duration.ofMinutes(15 + r.nextInt(26));
            Duration load = Duration.ofMinutes(10 + r.nextInt(16));
            // drawn whether or not failures are on, so turning them on changes nothing else
            boolean fails = r.nextDouble() < failureRate;
            double startFraction = 0.2 + r.nextDouble() * 0.3;
            Duration failFor = Duration.ofMinutes(180 + r.nextInt(121));
            Instant failFrom = null;
            Instant failUntil = null;
            if (fails) {
                failFrom = depart.plusSeconds(Math.round(Duration.between(depart, arrive).toSeconds() * startFraction));
                failUntil = failFrom.plus(failFor).isAfter(arrive) ? arrive : failFrom.plus(failFor);
            }
            legs.add(new Leg(truck, k, i, route.get(i), route.get(i + 1), depart, arrive, km, kmh, unload, load,
                    failFrom, failUntil));
            t = arrive;
        }
        return List.copyOf(legs);
    }

    /** Where the truck is at {@code t}: the leg it drives (null when stopped) and the site it waits at. */
    record Position(Leg driving, Site at, boolean doorsOpen, boolean compressorFailed) {
    }

    Position at(Instant t) {
        List<Leg> legs = legs(cycleAt(t));
        Site at = route.get(0);
        boolean doors = false;
        for (Leg l : legs) {
            if (t.isBefore(l.depart())) {
                doors |= !t.isBefore(l.depart().minus(l.loadDoors()));
                return new Position(null, at, doors, false);
            }
            if (t.isBefore(l.arrive())) {
                boolean failed = l.fails() && !t.isBefore(l.failFrom()) && t.isBefore(l.failUntil());
                return new Position(l, null, false, failed);
            }
            at = l.to();
            doors = t.isBefore(l.arrive().plus(l.unloadDoors()));
        }
        return new Position(null, at, doors, false);
    }
}
