package io.coldtrace.simulator.business;

import io.coldtrace.simulator.provision.TraceBlueprint;
import io.coldtrace.simulator.world.ReeferTruck;
import io.coldtrace.simulator.world.SiteKind;
import io.coldtrace.simulator.world.TruckTimetable.Leg;
import io.coldtrace.simulator.world.World;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the people of a world do with its goods between {@code from} and {@code to}: the {@link LotJourney}s whose
 * harvest falls in that window, one or two per trunk leg (origin store → consolidation centre) of every truck whose
 * compartment A holds a class some grower's produce needs, and their events in time order. A pure function of the
 * world's seed and shape, the organisation and the window: a journey depends only on its truck, cycle and leg (never
 * on the window or the world's start), so consecutive windows join without gaps or repeats, and a restart plans the
 * same journeys with the same client event ids. The plan is replayed through {@link Holdings} before it is returned.
 */
public record BusinessPlan(long seed, String orgId, Instant from, Instant to, List<LotJourney> journeys,
                           List<PlannedEvent> events) {
    /** Harvests happen at most this long before their truck leaves. */
    static final Duration HARVEST_LEAD = Duration.ofHours(15);

    public BusinessPlan {
        journeys = List.copyOf(journeys);
        events = List.copyOf(events);
    }

    public static BusinessPlan of(World world, String orgId, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("an empty window: " + from + " .. " + to);
        }
        long seed = world.config().seed();
        ChainPlaces places = new ChainPlaces(world);
        List<Produce> produce = Produce.of(TraceBlueprint.of(world, orgId), orgId);
        List<LotJourney> journeys = new ArrayList<>();
        for (ReeferTruck truck : world.trucks()) {
            ChainPlaces.Compartment a = places.compartmentA(truck.number());
            List<Produce> fits = a == null ? List.of()
                    : produce.stream().filter(p -> p.tempClass().equals(a.tempClass())).toList();
            if (fits.isEmpty()) {
                continue;
            }
            for (Leg trunk : truck.timetable().legsDeparting(from, to.plus(HARVEST_LEAD))) {
                if (trunk.from().kind() != SiteKind.ORIGIN || trunk.to().kind() != SiteKind.CONSOLIDATION) {
                    continue;
                }
                List<Leg> cycle = truck.timetable().legs(trunk.cycle());
                Leg next = trunk.index() + 1 < cycle.size() ? cycle.get(trunk.index() + 1) : null;
                if (next != null && next.to().kind() != SiteKind.FORWARD) {
                    next = null;
                }
                SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L
                        + truck.number() * 0xBF58476D1CE4E5B9L + trunk.cycle() * 31 + trunk.index());
                int n = Math.min(fits.size(), 1 + r.nextInt(2));
                int first = r.nextInt(fits.size());
                for (int j = 0; j < n; j++) {
                    LotJourney lj = LotJourney.plan(seed, orgId, places, fits.get((first + j) % fits.size()), a,
                            trunk, next, j, r.split());
                    if (!lj.harvestedAt().isBefore(from) && lj.harvestedAt().isBefore(to)) {
                        journeys.add(lj);
                    }
                }
            }
        }
        journeys.sort(Comparator.comparing(LotJourney::harvestedAt).thenComparing(LotJourney::key));
        List<PlannedEvent> events = new ArrayList<>();
        journeys.forEach(j -> events.addAll(j.events()));
        events.sort(Comparator.comparing(PlannedEvent::at)); // stable: same time keeps journey order
        Holdings.replay(events);
        return new BusinessPlan(seed, orgId, from, to, journeys, events);
    }
}
