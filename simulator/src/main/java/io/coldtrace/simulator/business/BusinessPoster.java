package io.coldtrace.simulator.business;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coldtrace.simulator.provision.ApiClient;
import io.coldtrace.simulator.provision.ProvisionException;
import io.coldtrace.simulator.world.World;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Posts a world's {@link BusinessPlan} through tracking-api as the people would, each event once the clock (the wall
 * clock the telemetry runs on) reaches its time: first everything already past since {@code from} (the world's
 * backfilled start; events over 24 h old are then flagged late_recorded by the API), then live. Plans a day ahead, a
 * day at a time. A receive's handover temperature is the truck compartment's last logged value (the probe its
 * profile judges) in the 30 min before it arrived. A retry after a restart gets 200 for what was posted before; 409
 * (same id, other content, e.g. another reading) is counted and passed.
 */
public final class BusinessPoster {
    static final Duration AHEAD = Duration.ofDays(1);
    private static final Duration READING_WINDOW = Duration.ofMinutes(30);
    private static final Duration API_DOWN_MAX = Duration.ofMinutes(2);

    /** What was posted: new (201), recorded before (200), conflicting (409), refused (other 4xx). */
    public record Counts(int created, int again, int conflicts, int refused) {
        public int posted() {
            return created + again + conflicts + refused;
        }
    }

    private record Queued(PlannedEvent event, long order) {
    }

    private final ApiClient api;
    private final World world;
    private final String orgId;
    private final Clock clock;
    private final PrintStream out;
    private final PriorityQueue<Queued> queue = new PriorityQueue<>(
            Comparator.comparing((Queued q) -> q.event().at()).thenComparingLong(Queued::order));
    private final List<LotJourney> journeys = new ArrayList<>();
    private long order;
    private Instant plannedUntil;
    private int created;
    private int again;
    private int conflicts;
    private int refused;

    public BusinessPoster(ApiClient api, World world, String orgId, Clock clock, PrintStream out) {
        this.api = api;
        this.world = world;
        this.orgId = orgId;
        this.clock = clock;
        this.out = out;
    }

    public Counts counts() {
        return new Counts(created, again, conflicts, refused);
    }

    /** The journeys planned so far. */
    public List<LotJourney> journeys() {
        return List.copyOf(journeys);
    }

    /** Posts what is due since {@code from}, then live until {@code stopAt}. */
    public Counts run(Instant from, Instant stopAt) throws ProvisionException, InterruptedException {
        plannedUntil = from;
        Instant now = clock.instant();
        planUpTo(now.plus(AHEAD));
        out.printf("business: posting the events of %s .. %s%n", from, now);
        postDue(now);
        out.printf("business backfill done: %s%n", counts());
        for (LotJourney j : journeys) {
            if (!j.events().get(j.events().size() - 1).at().isAfter(now)) {
                out.printf("lot delivered: %s %s%s%n", j.lotA(), j.productId(), excursion(j));
                out.printf("lot delivered: %s %s%s%n", j.lotB(), j.productId(), excursion(j));
            }
        }
        while (now.isBefore(stopAt)) {
            planUpTo(now.plus(AHEAD));
            Instant wake = queue.isEmpty() ? now.plusSeconds(10) : queue.peek().event().at();
            wake = min(min(wake, now.plusSeconds(10)), stopAt);
            long ms = Duration.between(clock.instant(), wake).toMillis();
            if (ms > 0) {
                Thread.sleep(ms);
            }
            now = clock.instant();
            postDue(now);
        }
        return counts();
    }

    private void planUpTo(Instant target) {
        while (plannedUntil.isBefore(target)) {
            Instant next = plannedUntil.plus(AHEAD);
            BusinessPlan plan = BusinessPlan.of(world, orgId, plannedUntil, next);
            for (LotJourney j : plan.journeys()) {
                out.printf("journey %s: %s %s, truck %s %s→%s leaves %s%s%n", j.key(), j.lot(), j.productId(),
                        "TR" + j.trunk().truck() + "-A", j.trunk().from().id(), j.trunk().to().id(),
                        j.trunk().depart(), excursion(j));
            }
            journeys.addAll(plan.journeys());
            plan.events().forEach(e -> queue.add(new Queued(e, order++)));
            plannedUntil = next;
        }
    }

    private static String excursion(LotJourney j) {
        var leg = j.trunk().fails() ? j.trunk() : j.forward();
        return j.excursion() ? " [reefer failure " + leg.failFrom() + " .. " + leg.failUntil() + "]" : "";
    }

    private void postDue(Instant now) throws ProvisionException, InterruptedException {
        while (!queue.isEmpty() && !queue.peek().event().at().isAfter(now)) {
            post(queue.poll().event());
        }
    }

    private void post(PlannedEvent e) throws ProvisionException, InterruptedException {
        ObjectNode body = e.event().deepCopy();
        String reading = "";
        if (e.handover() != null) {
            Double c = loggedTemperature(e.handover().unitId(), e.handover().readAt());
            if (c != null) {
                ((ObjectNode) body.get("body")).put("handover_temp_c", c);
                reading = " handover " + c + " °C";
            } else {
                reading = " handover " + body.get("body").get("handover_temp_c").asDouble() + " °C (no logger reading: "
                        + "setpoint)";
            }
        }
        ApiClient.Response r = send(body);
        switch (r.status()) {
            case 201 -> created++;
            case 200 -> again++;
            case 409 -> conflicts++;
            case 401, 403 -> throw new ProvisionException("POST /api/v1/events answered HTTP " + r.status() + ": "
                    + r.text(), r.status(), "is the token an operator's of organisation " + orgId + "? "
                    + "java -jar tracking-api/target/coldtrace-api.jar create-token --role operator --org " + orgId
                    + " --name NAME");
            default -> refused++;
        }
        out.printf("%s %-9s %-40s %d%s%s%n", e.at(), e.type(), e.clientEventId(), r.status(), reading,
                r.status() >= 400 ? " " + r.text() : "");
    }

    /** POSTs the event, waiting out an API that is down for a while (it is retried with the same id). */
    private ApiClient.Response send(ObjectNode body) throws ProvisionException, InterruptedException {
        Instant giveUp = clock.instant().plus(API_DOWN_MAX);
        while (true) {
            try {
                return api.post("/api/v1/events", body);
            } catch (ProvisionException down) {
                if (clock.instant().isAfter(giveUp)) {
                    throw down;
                }
                Thread.sleep(2000);
            }
        }
    }

    /** The last value the unit's history shows in the 30 min up to {@code at}, 1 decimal; null when none. */
    Double loggedTemperature(String unitId, Instant at) throws ProvisionException, InterruptedException {
        ApiClient.Response r = api.get("/api/v1/units/" + unitId + "/history?from=" + at.minus(READING_WINDOW)
                + "&to=" + at);
        JsonNode points = r.json().path("points");
        if (r.status() != 200 || points.isEmpty()) {
            return null;
        }
        JsonNode last = points.get(points.size() - 1).path("avg");
        return last.isNumber() ? Math.round(last.asDouble() * 10) / 10.0 : null;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
