package io.coldtrace.api.trace;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything the buyer's page shows, and nothing else: the HTML ({@link TracePage}) and the JSON ({@link #toJson})
 * are both made from this, so they cannot disagree and neither can show a field that is not here.
 */
record TraceView(String traceCode, String lotCode, Product product, OffsetDateTime packedAt, boolean withdrawn,
                 Recall recall,
                 List<Origin> origins, List<Cert> certifications, List<Step> journey, Shelf shelfLife,
                 Verification record, Band band) {

    /** The lot is in the scope of a recall case that was recalled (not a drill, not only opened), since {@code since}. */
    record Recall(LocalDate since) {
        static final String ZH = "召回通知：此批次已被召回，请勿食用，请退回购买处。";
        static final String EN = "Recall notice: this lot has been recalled. Do not eat it; return it to where you "
                + "bought it.";

        JsonObject toJson() {
            return new JsonObject().put("recalled", true).put("since", since.toString()).put("message_zh", ZH)
                    .put("message_en", EN);
        }

        /**
         * What {@code /t/{code}/recall.json} answers: the lot's trace code, whether it is recalled and since when
         * ({@code since} null: it is not), and the page's notice, or that there is none.
         */
        static JsonObject status(String traceCode, LocalDate since) {
            JsonObject o = new JsonObject().put("trace_code", traceCode);
            return since == null ? o.put("recalled", false).putNull("since").put("message_zh", "此批次没有召回通知。")
                    .put("message_en", "There is no recall notice for this lot.")
                    : o.mergeIn(new Recall(since).toJson());
        }
    }

    record Product(String nameZh, String nameEn, String commodity, String variety) {
        JsonObject toJson() {
            return new JsonObject().put("name_zh", nameZh).put("name_en", nameEn).put("commodity", commodity)
                    .put("variety", variety);
        }
    }

    /** A harvest the lot came from: the farm or cooperative, its region and assistance marks, plot, date, grower. */
    record Origin(String partyKind, String nameZh, String nameEn, String province, String city, String county,
                  boolean povertyAlleviatedCounty, boolean pairedAssistanceCounty, String plot, LocalDate harvested,
                  String grower) {
        JsonObject toJson() {
            return new JsonObject().put("party_kind", partyKind).put("name_zh", nameZh).put("name_en", nameEn)
                    .put("province", province).put("city", city).put("county", county)
                    .put("poverty_alleviated_county", povertyAlleviatedCounty)
                    .put("paired_assistance_county", pairedAssistanceCounty).put("plot", plot)
                    .put("harvest_date", harvested == null ? null : harvested.toString()).put("grower", grower);
        }
    }

    /** A certification and its status today: valid, expired or not yet valid (never "valid" when expired). */
    record Cert(String kind, String number, String issuer, LocalDate validFrom, LocalDate validTo, String status) {
        JsonObject toJson() {
            return new JsonObject().put("kind", kind).put("number", number).put("issuer", issuer)
                    .put("valid_from", validFrom.toString()).put("valid_to", validTo.toString()).put("status", status);
        }
    }

    /** The verdict of a leg, as custody says it (status and the sentence in both languages). */
    record Verdict(String status, String en, String zh) {
        JsonObject toJson() {
            return new JsonObject().put("status", status).put("en", en).put("zh", zh);
        }
    }

    /** A leg's temperatures, downsampled: x from 0 (leg start) to 1 (leg end), mean, min and max per point. */
    record Chart(List<double[]> points) {
        JsonArray toJson() {
            JsonArray a = new JsonArray();
            for (double[] p : points) {
                a.add(new JsonArray().add(round(p[0], 4)).add(round(p[1], 2)).add(round(p[2], 2)).add(round(p[3], 2)));
            }
            return a;
        }
    }

    /**
     * A step of the journey: a leg of custody (harvest, pre-cooling, packing, cold store, transport, a site) or a
     * hand-over (shipped, received, delivered to a buyer, named by its type only).
     */
    record Step(String kind, String placeName, String siteName, String city, OffsetDateTime from, OffsetDateTime to,
                boolean current, String partyType, Double handoverC, String acceptance, Verdict verdict,
                Chart chart) {
        JsonObject toJson() {
            return new JsonObject().put("kind", kind).put("place", placeName).put("site", siteName).put("city", city)
                    .put("from", from == null ? null : from.toString()).put("to", to == null ? null : to.toString())
                    .put("current", current).put("party_type", partyType).put("handover_temp_c", handoverC)
                    .put("acceptance", acceptance).put("verdict", verdict == null ? null : verdict.toJson())
                    .put("chart", chart == null ? null : chart.toJson());
        }
    }

    /** Remaining shelf life in days at the planned storage temperature, and the predicted expiry date. */
    record Shelf(double remainingDays, double plannedC, LocalDate predictedExpiry) {
        JsonObject toJson() {
            return new JsonObject().put("remaining_days", round(remainingDays, 1)).put("planned_c", plannedC)
                    .put("predicted_expiry", predictedExpiry.toString());
        }
    }

    /** Whether the lot's events recompute to their hashes and link to their chain. */
    record Verification(boolean verified, int eventsChecked) {
        JsonObject toJson() {
            return new JsonObject().put("verified", verified).put("events_checked", eventsChecked);
        }
    }

    /** The product's temperature band (either side may be open). */
    record Band(String tempClass, Double low, Double high) {
        JsonObject toJson() {
            return new JsonObject().put("temp_class", tempClass).put("low_c", low).put("high_c", high);
        }
    }

    /** How many legs got each verdict: kept, excursion, partial, unmonitored (the page's cold-chain summary). */
    java.util.Map<String, Integer> coldChain() {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (String status : new String[] {"kept", "excursion", "partial", "unmonitored"}) {
            counts.put(status, 0);
        }
        journey.stream().filter(s -> s.verdict() != null)
                .forEach(s -> counts.merge(s.verdict().status(), 1, Integer::sum));
        return counts;
    }

    JsonObject toJson() {
        JsonObject chain = new JsonObject();
        coldChain().forEach(chain::put);
        JsonArray o = new JsonArray();
        origins.forEach(x -> o.add(x.toJson()));
        JsonArray c = new JsonArray();
        certifications.forEach(x -> c.add(x.toJson()));
        JsonArray j = new JsonArray();
        journey.forEach(x -> j.add(x.toJson()));
        return new JsonObject().put("trace_code", traceCode).put("lot", lotCode).put("product", product.toJson())
                .put("packed_at", packedAt == null ? null : packedAt.toString()).put("withdrawn", withdrawn)
                .put("recall", recall == null ? null : recall.toJson())
                .put("band", band.toJson()).put("cold_chain", chain).put("origins", o).put("certifications", c)
                .put("journey", j)
                .put("shelf_life", shelfLife == null ? null : shelfLife.toJson()).put("record", record.toJson());
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
