package io.coldtrace.api.trace;

import static io.coldtrace.api.events.LotChain.item;
import static io.coldtrace.api.events.LotChain.items;
import static io.coldtrace.api.testing.Http.expect;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.events.LotChain;
import io.coldtrace.api.testing.Seeds;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.telemetry.Reading;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A lot's whole life for the buyer's page, with every kind of private record in it: a harvest by a cooperative of a
 * poverty-alleviated county (the grower's phone recorded), pre-cooling, packing, a cold room (a move voided by a
 * correction with its reason), a loss with a note, a truck with a 40-minute excursion, a shipment and a receipt with
 * document ids, a split at the distribution centre, deliveries of the sister lot to two other buyers and of the lot
 * to its own buyer, events recorded by named people, devices with external ids in the rooms. The page is of L1-a.
 */
final class TraceWorld {
    /** What must never show on the public page or its JSON. */
    static final List<String> PRIVATE = List.of("13800000000", "叉车压坏三箱，小李负责", "forklift",
            "录错冷库，小王改正", "DN-SECRET-0042", "INV-8800-PRICE", "王小明 night shift",
            "永辉超市福田店", "Other Buyer One",
            "市机关第二食堂", "Other Buyer Two", "Own Buyer 丙", "137.125", "42.375", "org_id", "recorded_by");

    /** The private strings of this world: {@link #PRIVATE} and the names of the tokens that recorded events. */
    List<String> privateStrings() {
        List<String> all = new java.util.ArrayList<>(PRIVATE);
        all.add(org + " operator");
        all.add(org + " qa");
        all.add("dev-EXT-7781-" + org);
        all.add("dev-EXT-7782-" + org);
        all.add("dev-EXT-7783-" + org);
        return all;
    }

    final LotChain chain;
    final String org;
    final Instant t0;
    final String traceCode;
    final String lotId;

    TraceWorld(TestApi api, String org) {
        this.org = org;
        this.t0 = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        this.chain = new LotChain(api, org);
        Seeds s = api.seeds();
        api.sql("""
                UPDATE party SET kind = 'cooperative', name_zh = '红池坝蔬菜专业合作社',
                    name_en = 'Hongchiba Vegetable Cooperative', province = '重庆市', county = '巫溪县',
                    poverty_alleviated_county = true WHERE id = ?""", org + "-farm");
        api.sql("UPDATE farm_plot SET name = '红池坝3号地块' WHERE id = ?", org + "-plot");
        api.sql("UPDATE unit SET name = '1号冷藏间' WHERE id = ?", org + "-r1");
        api.sql("UPDATE unit SET name = '预冷间' WHERE id = ?", org + "-pc");
        api.sql("UPDATE unit SET name = '冷藏车 渝A·12345' WHERE id = ?", org + "-t1");
        api.sql("UPDATE unit SET name = '珠海配送中心 冷藏区' WHERE id = ?", org + "-d1");
        api.sql("UPDATE site SET name = '巫溪产地冷库' WHERE id = ?", org + "-o");
        api.sql("UPDATE site SET name = '珠海配送中心' WHERE id = ?", org + "-dc");
        // the cold store is in Wuxi county, the distribution centre in Zhuhai's Xiangzhou district
        api.sql("UPDATE site SET division_code = '500238' WHERE id = ?", org + "-o");
        api.sql("UPDATE site SET division_code = '440402' WHERE id = ?", org + "-dc");
        buyer(api, org + "-bx", "永辉超市福田店 Other Buyer One");
        buyer(api, org + "-by", "市机关第二食堂 Other Buyer Two");
        buyer(api, org + "-own", "Own Buyer 丙超市");
        // certifications: the cooperative's green food (valid), its superseded predecessor (hidden), the product's
        // organic certificate that expired yesterday
        LocalDate today = LocalDate.now(TraceReader.CHINA);
        s.certification(org + "-gf-old", org, org + "-farm", null, "green_food", today.minusYears(3),
                today.plusYears(1));
        api.sql("""
                INSERT INTO certification (id, org_id, party_id, kind, number, issuer, valid_from, valid_to, supersedes)
                VALUES (?, ?, ?, 'green_food', 'LB-45-2411-0099', '中国绿色食品发展中心', ?, ?, ?)""",
                org + "-gf", org, org + "-farm", today.minusMonths(1), today.plusYears(2), org + "-gf-old");
        s.certification(org + "-org", org, null, org + "-cabbage", "organic", today.minusYears(1),
                today.minusDays(1));
        // devices in the rooms and the truck: room 1 at 2–4 °C, the truck with a 40-minute excursion, the DC at 3 °C
        Seeds.Device r1 = s.device("dev-EXT-7781-" + org + "-r1", org + "-o", 600);
        Seeds.Device t1 = s.device("dev-EXT-7782-" + org + "-t1", org + "-o", 600);
        Seeds.Device d1 = s.device("dev-EXT-7783-" + org + "-d1", org + "-dc", 600);
        s.bind(r1, org + "-r1", h(-1), null);
        s.bind(t1, org + "-t1", h(-1), null);
        s.bind(d1, org + "-d1", h(-1), null);
        s.readings(r1, Seeds.every(h(0), h(22), Duration.ofMinutes(10))
                .map(t -> Reading.at(t).air(3 + Math.sin(t.getEpochSecond() / 7200.0)).build()).toList());
        s.readings(t1, Seeds.every(h(20), h(26), Duration.ofMinutes(10)).map(t -> Reading.at(t)
                .air(!t.isBefore(h(22)) && t.isBefore(h(22).plus(Duration.ofMinutes(40))) ? 9.5 : 4.0).build())
                .toList());
        s.readings(d1, Seeds.every(h(27), h(60), Duration.ofMinutes(10))
                .map(t -> Reading.at(t).air(3.0).build()).toList());

        String named = api.seeds().token(Role.OPERATOR, org, "王小明 night shift").secret();
        chain.harvest("B1", 1000, h(0));
        expect(api.http().post("/api/v1/events", named, chain.event("pre_cool", h(1),
                new JsonObject().put("unit_id", org + "-pc"), new JsonObject().put("lots", items(item("B1", 1000))))),
                201);
        chain.pack("B1", 1000, "L1", 900, "pc", h(3));
        chain.to("store_in", "r1", h(4), item("L1", 900));
        JsonObject wrong = chain.to("move", "r2", h(6), item("L1", 900));
        expect(api.http().post("/api/v1/events", api.token(Role.QA, org), chain.event("correction", h(6.5),
                new JsonObject().put("corrects_event_id", wrong.getString("id"))
                        .put("correction_reason", "录错冷库，小王改正"), new JsonObject().put("action", "void"))), 201);
        chain.post("loss", h(10), new JsonObject(), new JsonObject().put("reason", "damaged")
                .put("note", "叉车压坏三箱，小李负责 (forklift)").put("lots", items(item("L1", 10))));
        chain.to("load", "t1", h(20), item("L1", 890));
        chain.post("ship", h(20.5), new JsonObject().put("unit_id", org + "-t1"), new JsonObject()
                .put("to_party_id", org + "-carrier").put("lots", items(item("L1", 890))).put("documents",
                        new JsonArray().add(new JsonObject().put("type", "delivery_note").put("id", "DN-SECRET-0042"))));
        chain.post("receive", h(26), new JsonObject().put("site_id", org + "-dc").put("party_id", org + "-carrier"),
                new JsonObject().put("acceptance", "accept").put("handover_temp_c", 3.4)
                        .put("lots", items(item("L1", 890))).put("documents", new JsonArray()
                                .add(new JsonObject().put("type", "invoice").put("id", "INV-8800-PRICE"))));
        chain.post("transform", h(26.5), new JsonObject().put("site_id", org + "-dc"), new JsonObject()
                .put("kind", "split").put("inputs", items(item("L1", 890)))
                .put("outputs", items(item("L1-a", 600).put("product_id", org + "-cabbage"),
                        item("L1-b", 290).put("product_id", org + "-cabbage"))));
        chain.to("store_in", "d1", h(27), item("L1-a", 600));
        chain.post("deliver", h(30), new JsonObject().put("party_id", org + "-bx"),
                new JsonObject().put("lots", items(item("L1-b", 137.125))));
        chain.post("deliver", h(31), new JsonObject().put("party_id", org + "-by"),
                new JsonObject().put("lots", items(item("L1-b", 42.375))));
        chain.post("deliver", h(40), new JsonObject().put("party_id", org + "-own"),
                new JsonObject().put("lots", items(item("L1-a", 200))));
        this.lotId = s.lotId(org, "L1-a");
        this.traceCode = s.traceCode(lotId);
    }

    private static void buyer(TestApi api, String id, String name) {
        api.seeds().party(id, id.substring(0, id.indexOf('-')), "buyer", "440400");
        api.sql("UPDATE party SET name_zh = ?, name_en = ? WHERE id = ?", name, name, id);
    }

    Instant h(double hours) {
        return t0.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }
}
