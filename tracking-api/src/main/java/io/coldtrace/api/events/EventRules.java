package io.coldtrace.api.events;

import io.coldtrace.api.events.EventPlan.Birth;
import io.coldtrace.api.events.EventPlan.Handover;
import io.coldtrace.api.events.EventPlan.Take;
import io.coldtrace.api.http.ClientError;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Each event type's rules (docs/trace-events.md): which place fields it needs, what its body holds, and what it does
 * to lots, as an {@link EventPlan}. Refusals are 422s naming the field; nothing is looked up here but a unit's site
 * and a party's kind.
 */
final class EventRules {
    static final List<String> UOMS = List.of("kg", "box", "crate", "piece", "bag", "carton");
    static final List<String> ACCEPTANCE = List.of("accept", "partial", "reject");
    static final List<String> LOSS_REASONS = List.of("spoiled", "damaged", "rejected", "disposed", "sample", "other");
    static final List<String> TRANSFORM_KINDS = List.of("split", "merge", "repack", "process");
    static final List<String> DOCUMENT_TYPES = List.of("order", "delivery_note", "receipt", "invoice");
    private static final int MAX_ITEMS = 500;
    private static final Set<String> ITEM = Set.of("lot", "quantity", "uom", "from_unit_id", "from_site_id",
            "from_plot_id", "rejected_quantity");
    private static final Set<String> OUTPUT = Set.of("lot", "product_id", "quantity", "uom", "external_code");

    /** What the rules need to know of the world. */
    interface World {
        /** The site of a unit (null when it has none). */
        String siteOfUnit(String unitId) throws SQLException;

        /** The kind of a party of the event's organisation. */
        String partyKind(String partyId) throws SQLException;
    }

    /** The place fields of the event being planned. */
    record Where(String siteId, String unitId, String plotId, String partyId) {
    }

    private EventRules() {
    }

    static EventPlan plan(String type, Where w, JsonObject body, World world) throws SQLException {
        BodyReader b = new BodyReader(body, "body");
        for (BodyReader d : b.objects("documents", false, 50)) {
            d.only(Set.of("type", "id"));
            d.choice("type", DOCUMENT_TYPES, true);
            d.text("id", 128);
        }
        return switch (type) {
            case "harvest" -> harvest(w, b.only(Set.of("batch", "commodity", "variety", "quantity", "uom", "grower",
                    "product_id", "documents")));
            case "pre_cool" -> moveInto(b.only(Set.of("lots", "probe_temp_c", "documents")),
                    Place.unit(required("unit_id", w.unitId(), "the pre-cooling unit")));
            case "store_in", "move", "load" -> moveInto(b.only(Set.of("lots", "documents")),
                    Place.unit(required("unit_id", w.unitId(), "the unit the lots go into")));
            case "store_out" -> storeOut(w, b.only(Set.of("lots", "documents")), world);
            case "unload" -> unload(w, b.only(Set.of("lots", "documents")));
            case "pack", "transform" -> transform(type, w, b);
            case "ship" -> ship(w, b.only(Set.of("lots", "to_party_id", "documents")), world);
            case "receive" -> receive(w, b.only(Set.of("lots", "outputs", "acceptance", "handover_temp_c",
                    "documents")), world);
            case "deliver" -> deliver(w, b.only(Set.of("lots", "proof", "documents")), world);
            case "loss" -> loss(b.only(Set.of("lots", "reason", "note", "documents")));
            default -> throw new IllegalArgumentException("no rules for " + type);
        };
    }

    private static EventPlan harvest(Where w, BodyReader b) {
        Place plot = Place.plot(required("plot_id", w.plotId(), "the plot harvested"));
        BodyReader grower = b.object("grower", true).only(Set.of("name", "phone"));
        String uom = b.choice("uom", UOMS, true);
        Birth batch = new Birth("body.batch", b.text("batch", 64), "harvest_batch", b.optText("product_id", 64),
                b.text("commodity", 100), b.optText("variety", 100), b.quantity("quantity"), uom, plot, null,
                grower.text("name", 100), grower.optText("phone", 32));
        return new EventPlan(List.of(), List.of(batch), false, null);
    }

    private static EventPlan moveInto(BodyReader b, Place to) {
        b.optNumber("probe_temp_c", -60, 60);
        return new EventPlan(takes(b, "lots", to, "in"), List.of(), false, null);
    }

    private static EventPlan storeOut(Where w, BodyReader b, World world) throws SQLException {
        String room = required("unit_id", w.unitId(), "the unit the lots leave");
        String site = w.siteId() != null ? w.siteId() : world.siteOfUnit(room);
        if (site == null) {
            throw ClientError.invalid("site_id", "unit " + room + " belongs to no site: name the site the lots go to");
        }
        List<Take> takes = new ArrayList<>();
        for (Take t : takes(b, "lots", Place.site(site), "in")) {
            if (t.from() != null && !t.from().equals(Place.unit(room))) {
                throw ClientError.invalid(t.field() + ".from_unit_id", "a store_out takes lots from its unit_id "
                        + room);
            }
            takes.add(new Take(t.field(), t.lot(), t.quantity(), t.uom(), Place.unit(room), t.to(), t.reason(), null));
        }
        return new EventPlan(takes, List.of(), false, null);
    }

    private static EventPlan unload(Where w, BodyReader b) {
        Place to = Place.site(required("site_id", w.siteId(), "the site the lots are unloaded at"));
        Place truck = w.unitId() == null ? null : Place.unit(w.unitId());
        List<Take> takes = new ArrayList<>();
        for (Take t : takes(b, "lots", to, "in")) {
            takes.add(t.from() == null && truck != null
                    ? new Take(t.field(), t.lot(), t.quantity(), t.uom(), truck, to, "in", null) : t);
        }
        return new EventPlan(takes, List.of(), false, null);
    }

    private static EventPlan transform(String type, Where w, BodyReader b) {
        b.only(type.equals("pack") ? Set.of("inputs", "outputs", "documents")
                : Set.of("inputs", "outputs", "kind", "documents"));
        if (type.equals("transform")) {
            b.choice("kind", TRANSFORM_KINDS, true);
        }
        Place at = placeOf(w, "the place where the lots are " + (type.equals("pack") ? "packed" : "transformed"));
        List<Take> inputs = takes(b, "inputs", null, "consumed");
        List<Birth> outputs = outputs(b, at, true);
        // a lot born from itself would be its own ancestor: the genealogy stays a DAG, so every walk of it ends
        for (Birth o : outputs) {
            if (inputs.stream().anyMatch(i -> i.lot().equals(o.code()))) {
                throw ClientError.invalid(o.field() + ".lot", "lot " + o.code() + " is an input of this " + type
                        + ": a lot cannot be born from itself (a cycle in the genealogy); give the output a new code");
            }
        }
        return new EventPlan(inputs, outputs, true, null);
    }

    private static EventPlan ship(Where w, BodyReader b, World world) throws SQLException {
        Place from = placeOf(w, "the ship-from place");
        String to = b.text("to_party_id", 64);
        if (world.partyKind(to) == null) {
            throw ClientError.invalid("body.to_party_id", "no party " + to);
        }
        List<Take> takes = new ArrayList<>();
        for (Take t : takes(b, "lots", null, null)) {
            takes.add(new Take(t.field(), t.lot(), t.quantity(), t.uom(), t.from() == null ? from : t.from(), null,
                    null, null));
        }
        return new EventPlan(takes, List.of(), false, new Handover("ship", to, null, null));
    }

    private static EventPlan receive(Where w, BodyReader b, World world) throws SQLException {
        Place at = placeOf(w, "the receiving place");
        if (w.partyId() != null && world.partyKind(w.partyId()) == null) {
            throw ClientError.invalid("party_id", "no party " + w.partyId());
        }
        String acceptance = b.choice("acceptance", ACCEPTANCE, true);
        Double temp = b.number("handover_temp_c", -60, 60);
        List<Take> takes = new ArrayList<>();
        for (Take t : takes(b, "lots", at, "in")) {
            boolean partial = acceptance.equals("partial");
            if (partial != (t.rejected() != null)) {
                throw ClientError.invalid(t.field() + ".rejected_quantity", partial
                        ? "a partial acceptance names each lot's rejected_quantity"
                        : "only a partial acceptance has a rejected_quantity");
            }
            // a rejected lot does not move: the quantity named must still be where it was handed over from
            takes.add(acceptance.equals("reject")
                    ? new Take(t.field(), t.lot(), t.quantity(), t.uom(), t.from(), null, null, null) : t);
        }
        List<Birth> births = outputs(b, at, false);
        if (takes.isEmpty() && births.isEmpty()) {
            throw ClientError.invalid("body.lots", "a receive names the lots received (lots, or outputs for goods "
                    + "received from outside)");
        }
        return new EventPlan(takes, births, false, new Handover("receive", w.partyId(), acceptance, temp));
    }

    private static EventPlan deliver(Where w, BodyReader b, World world) throws SQLException {
        String buyer = required("party_id", w.partyId(), "the buyer delivered to");
        String kind = world.partyKind(buyer);
        if (kind == null) {
            throw ClientError.invalid("party_id", "no party " + buyer);
        }
        if (!kind.equals("buyer")) {
            throw ClientError.invalid("party_id", "party " + buyer + " is a " + kind + ", not a buyer: ship to it "
                    + "instead");
        }
        b.optText("proof", 500);
        return new EventPlan(takes(b, "lots", null, "delivered"), List.of(), false,
                new Handover("deliver", buyer, null, null));
    }

    private static EventPlan loss(BodyReader b) {
        b.choice("reason", LOSS_REASONS, true);
        b.optText("note", 1000);
        return new EventPlan(takes(b, "lots", null, "lost"), List.of(), false, null);
    }

    /** The items of {@code name}, each taken to {@code to} (or out, when null) for {@code reason}. */
    private static List<Take> takes(BodyReader b, String name, Place to, String reason) {
        List<Take> takes = new ArrayList<>();
        boolean required = !name.equals("lots") || !b.has("outputs");
        for (BodyReader item : b.objects(name, required, MAX_ITEMS)) {
            item.only(ITEM);
            List<Place> from = new ArrayList<>();
            if (item.has("from_unit_id")) {
                from.add(Place.unit(item.text("from_unit_id", 64)));
            }
            if (item.has("from_site_id")) {
                from.add(Place.site(item.text("from_site_id", 64)));
            }
            if (item.has("from_plot_id")) {
                from.add(Place.plot(item.text("from_plot_id", 64)));
            }
            if (from.size() > 1) {
                throw ClientError.invalid(item.field("from_unit_id"), "name at most one of from_unit_id, "
                        + "from_site_id, from_plot_id");
            }
            takes.add(new Take(item.path(), item.text("lot", 64), item.quantity("quantity"),
                    item.choice("uom", UOMS, true), from.isEmpty() ? null : from.get(0), to, reason,
                    item.optQuantity("rejected_quantity")));
        }
        return takes;
    }

    private static List<Birth> outputs(BodyReader b, Place at, boolean required) {
        List<Birth> births = new ArrayList<>();
        for (BodyReader item : b.objects("outputs", required, MAX_ITEMS)) {
            item.only(OUTPUT);
            births.add(new Birth(item.path(), item.text("lot", 64), "lot", item.text("product_id", 64), null, null,
                    item.quantity("quantity"), item.choice("uom", UOMS, false), at, item.optText("external_code", 128),
                    null, null));
        }
        return births;
    }

    private static Place placeOf(Where w, String what) {
        if (w.unitId() != null) {
            return Place.unit(w.unitId());
        }
        if (w.siteId() != null) {
            return Place.site(w.siteId());
        }
        throw ClientError.invalid("unit_id", "unit_id or site_id is required: " + what);
    }

    private static String required(String field, String value, String what) {
        if (value == null) {
            throw ClientError.invalid(field, field + " is required: " + what);
        }
        return value;
    }
}
