package io.coldtrace.api.events;

import io.coldtrace.api.events.EventPlan.Birth;
import io.coldtrace.api.events.EventPlan.Take;
import io.coldtrace.api.events.LotQueries.Holding;
import io.coldtrace.api.events.LotQueries.LotRef;
import io.coldtrace.api.events.LotQueries.ProductRef;
import io.coldtrace.api.events.LotQueries.Shortfall;
import io.coldtrace.api.http.ClientError;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Applies an event's {@link EventPlan} to the lot projections (V9), in the event's transaction: bears lots, moves
 * quantities, links inputs to outputs, records hand-overs, and then checks that no lot at any place holds less than
 * nothing at any time (mass balance, including every later event of the lots touched). A refusal is a 422 naming the
 * body item at fault; the transaction then stores nothing.
 */
final class LotProjection {
    private final LotStore s;
    private final String org;
    private final UUID event;
    private final Instant at;
    /** Lots touched, with the item that first named each (for naming the field of a shortfall). */
    private final Map<UUID, String> touched = new LinkedHashMap<>();
    private final Map<UUID, String> codes = new LinkedHashMap<>();
    /** The trace codes the ledger assigned to the lots this event bears. */
    private final Map<String, String> assigned;

    private LotProjection(LotStore s, UUID event, Instant at, Map<String, String> assigned) {
        this.s = s;
        this.org = s.org();
        this.event = event;
        this.at = at;
        this.assigned = assigned;
    }

    /** Applies stored event {@code e} (a correction: removes the corrected event's effects, applies its own). */
    static void apply(Connection c, EventRow e) throws SQLException {
        if (e.type().equals("correction")) {
            Correction.apply(c, e);
            return;
        }
        apply(LotStore.direct(c, e.orgId()), e);
    }

    /** Applies stored event {@code e}, not a correction, through {@code s}. */
    static void apply(LotStore s, EventRow e) throws SQLException {
        JsonObject body = new JsonObject(e.body());
        Map<String, String> assigned = AssignedCodes.take(body);
        new LotProjection(s, e.id(), e.eventTime(), assigned).run(plan(s, e.type(), where(e), body), "body");
    }

    /** The same with {@code plan}, the plan of its body as posted, made beforehand (as the bulk import does). */
    static void apply(LotStore s, EventRow e, EventPlan plan) throws SQLException {
        new LotProjection(s, e.id(), e.eventTime(), AssignedCodes.of(e.body())).run(plan, "body");
    }

    static EventRules.Where where(EventRow e) {
        return new EventRules.Where(e.siteId(), e.unitId(), e.plotId(), e.partyId());
    }

    static EventPlan plan(LotStore s, String type, EventRules.Where where, String body) throws SQLException {
        return plan(s, type, where, new JsonObject(body));
    }

    static EventPlan plan(LotStore s, String type, EventRules.Where where, JsonObject body) throws SQLException {
        return EventRules.plan(type, where, body, new EventRules.World() {
            @Override
            public String siteOfUnit(String unitId) throws SQLException {
                return s.siteOfUnit(unitId);
            }

            @Override
            public String partyKind(String partyId) throws SQLException {
                return s.partyKind(partyId);
            }
        });
    }

    /** Applies a correction's replacement (its effects carry the correction's id). */
    static void applyReplacement(Connection c, String org, UUID correction, Instant at, EventPlan plan,
                                 Map<String, String> assigned, List<UUID> alsoCheck, String correctsField)
            throws SQLException {
        LotProjection p = new LotProjection(LotStore.direct(c, org), correction, at, assigned);
        for (UUID lot : alsoCheck) {
            p.touched.putIfAbsent(lot, correctsField);
        }
        p.run(plan, correctsField);
    }

    private void run(EventPlan plan, String fallbackField) throws SQLException {
        EventPlan.Handover h = plan.handover();
        if (h != null && h.kind().equals("receive") && h.partyId() != null) {
            Optional<Holds.Blacklisted> barred = s.blacklisted(h.partyId(), at);
            if (barred.isPresent()) {
                throw Holds.refusedReceipt(h.partyId(), barred.get());
            }
        }
        List<UUID> born = new ArrayList<>();
        Set<String> bornCodes = new HashSet<>();
        for (Birth b : plan.births()) {
            if (!bornCodes.add(b.code())) {
                throw ClientError.invalid(b.field() + ".lot", "lot " + b.code() + " is born twice by this event");
            }
            born.add(bear(b));
        }
        List<UUID> inputs = new ArrayList<>();
        for (Take t : plan.takes()) {
            inputs.add(take(t, plan.handover()));
        }
        if (plan.handover() != null) {
            for (int i = 0; i < plan.births().size(); i++) {
                s.handover(born.get(i), event, plan.handover(), at, plan.births().get(i).quantity(),
                        null);
            }
        }
        if (plan.links()) {
            BigDecimal total = plan.births().stream().map(Birth::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            for (int i = 0; i < inputs.size(); i++) {
                for (int j = 0; j < born.size(); j++) {
                    BigDecimal share = plan.takes().get(i).quantity().multiply(plan.births().get(j).quantity())
                            .divide(total, 3, RoundingMode.HALF_UP).max(new BigDecimal("0.001"));
                    s.link(inputs.get(i), born.get(j), event, share);
                }
            }
        }
        checkBalances(fallbackField);
    }

    private UUID bear(Birth b) throws SQLException {
        ProductRef product = null;
        if (b.productId() != null) {
            product = s.product(b.productId()).orElseThrow(() -> ClientError.invalid(
                    b.field() + ".product_id", "no product " + b.productId()));
        }
        String uom = b.uom() != null ? b.uom() : product.uom();
        if (b.kind().equals("lot") && !uom.equals(product.uom())) {
            throw ClientError.invalid(b.field() + ".uom", "product " + b.productId() + " is counted in "
                    + product.uom() + ", not " + uom);
        }
        Optional<LotRef> existing = s.lot(b.code());
        if (existing.isPresent() && existing.get().voidedBy() == null) {
            throw ClientError.invalid(b.field() + (b.kind().equals("lot") ? ".lot" : ""), "lot " + b.code()
                    + " already exists (born " + existing.get().bornAt() + "): a new lot needs a new code");
        }
        if (b.externalCode() != null && existing.isPresent() && existing.get().externalCode() != null
                && !existing.get().externalCode().equals(b.externalCode())) {
            throw ClientError.invalid(b.field() + ".external_code", "lot " + b.code() + " is mapped to external "
                    + "code " + existing.get().externalCode() + "; QA changes it with PUT /api/v1/lots/:id/external-code");
        }
        if (b.externalCode() != null) {
            Optional<String> holder = s.lotWithExternalCode(b.externalCode());
            if (holder.isPresent() && !holder.get().equals(b.code())) {
                throw ClientError.invalid(b.field() + ".external_code", "external code " + b.externalCode()
                        + " is already mapped to another lot");
            }
        }
        // the same id whenever the ledger is replayed: the event that first bore it, and its code (and the event's
        // time first, so lots born one after another have ids that sort one after another: TimeOrderedIds)
        UUID id = existing.map(LotRef::id).orElseGet(() -> io.coldtrace.core.ids.TimeOrderedIds.derived(event,
                b.code()));
        String trace = null;
        if (b.kind().equals("lot")) {
            trace = assigned.get(b.code());
            if (trace == null) {
                throw new IllegalStateException("event " + event + " bears lot " + b.code() + " without an assigned "
                        + "trace code");
            }
        }
        s.insertLot(id, b, product, uom, event, at, trace, existing.isPresent());
        s.move(id, event, at, b.at().kind(), b.at().id(), b.quantity(), "born");
        touched.putIfAbsent(id, b.field());
        codes.put(id, b.code());
        return id;
    }

    private UUID take(Take t, EventPlan.Handover handover) throws SQLException {
        LotRef lot = s.lot(t.lot()).filter(l -> l.voidedBy() == null).orElseThrow(() ->
                ClientError.invalid(t.field() + ".lot", "no lot " + t.lot()));
        if (!lot.uom().equals(t.uom())) {
            throw ClientError.invalid(t.field() + ".uom", "lot " + t.lot() + " is counted in " + lot.uom()
                    + ", not " + t.uom());
        }
        if (handover != null && (handover.kind().equals("ship") || handover.kind().equals("deliver"))) {
            Optional<Holds.Hold> held = s.heldBy(lot.id());
            if (held.isPresent()) {
                throw Holds.refused(t.field() + ".lot", lot.code(), handover.kind(), held.get());
            }
        }
        touched.putIfAbsent(lot.id(), t.field());
        codes.put(lot.id(), lot.code());
        Place from = source(t, lot);
        BigDecimal there = s.placesAt(lot.id(), at).stream().filter(h -> h.place().equals(from))
                .map(Holding::quantity).findFirst().orElse(BigDecimal.ZERO);
        if (there.compareTo(t.quantity()) < 0) {
            throw ClientError.invalid(t.field() + ".quantity", "lot " + t.lot() + " has " + there.toPlainString()
                    + " " + lot.uom() + " at " + from + " at " + at + "; this takes " + t.quantity().toPlainString()
                    + " (mass balance never goes negative)");
        }
        if (t.moves()) {
            boolean leaves = t.to() == null;
            s.move(lot.id(), event, at, from.kind(), from.id(), t.quantity().negate(),
                    leaves ? t.reason() : "out");
            s.move(lot.id(), event, at, leaves ? "gone" : t.to().kind(),
                    leaves ? t.reason() : t.to().id(), t.quantity(), leaves ? t.reason() : "in");
        }
        if (handover != null) {
            s.handover(lot.id(), event, handover, at, t.quantity(), t.rejected());
        }
        return lot.id();
    }

    /** The place the item's quantity comes from: the one it names, or the one place the lot is at then. */
    private Place source(Take t, LotRef lot) throws SQLException {
        if (t.from() != null) {
            if (!s.placeExists(t.from())) {
                throw ClientError.invalid(t.field() + ".from_" + t.from().kind() + "_id", "no " + t.from());
            }
            return t.from();
        }
        List<Holding> places = new ArrayList<>(s.placesAt(lot.id(), at));
        places.removeIf(h -> h.place().equals(t.to()));
        if (places.size() == 1) {
            return places.get(0).place();
        }
        if (places.isEmpty()) {
            if (at.isBefore(lot.bornAt())) {
                throw ClientError.invalid(t.field() + ".lot", "lot " + t.lot() + " was born at " + lot.bornAt()
                        + ", after this event's time " + at);
            }
            Optional<LotQueries.Left> left = s.leftBefore(lot.id(), at);
            if (left.isPresent() && s.placesAt(lot.id(), at).isEmpty()) {
                throw ClientError.invalid(t.field() + ".lot", "lot " + t.lot() + " has left: " + left.get().reason()
                        + " at " + left.get().at() + "; a lot that has left cannot move");
            }
            throw ClientError.invalid(t.field() + ".lot", "lot " + t.lot() + " is already at " + t.to()
                    + " and nowhere else at " + at);
        }
        throw ClientError.invalid(t.field() + ".from_unit_id", "lot " + t.lot() + " is at " + places.size()
                + " places at " + at + " (" + String.join(", ", places.stream().map(h -> h.place() + ": "
                + h.quantity().toPlainString()).toList()) + "): name the one this comes from");
    }

    private void checkBalances(String fallbackField) throws SQLException {
        if (touched.isEmpty()) {
            return;
        }
        Optional<Shortfall> found = s.firstShortfall(touched.keySet().toArray(UUID[]::new));
        if (found.isPresent()) {
            Shortfall f = found.get();
            String field = touched.get(f.lotId());
            String code = codes.getOrDefault(f.lotId(), f.lotId().toString());
            throw ClientError.invalid(field.equals(fallbackField) || !field.startsWith("body") ? field
                    : field + ".quantity", "lot " + code + " would hold " + f.balance().toPlainString()
                    + " at " + f.place() + " at " + f.at() + ": a later event of the lot takes more "
                    + "than would be there (mass balance never goes negative)");
        }
    }

}
