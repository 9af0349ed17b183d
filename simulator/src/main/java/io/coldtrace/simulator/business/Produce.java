package io.coldtrace.simulator.business;

import com.fasterxml.jackson.databind.JsonNode;
import io.coldtrace.simulator.provision.TraceBlueprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the world's growers harvest and how it is packed: a provisioned product (from {@link TraceBlueprint}), the
 * grower that grows it, its plots, and how many kilograms go into one unit of the product (a 5 kg carton of kiwifruit,
 * a 25 kg bag of potatoes). Frozen dumplings are not harvested and have none.
 */
record Produce(String productId, String code, String commodity, String uom, String tempClass, String growerId,
               List<String> plotIds, int kgPerUnit) {
    /** commodity → grower suffix, kilograms per packed unit, a three-letter lot code prefix. */
    private record Packing(String grower, int kgPerUnit, String code) {
    }

    private static final Map<String, Packing> PACKING = Map.of(
            "kiwifruit", new Packing("coop-youyang", 5, "KIW"),
            "potato", new Packing("coop-wuxi", 25, "POT"),
            "apple", new Packing("farm-hunyuan", 10, "APL"),
            "leafy_greens", new Packing("farm-fangshan", 8, "LFG"),
            "sweet_potato", new Packing("coop-wuxi", 20, "SWP"));

    static List<Produce> of(TraceBlueprint trace, String orgId) {
        List<Produce> out = new ArrayList<>();
        for (JsonNode p : trace.products()) {
            Packing k = PACKING.get(p.get("commodity").asText());
            if (k == null) {
                continue;
            }
            String grower = orgId + "-" + k.grower();
            List<String> plots = trace.plots().stream().filter(x -> x.get("party_id").asText().equals(grower))
                    .map(x -> x.get("id").asText()).toList();
            out.add(new Produce(p.get("id").asText(), k.code(), p.get("commodity").asText(),
                    p.get("unit_of_measure").asText(), p.get("temp_class").asText(), grower, plots, k.kgPerUnit()));
        }
        return out;
    }
}
