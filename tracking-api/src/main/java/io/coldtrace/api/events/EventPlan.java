package io.coldtrace.api.events;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an event does to lots, read from its type and body before anything is stored: the quantities it takes (from a
 * place to another, or out of the chain), the lots it bears, whether inputs become the outputs' parents, and the
 * hand-over it records. Sources left null are resolved against the lots' places at the event's time.
 */
record EventPlan(List<Take> takes, List<Birth> births, boolean links, Handover handover) {
    /**
     * {@code quantity} of {@code lot} taken from {@code from} (null: where it is) to {@code to} or out. {@code reason}
     * is "in" (to a place), consumed, delivered or lost (out of the chain), or null: the quantity is only checked to
     * be there (a shipment, a rejection).
     */
    record Take(String field, String lot, BigDecimal quantity, String uom, Place from, Place to, String reason,
                BigDecimal rejected) {
        boolean moves() {
            return reason != null;
        }
    }

    /** A lot or harvest batch the event bears at {@code at}. */
    record Birth(String field, String code, String kind, String productId, String commodity, String variety,
                 BigDecimal quantity, String uom, Place at, String externalCode, String growerName,
                 String growerPhone) {
    }

    /** A hand-over between parties, recorded for each lot taken (and each lot born, for a first receive). */
    record Handover(String kind, String partyId, String acceptance, Double tempC) {
    }

    static EventPlan none() {
        return new EventPlan(List.of(), List.of(), false, null);
    }
}
