package io.coldtrace.api.lots;

import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The parts of a lot's page besides its events and places, each with its JSON. */
final class LotParts {
    private LotParts() {
    }

    /** A lot this one came from ({@code parent}) or went into ({@code child}), by the event that linked them. */
    record Link(String relation, UUID id, String code, String kind, String productId, String commodity, String uom,
                BigDecimal quantity, UUID eventId, String eventType, Instant at) {
        JsonObject toJson() {
            return new JsonObject().put("id", id.toString()).put("code", code).put("kind", kind)
                    .put("product_id", productId).put("commodity", commodity).put("quantity", Holding.number(quantity))
                    .put("uom", uom).put("event_id", eventId.toString()).put("event_type", eventType)
                    .put("at", Rows.iso(at));
        }
    }

    /** Shipped to, received from (with the handover temperature check) or delivered to a party. */
    record Handover(String kind, Instant at, String partyId, String partyNameZh, String partyNameEn, String partyKind,
                    BigDecimal quantity, String acceptance, BigDecimal rejected, Double handoverTempC, UUID eventId) {
        JsonObject toJson() {
            return new JsonObject().put("kind", kind).put("at", Rows.iso(at))
                    .put("party", partyId == null ? null : new JsonObject().put("id", partyId)
                            .put("name_zh", partyNameZh).put("name_en", partyNameEn).put("kind", partyKind))
                    .put("quantity", Holding.number(quantity)).put("acceptance", acceptance)
                    .put("rejected", Holding.number(rejected)).put("handover_temp_c", handoverTempC)
                    .put("event_id", eventId.toString());
        }
    }

    /** A harvest batch upstream of the lot, and the farm (with its region) it came from. */
    record Origin(UUID batchId, String batchCode, Instant harvestedAt, String plotId, String plotName,
                  String growerName, String partyId, String partyNameZh, String partyNameEn, String partyKind,
                  String divisionCode, String province, String city, String county, boolean povertyAlleviated,
                  boolean pairedAssistance) {
        JsonObject toJson() {
            return new JsonObject().put("batch", new JsonObject().put("id", batchId.toString()).put("code", batchCode)
                            .put("harvested_at", Rows.iso(harvestedAt)).put("grower", growerName))
                    .put("plot", plotId == null ? null : new JsonObject().put("id", plotId).put("name", plotName))
                    .put("party", new JsonObject().put("id", partyId).put("name_zh", partyNameZh)
                            .put("name_en", partyNameEn).put("kind", partyKind).put("division_code", divisionCode)
                            .put("province", province).put("city", city).put("county", county)
                            .put("poverty_alleviated_county", povertyAlleviated)
                            .put("paired_assistance_county", pairedAssistance));
        }
    }
}
