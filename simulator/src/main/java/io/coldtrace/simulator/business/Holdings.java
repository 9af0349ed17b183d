package io.coldtrace.simulator.business;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays planned events the way docs/trace-events.md says the ledger applies them, to check a plan before anything
 * is posted: every lot is born once, every item takes from a place holding the lot (named by {@code from_*} when the
 * lot is at several) no more than is there, in the lot's unit. What is left is each lot's holdings by place
 * ({@code unit X}, {@code site X}, {@code plot X}, {@code gone consumed|delivered|lost}), as the API's projection
 * would show them.
 */
public final class Holdings {
    /** A plan that would not be accepted: the event and what is wrong. */
    public static final class Broken extends IllegalStateException {
        Broken(PlannedEvent e, String what) {
            super(e.clientEventId() + " (" + e.type() + " at " + e.at() + "): " + what);
        }
    }

    private final Map<String, String> uom = new LinkedHashMap<>();
    private final Map<String, TreeMap<String, BigDecimal>> at = new LinkedHashMap<>();

    /** Replays {@code events} in order; throws {@link Broken} at the first that the ledger would refuse. */
    public static Holdings replay(List<PlannedEvent> events) {
        Holdings h = new Holdings();
        PlannedEvent previous = null;
        for (PlannedEvent e : events) {
            if (previous != null && e.at().isBefore(previous.at())) {
                throw new Broken(e, "out of time order, after " + previous.clientEventId());
            }
            h.apply(e);
            previous = e;
        }
        return h;
    }

    /** Where {@code lot} is now and how much, "kind id=quantity" sorted, as the projection's running sums. */
    public Map<String, BigDecimal> of(String lot) {
        TreeMap<String, BigDecimal> m = new TreeMap<>();
        at.getOrDefault(lot, new TreeMap<>()).forEach((place, q) -> {
            if (q.signum() != 0) {
                m.put(place, q);
            }
        });
        return m;
    }

    public List<String> lots() {
        return List.copyOf(at.keySet());
    }

    private void apply(PlannedEvent e) {
        JsonNode ev = e.event();
        JsonNode b = ev.get("body");
        String here = ev.hasNonNull("unit_id") ? "unit " + ev.get("unit_id").asText()
                : ev.hasNonNull("site_id") ? "site " + ev.get("site_id").asText() : null;
        switch (e.type()) {
            case "harvest" -> born(e, b.get("batch").asText(), b.get("uom").asText(), quantity(b),
                    "plot " + ev.get("plot_id").asText());
            case "pre_cool", "store_in", "move", "load" -> b.get("lots").forEach(i -> take(e, i, here));
            case "pack", "transform" -> {
                b.get("inputs").forEach(i -> take(e, i, "gone consumed"));
                b.get("outputs").forEach(o -> born(e, o.get("lot").asText(), o.get("uom").asText(), quantity(o),
                        here));
            }
            case "ship" -> b.get("lots").forEach(i -> {
                BigDecimal held = held(i.get("lot").asText(), here);
                if (held.compareTo(quantity(i)) < 0) {
                    throw new Broken(e, "ships " + quantity(i).toPlainString() + " of " + i.get("lot").asText()
                            + " from " + here + " where " + held.toPlainString() + " is");
                }
            });
            case "receive" -> {
                if (!"accept".equals(b.get("acceptance").asText())) {
                    throw new Broken(e, "the plan only accepts in full");
                }
                b.get("lots").forEach(i -> take(e, i, here));
            }
            case "deliver" -> b.get("lots").forEach(i -> take(e, i, "gone delivered"));
            case "loss" -> b.get("lots").forEach(i -> take(e, i, "gone lost"));
            default -> throw new Broken(e, "no replay for " + e.type());
        }
    }

    private void born(PlannedEvent e, String lot, String unit, BigDecimal q, String place) {
        if (at.containsKey(lot)) {
            throw new Broken(e, "lot " + lot + " exists already");
        }
        if (place == null) {
            throw new Broken(e, "no place for " + lot);
        }
        uom.put(lot, unit);
        at.computeIfAbsent(lot, k -> new TreeMap<>()).merge(place, q, BigDecimal::add);
    }

    private void take(PlannedEvent e, JsonNode item, String to) {
        String lot = item.get("lot").asText();
        if (!at.containsKey(lot)) {
            throw new Broken(e, "no lot " + lot);
        }
        if (!uom.get(lot).equals(item.get("uom").asText())) {
            throw new Broken(e, lot + " is counted in " + uom.get(lot) + ", not " + item.get("uom").asText());
        }
        if (to == null) {
            throw new Broken(e, "no place to move " + lot + " to");
        }
        Map<String, BigDecimal> places = of(lot);
        places.keySet().removeIf(p -> p.startsWith("gone "));
        String from;
        if (item.hasNonNull("from_unit_id")) {
            from = "unit " + item.get("from_unit_id").asText();
        } else if (item.hasNonNull("from_site_id")) {
            from = "site " + item.get("from_site_id").asText();
        } else if (item.hasNonNull("from_plot_id")) {
            from = "plot " + item.get("from_plot_id").asText();
        } else if (places.size() == 1) {
            from = places.keySet().iterator().next();
        } else {
            throw new Broken(e, lot + " is at " + places + ": the item must say where from");
        }
        BigDecimal q = quantity(item);
        BigDecimal held = held(lot, from);
        if (q.signum() <= 0 || held.compareTo(q) < 0) {
            throw new Broken(e, "takes " + q.toPlainString() + " of " + lot + " from " + from + " where "
                    + held.toPlainString() + " is");
        }
        at.get(lot).merge(from, q.negate(), BigDecimal::add);
        at.get(lot).merge(to, q, BigDecimal::add);
    }

    private BigDecimal held(String lot, String place) {
        return at.getOrDefault(lot, new TreeMap<>()).getOrDefault(place, BigDecimal.ZERO);
    }

    private static BigDecimal quantity(JsonNode n) {
        return n.get("quantity").decimalValue().stripTrailingZeros();
    }
}
