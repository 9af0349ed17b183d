package io.coldtrace.api.labels;

import static io.coldtrace.api.testing.Http.expect;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.Seeds;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.ids.TraceCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One organisation's packing line for label tests: origin site {org}-o with room {org}-r1; a farm in 巫溪县 (Wuxi
 * county, Chongqing) with plot {org}-plot; product {org}-plum (脆红李 / Crisp red plum, kg) with {@code gtin} or none.
 * Events go through the API as an operator, so lots are born by the real ledger.
 */
final class LabelWorld {
    final String org;
    final String operator;
    private final TestApi api;
    private int n;

    LabelWorld(TestApi api, String org, String gtin) {
        this.api = api;
        this.org = org;
        Seeds s = api.seeds();
        s.org(org, org + " Ltd");
        s.site(org + "-o", org, "origin store", "origin_cold_store", "Asia/Shanghai");
        s.profile(org + "-p", org, "chilled", "air", null, null, 5.0, null);
        s.unit(org + "-r1", org + "-o", "cold_room", "room 1", "chilled", org + "-p");
        api.sql("""
                INSERT INTO party (id, org_id, kind, name_zh, division_code, province, city, county,
                    poverty_alleviated_county) VALUES (?, ?, 'farm', '红池坝农场', '500238', '重庆市', NULL, '巫溪县', true)""",
                org + "-farm", org);
        s.plot(org + "-plot", org, org + "-farm", 2.0);
        api.sql("""
                INSERT INTO product (id, org_id, name_zh, name_en, commodity, gtin, unit_of_measure, temp_class,
                    shelf_life_ref_c, shelf_life_days, q10) VALUES (?, ?, '脆红李', 'Crisp red plum', 'plum', ?, 'kg',
                    'chilled', 0, 14, 3)""", org + "-plum", org, gtin);
        this.operator = api.token(Role.OPERATOR, org);
    }

    JsonObject post(String type, Instant at, JsonObject fields, JsonObject body) {
        JsonObject event = fields.copy().put("client_event_id", org + "-" + type + "-" + (++n)).put("type", type)
                .put("event_time", at.toString()).put("event_tz_offset", "+08:00").put("body", body);
        return expect(api.http().post("/api/v1/events", operator, event), 201);
    }

    JsonObject harvest(String batch, double kg, Instant at) {
        return post("harvest", at, new JsonObject().put("plot_id", org + "-plot").put("party_id", org + "-farm"),
                new JsonObject().put("batch", batch).put("commodity", "plum").put("quantity", kg).put("uom", "kg")
                        .put("grower", new JsonObject().put("name", "Chen").put("phone", "13800000000")));
    }

    /** Packs {@code kg} of the batch into each of {@code lots} (kg each) in room r1. */
    JsonObject pack(String batch, Instant at, double kg, String... lots) {
        JsonArray outputs = new JsonArray();
        for (String lot : lots) {
            outputs.add(item(lot, kg).put("product_id", org + "-plum"));
        }
        return post("pack", at, new JsonObject().put("unit_id", org + "-r1"), new JsonObject()
                .put("inputs", new JsonArray().add(item(batch, kg * lots.length))).put("outputs", outputs));
    }

    /** Goods received from outside: a lot with the supplier's code, born by the receive. */
    JsonObject receiveFromOutside(String lot, double kg, Instant at) {
        return post("receive", at, new JsonObject().put("site_id", org + "-o"), new JsonObject()
                .put("acceptance", "accept").put("handover_temp_c", 3.0)
                .put("outputs", new JsonArray().add(item(lot, kg).put("product_id", org + "-plum"))));
    }

    static JsonObject item(String lot, double kg) {
        return new JsonObject().put("lot", lot).put("quantity", kg).put("uom", "kg");
    }

    String lotId(String code) {
        return api.seeds().lotId(org, code);
    }

    TraceCode traceCode(String code) {
        return new TraceCode(api.seeds().traceCode(lotId(code)));
    }
}
