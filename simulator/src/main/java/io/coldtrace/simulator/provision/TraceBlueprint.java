package io.coldtrace.simulator.provision;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coldtrace.core.json.Json;
import io.coldtrace.simulator.physics.TemperatureClass;
import io.coldtrace.simulator.world.SimUnit;
import io.coldtrace.simulator.world.World;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The traceability master data of a world as tracking-api request bodies, in the order they must be created: parties
 * (the organisation's own cold-store operator, farms and cooperatives in the counties of domain.md section 6, a carrier
 * and two buyers in Zhuhai), products (regional produce of the temperature classes the world's units hold, each with a
 * Q10 shelf-life model) and the growers' farm plots. Ids are prefixed with the organisation's; plot positions and
 * areas follow the world's seed. Pure: no I/O.
 */
public record TraceBlueprint(List<ObjectNode> parties, List<ObjectNode> products, List<ObjectNode> plots) {
    /** Party kinds that hold farm plots (as tracking-api's). */
    public static final Set<String> GROWERS = Set.of("farm", "cooperative");

    public TraceBlueprint {
        parties = List.copyOf(parties);
        products = List.copyOf(products);
        plots = List.copyOf(plots);
    }

    /** A party: GB/T 2260 division code and names, and the two assistance flags. */
    private record PartySpec(String suffix, String kind, String buyerType, String nameZh, String nameEn,
                             String division, String province, String city, String county,
                             boolean povertyAlleviated, boolean pairedAssistance) {
    }

    /** A grower's plot area: the county seat's position; plots lie within about 10 km of it. */
    private record Grower(String suffix, String placeZh, String placeEn, double lat, double lon, int plots) {
    }

    /** A product with its Q10 shelf-life model: {@code days} at {@code refC}. */
    private record ProductSpec(String suffix, String nameZh, String nameEn, String commodity, String variety,
                               String unitOfMeasure, TemperatureClass cls, double refC, double days, double q10) {
    }

    private static final List<PartySpec> PARTIES = List.of(
            new PartySpec("operator", "cold_store_operator", null, "示范冷链冷库运营", "Demo cold chain cold-store "
                    + "operations", "440400", "广东省", "珠海市", null, false, false),
            new PartySpec("coop-wuxi", "cooperative", null, "巫溪县洋芋专业合作社", "Wuxi potato cooperative",
                    "500238", "重庆市", "重庆市", "巫溪县", true, true),
            new PartySpec("coop-youyang", "cooperative", null, "酉阳县猕猴桃专业合作社", "Youyang kiwifruit cooperative",
                    "500242", "重庆市", "重庆市", "酉阳土家族苗族自治县", true, true),
            new PartySpec("farm-hunyuan", "farm", null, "浑源县恒山果蔬农场", "Hunyuan Hengshan fruit and vegetable farm",
                    "140225", "山西省", "大同市", "浑源县", true, false),
            new PartySpec("farm-fangshan", "farm", null, "房山区蔬菜种植农场", "Fangshan vegetable farm",
                    "110111", "北京市", "北京市", "房山区", false, false),
            new PartySpec("carrier", "carrier", null, "珠海冷链运输有限公司", "Zhuhai cold chain logistics",
                    "440400", "广东省", "珠海市", null, false, false),
            new PartySpec("buyer-supermarket", "buyer", "supermarket", "珠海香洲生鲜超市", "Zhuhai Xiangzhou fresh "
                    + "supermarket", "440402", "广东省", "珠海市", "香洲区", false, false),
            new PartySpec("buyer-canteen", "buyer", "canteen", "珠海市机关食堂", "Zhuhai government canteen",
                    "440402", "广东省", "珠海市", "香洲区", false, false));

    private static final List<Grower> GROWER_PLACES = List.of(
            new Grower("coop-wuxi", "巫溪", "Wuxi", 31.398, 109.570, 2),
            new Grower("coop-youyang", "酉阳", "Youyang", 28.841, 108.768, 2),
            new Grower("farm-hunyuan", "浑源", "Hunyuan", 39.699, 113.698, 1),
            new Grower("farm-fangshan", "房山", "Fangshan", 39.735, 115.993, 1));

    private static final List<ProductSpec> PRODUCTS = List.of(
            new ProductSpec("kiwifruit", "猕猴桃", "Kiwifruit", "kiwifruit", "红心 Hongyang", "carton",
                    TemperatureClass.CHILLED, 0.0, 90.0, 3.0),
            new ProductSpec("potato", "马铃薯", "Potatoes", "potato", null, "bag",
                    TemperatureClass.CHILLED, 4.0, 150.0, 2.0),
            new ProductSpec("apple", "苹果", "Apples", "apple", "富士 Fuji", "carton",
                    TemperatureClass.CHILLED, 0.0, 120.0, 2.5),
            new ProductSpec("leafy-greens", "叶菜", "Leafy greens", "leafy_greens", null, "crate",
                    TemperatureClass.CHILLED, 0.0, 14.0, 3.0),
            new ProductSpec("dumplings", "速冻水饺", "Frozen dumplings", "dumplings", "猪肉白菜 Pork and cabbage",
                    "carton", TemperatureClass.FROZEN, -18.0, 365.0, 2.0),
            new ProductSpec("sweet-potato", "红薯", "Sweet potatoes", "sweet_potato", null, "bag",
                    TemperatureClass.COOL, 13.0, 120.0, 2.0));

    public static TraceBlueprint of(World world, String orgId) {
        List<ObjectNode> parties = new ArrayList<>();
        for (PartySpec p : PARTIES) {
            ObjectNode n = Json.mapper().createObjectNode()
                    .put("id", orgId + "-" + p.suffix())
                    .put("org_id", orgId)
                    .put("kind", p.kind());
            if (p.buyerType() != null) {
                n.put("buyer_type", p.buyerType());
            } else {
                n.putNull("buyer_type");
            }
            n.put("name_zh", p.nameZh()).put("name_en", p.nameEn())
                    .put("division_code", p.division()).put("province", p.province()).put("city", p.city());
            if (p.county() != null) {
                n.put("county", p.county());
            } else {
                n.putNull("county");
            }
            parties.add(n.put("poverty_alleviated_county", p.povertyAlleviated())
                    .put("paired_assistance_county", p.pairedAssistance()));
        }
        Set<TemperatureClass> held = EnumSet.noneOf(TemperatureClass.class);
        world.units().stream().map(SimUnit::temperatureClass).forEach(held::add);
        List<ObjectNode> products = new ArrayList<>();
        for (ProductSpec p : PRODUCTS) {
            if (!held.contains(p.cls())) {
                continue;
            }
            ObjectNode n = Json.mapper().createObjectNode()
                    .put("id", orgId + "-" + p.suffix())
                    .put("org_id", orgId)
                    .put("name_zh", p.nameZh())
                    .put("name_en", p.nameEn())
                    .put("commodity", p.commodity());
            if (p.variety() != null) {
                n.put("variety", p.variety());
            } else {
                n.putNull("variety");
            }
            products.add(n.put("unit_of_measure", p.unitOfMeasure())
                    .put("temp_class", LimitProfiles.label(p.cls()))
                    .put("shelf_life_ref_c", p.refC())
                    .put("shelf_life_days", p.days())
                    .put("q10", p.q10()));
        }
        List<ObjectNode> plots = new ArrayList<>();
        for (Grower g : GROWER_PLACES) {
            SplittableRandom r = new SplittableRandom(world.config().seed() * 31 + g.suffix().hashCode());
            for (int i = 1; i <= g.plots(); i++) {
                plots.add(Json.mapper().createObjectNode()
                        .put("id", orgId + "-" + g.suffix() + "-p" + i)
                        .put("org_id", orgId)
                        .put("party_id", orgId + "-" + g.suffix())
                        .put("name", g.placeZh() + i + "号地块 " + g.placeEn() + " plot " + i)
                        .put("lat", round(g.lat() + (r.nextDouble() - 0.5) * 0.15, 10_000))
                        .put("lon", round(g.lon() + (r.nextDouble() - 0.5) * 0.15, 10_000))
                        .put("area_ha", round(0.5 + r.nextDouble() * 19.5, 100)));
            }
        }
        return new TraceBlueprint(parties, products, plots);
    }

    private static double round(double v, int scale) {
        return Math.round(v * scale) / (double) scale;
    }
}
