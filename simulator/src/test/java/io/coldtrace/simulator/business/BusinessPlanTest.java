package io.coldtrace.simulator.business;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coldtrace.simulator.faults.FaultConfig;
import io.coldtrace.simulator.world.World;
import io.coldtrace.simulator.world.WorldConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessPlanTest {
    private static final Instant T0 = Instant.parse("2025-07-01T00:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    private static World world(long seed, Instant start, String faults) {
        return new World(WorldConfig.defaults(seed, start).withFaults(FaultConfig.parse(faults)));
    }

    private static BusinessPlan plan(long seed, Instant from, Duration d) {
        return BusinessPlan.of(world(seed, from, ""), "demo", from, from.plus(d));
    }

    private static List<String> json(BusinessPlan p) {
        return p.events().stream().map(e -> e.at() + " " + e.event()).toList();
    }

    @Test
    void theSameSeedGivesTheSameEventsAndAnotherSeedOthers() {
        BusinessPlan a = plan(42, T0, WEEK);
        BusinessPlan b = plan(42, T0, WEEK);

        assertThat(a.journeys()).hasSizeGreaterThan(4);
        assertThat(json(b)).containsExactlyElementsOf(json(a));
        assertThat(json(plan(43, T0, WEEK))).isNotEqualTo(json(a));
    }

    @Test
    void aJourneyDoesNotDependOnTheWindowNorOnTheWorldsStartSoARestartPostsTheSameEvents() {
        BusinessPlan week = plan(42, T0, WEEK);
        // a world started two days later (a restart), planned in two windows that meet
        Instant restart = T0.plus(Duration.ofDays(2));
        World later = world(42, restart, "");
        List<String> joined = new ArrayList<>(json(BusinessPlan.of(later, "demo", restart,
                restart.plus(Duration.ofDays(2)))));
        joined.addAll(json(BusinessPlan.of(later, "demo", restart.plus(Duration.ofDays(2)), T0.plus(WEEK))));

        List<String> sameSpan = week.events().stream().filter(e -> journeyOf(week, e).harvestedAt().isAfter(
                restart.minusNanos(1))).map(e -> e.at() + " " + e.event()).toList();
        assertThat(joined).containsExactlyInAnyOrderElementsOf(sameSpan).isNotEmpty();
    }

    @Test
    void clientEventIdsAndLotCodesAreUniqueAndEveryEventIsInTimeOrder() {
        BusinessPlan p = plan(7, T0, WEEK);
        Set<String> ids = new HashSet<>();
        Instant last = Instant.MIN;
        for (PlannedEvent e : p.events()) {
            assertThat(ids.add(e.clientEventId())).as(e.clientEventId()).isTrue();
            assertThat(e.event().get("client_event_id").asText()).isEqualTo(e.clientEventId());
            assertThat(e.at()).isAfterOrEqualTo(last);
            last = e.at();
        }
        assertThat(p.events()).extracting(PlannedEvent::type).contains("harvest", "pre_cool", "pack", "loss",
                "store_in", "load", "ship", "receive", "transform", "deliver");
    }

    @Test
    void massBalanceNeverGoesNegativeAndEverythingPackedEndsWithABuyer() {
        for (long seed : new long[] {1, 7, 42, 99}) {
            BusinessPlan p = plan(seed, T0, WEEK);
            Holdings h = Holdings.replay(p.events()); // throws at the first take of more than is there
            for (LotJourney j : p.journeys()) {
                assertThat(h.of(j.batch()).keySet()).as(j.batch()).containsExactlyInAnyOrder("gone consumed",
                        "gone lost");
                assertThat(h.of(j.lot())).as(j.lot()).containsOnlyKeys("gone consumed");
                BigDecimal packed = h.of(j.lot()).get("gone consumed");
                BigDecimal delivered = h.of(j.lotA()).get("gone delivered").add(h.of(j.lotB()).get("gone delivered"));
                assertThat(h.of(j.lotA())).containsOnlyKeys("gone delivered");
                assertThat(h.of(j.lotB())).containsOnlyKeys("gone delivered");
                assertThat(delivered).isEqualByComparingTo(packed);
            }
        }
    }

    @Test
    void theReplayRefusesWhatTheLedgerWould() {
        BusinessPlan p = plan(42, T0, WEEK);
        List<PlannedEvent> events = new ArrayList<>(p.events());
        PlannedEvent deliver = events.stream().filter(e -> e.type().equals("deliver")).findFirst().orElseThrow();
        ObjectNode more = deliver.event().deepCopy();
        ((ObjectNode) more.get("body").get("lots").get(0)).put("quantity", 100_000);
        events.set(events.indexOf(deliver), new PlannedEvent(deliver.at(), deliver.clientEventId(), "deliver", more,
                null));

        assertThatThrownBy(() -> Holdings.replay(events)).isInstanceOf(Holdings.Broken.class)
                .hasMessageContaining(deliver.clientEventId()).hasMessageContaining("takes 100000");
    }

    @Test
    void lotsRideTheTruckWhileItStandsAtTheSitesAndAReeferFailureOnTheirLegIsKnown() {
        World w = world(42, T0, "reefer_failure=0.5");
        BusinessPlan p = BusinessPlan.of(w, "demo", T0, T0.plus(WEEK));
        for (LotJourney j : p.journeys()) {
            for (PlannedEvent e : j.events()) {
                if (e.type().equals("load")) {
                    var truck = w.trucks().get(j.trunk().truck() - 1);
                    assertThat(truck.doorsOpen(e.at())).as("doors open while loading " + e.clientEventId()).isTrue();
                }
                if (e.type().equals("receive")) {
                    var truck = w.trucks().get(j.trunk().truck() - 1);
                    assertThat(e.handover().unitId()).isEqualTo("TR" + j.trunk().truck() + "-A");
                    assertThat(e.handover().readAt()).isIn(j.trunk().arrive(),
                            j.forward() == null ? null : j.forward().arrive());
                    assertThat(truck.doorsOpen(e.handover().readAt().minusSeconds(60))).isFalse();
                }
            }
        }
        assertThat(p.journeys()).anyMatch(LotJourney::excursion).anyMatch(j -> !j.excursion());
        assertThat(plan(42, T0, WEEK).journeys()).noneMatch(LotJourney::excursion);
    }

    private static LotJourney journeyOf(BusinessPlan p, PlannedEvent e) {
        return p.journeys().stream().filter(j -> j.events().contains(e)).findFirst().orElseThrow();
    }
}
