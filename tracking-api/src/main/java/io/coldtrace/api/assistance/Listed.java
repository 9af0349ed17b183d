package io.coldtrace.api.assistance;

import io.coldtrace.api.db.RowMapper;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;

/**
 * A certified assistance product as the public list shows it, and nothing more: the product's names, the producer's
 * names and place, the certificate's number, issuer and validity. No person, phone, quantity or price is read.
 */
record Listed(String productZh, String productEn, String producerZh, String producerEn, String province,
              String city, String county, String divisionCode, String certificateNumber, String issuer,
              LocalDate validFrom, LocalDate validTo) {
    static final RowMapper<Listed> MAPPER = rs -> new Listed(rs.getString("product_zh"), rs.getString("product_en"),
            rs.getString("producer_zh"), rs.getString("producer_en"), rs.getString("province"), rs.getString("city"),
            rs.getString("county"), rs.getString("division_code"), rs.getString("certificate_number"),
            rs.getString("issuer"), rs.getObject("valid_from", LocalDate.class),
            rs.getObject("valid_to", LocalDate.class));

    JsonObject toJson() {
        return new JsonObject().put("product", new JsonObject().put("zh", productZh).put("en", productEn))
                .put("producer", new JsonObject().put("zh", producerZh).put("en", producerEn))
                .put("province", province).put("city", city).put("county", county).put("division_code", divisionCode)
                .put("certificate_number", certificateNumber).put("issuer", issuer)
                .put("valid_from", validFrom.toString()).put("valid_to", validTo.toString());
    }
}
