package io.coldtrace.simulator.business;

import static io.coldtrace.simulator.business.EventBuilder.body;
import static io.coldtrace.simulator.business.EventBuilder.document;
import static io.coldtrace.simulator.business.EventBuilder.items;
import static io.coldtrace.simulator.business.EventBuilder.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coldtrace.simulator.business.ChainPlaces.Compartment;
import io.coldtrace.simulator.world.TruckTimetable.Leg;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One farm batch from the field to the buyers, riding a truck's trunk leg (origin store → consolidation centre): the
 * grower harvests 9–14 h before the truck leaves; two to three hours later (the unmonitored drive from the farm) the
 * batch is pre-cooled in a cold room of the origin store and packed there into a lot (the culls written off), the lot
 * is stored in another room, loaded into the truck's compartment A while its doors are open before departure and
 * shipped; at the centre it is received off the truck (handover temperature from the truck's logger), stored, and
 * split: one part is delivered to the canteen, the other rides the truck's next leg to the forward warehouse (received,
 * stored, delivered to the supermarket), or, when the truck goes elsewhere next, is delivered from the centre. A site
 * without a room of the product's class keeps the lot on its dock (unmonitored), as people would.
 */
public record LotJourney(String key, String batch, String lot, String lotA, String lotB, String productId,
                         Instant harvestedAt, Leg trunk, Leg forward, List<PlannedEvent> events) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.ofHours(8));
    private static final List<String> GROWERS = List.of("陈建国", "李秀英", "王德明", "张桂兰", "刘志强", "杨春花",
            "黄永福", "周玉梅");

    /** Whether a leg this journey's lots rode had compartment A's compressor fail. */
    public boolean excursion() {
        return trunk.fails() || (forward != null && forward.fails());
    }

    /** Every lot code of the journey that went to a buyer (the split parts). */
    public List<String> deliveredLots() {
        return List.of(lotA, lotB);
    }

    static LotJourney plan(long seed, String org, ChainPlaces places, Produce p, Compartment truck, Leg trunk,
                           Leg next, int j, SplittableRandom r) {
        String key = "S" + seed + "T" + trunk.truck() + "C" + trunk.cycle() + "-" + (j + 1);
        EventBuilder ev = new EventBuilder("sim-" + key + "-");
        String origin = trunk.from().id();
        String centre = trunk.to().id();
        String cls = p.tempClass();

        Instant harvest = trunk.depart().minus(Duration.ofMinutes(9 * 60 + r.nextInt(5 * 60 + 1)))
                .truncatedTo(ChronoUnit.MINUTES);
        long kg = 200 + 25L * r.nextInt(41);
        String plot = p.plotIds().get(r.nextInt(p.plotIds().size()));
        String batch = "B-" + p.code() + "-" + DAY.format(harvest) + "-" + key;
        ObjectNode h = ev.add("harvest", "harvest", harvest, null).put("plot_id", plot).put("party_id", p.growerId());
        body(h).put("batch", batch).put("commodity", p.commodity()).put("quantity", kg).put("uom", "kg")
                .putObject("grower").put("name", GROWERS.get(r.nextInt(GROWERS.size())));

        List<String> originRooms = places.rooms(origin, cls);
        String preCooler = originRooms.isEmpty() ? null : originRooms.get(j % originRooms.size());
        Instant preCool = harvest.plus(Duration.ofMinutes(120 + r.nextInt(61)));
        if (preCooler != null) {
            ObjectNode pc = ev.add("pre_cool", "pre_cool", preCool, null).put("unit_id", preCooler);
            items(body(pc), "lots", batch, kg, "kg");
        }
        Instant packAt = preCool.plus(Duration.ofMinutes(60 + r.nextInt(31)));
        long units = (long) Math.floor(kg * (0.90 + r.nextDouble() * 0.05) / p.kgPerUnit());
        String lot = p.code() + "-" + DAY.format(packAt) + "-" + key;
        ObjectNode pack = at(ev.add("pack", "pack", packAt, null), preCooler, origin)
                .put("party_id", org + "-operator");
        items(body(pack), "inputs", batch, units * p.kgPerUnit(), "kg");
        output(body(pack).putArray("outputs"), lot, p.productId(), units, p.uom());
        ObjectNode culls = ev.add("culls", "loss", packAt.plus(Duration.ofMinutes(5)), null);
        items(body(culls), "lots", batch, kg - units * p.kgPerUnit(), "kg");
        body(culls).put("reason", "disposed").put("note", "grading culls 分级次果");
        String store = originRooms.size() > 1 ? originRooms.get((j + 1) % originRooms.size()) : preCooler;
        if (store != null && !store.equals(preCooler)) {
            items(body(ev.add("store", "store_in", packAt.plus(Duration.ofMinutes(30)), null).put("unit_id", store)),
                    "lots", lot, units, p.uom());
        }

        Instant received = load(ev, "", truck, trunk, lot, units, p.uom(), j, org);
        List<String> centreRooms = places.rooms(centre, cls);
        String dcRoom = centreRooms.isEmpty() ? null : centreRooms.get(j % centreRooms.size());
        if (dcRoom != null) {
            items(body(ev.add("dc_store", "store_in", received.plus(Duration.ofMinutes(6)), null)
                    .put("unit_id", dcRoom)), "lots", lot, units, p.uom());
        }
        Instant splitAt = received.plus(Duration.ofMinutes(10));
        long a = Math.max(1, Math.min(units - 1, Math.round(units * (0.3 + r.nextDouble() * 0.2))));
        String lotA = lot + "A";
        String lotB = lot + "B";
        ObjectNode split = at(ev.add("split", "transform", splitAt, null), dcRoom, centre);
        body(split).put("kind", "split");
        items(body(split), "inputs", lot, units, p.uom());
        ArrayNode outs = body(split).putArray("outputs");
        output(outs, lotA, p.productId(), a, p.uom());
        output(outs, lotB, p.productId(), units - a, p.uom());
        deliver(ev, "deliver_a", splitAt.plus(Duration.ofMinutes(150 + r.nextInt(121))), org + "-buyer-canteen",
                lotA, a, p.uom());

        boolean forwarded = next != null && loadingStarts(next, j).isAfter(splitAt);
        if (forwarded) {
            Instant receivedB = load(ev, "_b", truck, next, lotB, units - a, p.uom(), j, org);
            List<String> fwdRooms = places.rooms(next.to().id(), cls);
            if (!fwdRooms.isEmpty()) {
                items(body(ev.add("fwd_store", "store_in", receivedB.plus(Duration.ofMinutes(10)), null)
                        .put("unit_id", fwdRooms.get(j % fwdRooms.size()))), "lots", lotB, units - a, p.uom());
            }
            deliver(ev, "deliver_b", receivedB.plus(Duration.ofMinutes(120 + r.nextInt(121))),
                    org + "-buyer-supermarket", lotB, units - a, p.uom());
        } else {
            deliver(ev, "deliver_b", splitAt.plus(Duration.ofMinutes(240 + r.nextInt(121))),
                    org + "-buyer-supermarket", lotB, units - a, p.uom());
        }
        return new LotJourney(key, batch, lot, lotA, lotB, p.productId(), harvest, trunk, forwarded ? next : null,
                ev.events());
    }

    /** Loading starts a little after the doors open before departure; the second journey's lot goes in after. */
    private static Instant loadingStarts(Leg leg, int j) {
        return leg.depart().minus(leg.loadDoors()).plus(Duration.ofMinutes(2 + 2L * j));
    }

    /** Loads, ships and receives {@code lot} over {@code leg}; returns when it was received at the leg's end. */
    private static Instant load(EventBuilder ev, String suffix, Compartment truck, Leg leg, String lot, long q,
                                String uom, int j, String org) {
        items(body(ev.add("load" + suffix, "load", loadingStarts(leg, j), null).put("unit_id", truck.unitId())),
                "lots", lot, q, uom);
        ObjectNode ship = ev.add("ship" + suffix, "ship", leg.depart(), null).put("unit_id", truck.unitId());
        items(body(ship), "lots", lot, q, uom);
        body(ship).put("to_party_id", org + "-operator");
        document(body(ship), "delivery_note", "DN-" + lot);
        Instant at = leg.arrive().plus(Duration.ofMinutes(3 + 2L * j));
        ObjectNode receive = ev.add("receive" + suffix, "receive", at,
                new PlannedEvent.Handover(truck.unitId(), leg.arrive())).put("site_id", leg.to().id())
                .put("party_id", org + "-carrier");
        items(body(receive), "lots", lot, q, uom);
        body(receive).put("acceptance", "accept").put("handover_temp_c", setpoint(truck.tempClass()));
        return at;
    }

    private static void deliver(EventBuilder ev, String step, Instant at, String buyer, String lot, long q,
                                String uom) {
        ObjectNode d = ev.add(step, "deliver", at, null).put("party_id", buyer);
        items(body(d), "lots", lot, q, uom);
        body(d).put("proof", "签收 signed on delivery");
        document(body(d), "delivery_note", "DN-" + lot);
    }

    private static ObjectNode at(ObjectNode event, String unit, String site) {
        return unit != null ? event.put("unit_id", unit) : event.put("site_id", site);
    }

    static double setpoint(String tempClass) {
        return io.coldtrace.simulator.physics.TemperatureClass.valueOf(tempClass.toUpperCase(java.util.Locale.ROOT))
                .setpointC();
    }
}
