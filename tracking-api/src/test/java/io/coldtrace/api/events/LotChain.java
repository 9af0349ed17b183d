package io.coldtrace.api.events;

import static io.coldtrace.api.testing.Http.expect;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.Seeds;
import io.coldtrace.api.testing.TestApi;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;

/**
 * A small cold chain of one organisation for lot tests: origin site {org}-o with rooms {org}-r1, {org}-r2 and a
 * pre-cooler {org}-pc, a truck compartment {org}-t1, a distribution centre {org}-dc with room {org}-d1; a farm, a
 * plot, a carrier and a buyer; product {org}-cabbage counted in kg. Events go through the API as an operator.
 */
public final class LotChain {
    public final String org;
    private final TestApi api;
    private final String token;
    private int n;

    public LotChain(TestApi api, String org) {
        this.api = api;
        this.org = org;
        Seeds s = api.seeds();
        s.org(org, org + " Ltd");
        s.site(org + "-o", org, "origin store", "origin_cold_store", "Asia/Shanghai");
        s.site(org + "-dc", org, "DC", "forward_warehouse", "Asia/Shanghai");
        s.profile(org + "-p", org, "chilled", "air", null, null, 5.0, null);
        for (String room : new String[] {"r1", "r2", "pc"}) {
            s.unit(org + "-" + room, org + "-o", "cold_room", "room " + room, "chilled", org + "-p");
        }
        s.unit(org + "-t1", org + "-o", "truck_compartment", "truck 1", "chilled", org + "-p");
        s.unit(org + "-d1", org + "-dc", "cold_room", "DC room", "chilled", org + "-p");
        s.party(org + "-farm", org, "farm", "500238");
        s.party(org + "-carrier", org, "carrier", "500103");
        s.party(org + "-buyer", org, "buyer", "500103");
        s.plot(org + "-plot", org, org + "-farm", 2.0);
        api.sql("""
                INSERT INTO product (id, org_id, name_zh, name_en, commodity, unit_of_measure, temp_class,
                    shelf_life_ref_c, shelf_life_days, q10) VALUES (?, ?, '白菜', 'Cabbage', 'cabbage', 'kg', 'chilled',
                    0, 14, 3)""", org + "-cabbage", org);
        this.token = api.token(Role.OPERATOR, org);
    }

    /** {@code hours} after {@code t0}, to the minute. */
    public static Instant after(Instant t0, double hours) {
        return t0.plus(java.time.Duration.ofMinutes(Math.round(hours * 60)));
    }

    /** The top-level fields naming unit {@code u} of this chain ({@code r1}, {@code t1}, …). */
    public JsonObject unit(String u) {
        return new JsonObject().put("unit_id", org + "-" + u);
    }

    public static JsonObject item(String lot, double quantity) {
        return new JsonObject().put("lot", lot).put("quantity", quantity).put("uom", "kg");
    }

    /** An output item: a new lot of this chain's product. */
    public JsonObject output(String lot, double quantity) {
        return item(lot, quantity).put("product_id", org + "-cabbage");
    }

    public static JsonArray items(JsonObject... items) {
        JsonArray a = new JsonArray();
        for (JsonObject i : items) {
            a.add(i);
        }
        return a;
    }

    /** An event of {@code type} at {@code at} with top-level {@code fields} and {@code body}, not yet posted. */
    public JsonObject event(String type, Instant at, JsonObject fields, JsonObject body) {
        return fields.copy().put("client_event_id", org + "-" + type + "-" + (++n)).put("type", type)
                .put("event_time", at.toString()).put("event_tz_offset", "+08:00").put("body", body);
    }

    public HttpResponse<Buffer> send(JsonObject event) {
        return api.http().post("/api/v1/events", token, event);
    }

    /** POSTs {@code events} to the bulk import in one request. */
    public HttpResponse<Buffer> bulk(JsonArray events) {
        return api.http().send(io.vertx.core.http.HttpMethod.POST, "/api/v1/events/bulk", token, events.encode());
    }

    public JsonObject post(String type, Instant at, JsonObject fields, JsonObject body) {
        return expect(send(event(type, at, fields, body)), 201);
    }

    public JsonObject harvest(String batch, double kg, Instant at) {
        return post("harvest", at, new JsonObject().put("plot_id", org + "-plot").put("party_id", org + "-farm"),
                new JsonObject().put("batch", batch).put("commodity", "cabbage").put("quantity", kg).put("uom", "kg")
                        .put("grower", new JsonObject().put("name", "Chen").put("phone", "13800000000")));
    }

    public JsonObject pack(String batch, double in, String lot, double out, String unit, Instant at) {
        return post("pack", at, new JsonObject().put("unit_id", org + "-" + unit), new JsonObject()
                .put("inputs", items(item(batch, in)))
                .put("outputs", items(item(lot, out).put("product_id", org + "-cabbage"))));
    }

    public JsonObject to(String type, String unit, Instant at, JsonObject... items) {
        return post(type, at, new JsonObject().put("unit_id", org + "-" + unit),
                new JsonObject().put("lots", items(items)));
    }

    /**
     * A chain with every event type, {@code h} giving the instant {@code hours} after the chain's start: harvest B1,
     * pre-cool, pack L1 in r1, store in r2, move to d1, store out, load t1, ship to the buyer with a delivery note,
     * unload at the DC, receive L9 from the farm (handover 3.5 °C), split L2 off L1, deliver L2, a loss of L1 and its
     * correction (5 kg weighed again as 4).
     */
    public void everyEventType(java.util.function.DoubleFunction<Instant> h) {
        harvest("B1", 100, h.apply(0));
        to("pre_cool", "pc", h.apply(1), item("B1", 100));
        pack("B1", 100, "L1", 100, "r1", h.apply(2));
        to("store_in", "r2", h.apply(10), item("L1", 100));
        to("move", "d1", h.apply(11), item("L1", 100));
        to("store_out", "d1", h.apply(12), item("L1", 100));
        to("load", "t1", h.apply(13), item("L1", 100));
        post("ship", h.apply(13.5), unit("t1"), new JsonObject().put("lots", items(item("L1", 100)))
                .put("to_party_id", org + "-buyer").put("documents", new JsonArray().add(new JsonObject()
                        .put("type", "delivery_note").put("id", "DN-2025-0042"))));
        post("unload", h.apply(16), unit("t1").put("site_id", org + "-dc"), new JsonObject().put("lots",
                items(item("L1", 100))));
        post("receive", h.apply(16.5), new JsonObject().put("site_id", org + "-dc").put("party_id", org + "-farm"),
                new JsonObject().put("acceptance", "accept").put("handover_temp_c", 3.5).put("outputs",
                        items(output("L9", 50))));
        post("transform", h.apply(17), new JsonObject().put("site_id", org + "-dc"), new JsonObject()
                .put("kind", "split").put("inputs", items(item("L1", 40))).put("outputs", items(output("L2", 40))));
        post("deliver", h.apply(20), new JsonObject().put("party_id", org + "-buyer"),
                new JsonObject().put("lots", items(item("L2", 40))));
        JsonObject loss = post("loss", h.apply(21), new JsonObject(), new JsonObject().put("lots",
                items(item("L1", 5))).put("reason", "spoiled"));
        post("correction", h.apply(22), new JsonObject().put("corrects_event_id", loss.getString("id"))
                .put("correction_reason", "weighed again"), new JsonObject().put("action", "replace")
                .put("event", new JsonObject().put("type", "loss").put("event_time", h.apply(21).toString())
                        .put("event_tz_offset", "+08:00").put("body", new JsonObject()
                                .put("lots", items(item("L1", 4))).put("reason", "spoiled"))));
    }

    /** What is of {@code lot} at each place now, "kind id=quantity" sorted. */
    public String holdings(String lot) {
        StringBuilder b = new StringBuilder();
        api.rows("""
                SELECT m.place_kind || ' ' || m.place_id || '=' || trim_scale(sum(m.delta)) FROM lot_movement m
                JOIN lot l ON l.id = m.lot_id WHERE l.org_id = ? AND l.code = ?
                GROUP BY m.place_kind, m.place_id HAVING sum(m.delta) <> 0 ORDER BY 1""", org, lot)
                .forEach(r -> b.append(b.isEmpty() ? "" : ", ").append(r));
        return b.toString();
    }
}
