package io.coldtrace.api.events;

import static io.coldtrace.api.events.LotChain.item;
import static io.coldtrace.api.events.LotChain.items;
import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.TestApi;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bulk import writes its rows with COPY, sending events while it links the next ones: what it stores is what
 * single POSTs store, byte for byte, whatever characters the events carry, and a refusal half way through a COPY
 * stores nothing.
 */
class BulkCopyIT {
    /** Everything COPY's text format escapes or treats specially, JSON's escapes, and more than ASCII. */
    private static final String AWKWARD = "tab\there, line\nbreak\r\\ back\\slash \\N \\. \"quoted\" 冷链 白菜 🍎 \u0001"
            + " \u2028 \\u0041";
    private static final Instant T0 = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
    private static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.start("bulk-copy");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** A lot's journey whose free text is {@link #AWKWARD}: client ids, grower, variety, documents, notes. */
    private static JsonArray journey(LotChain w) {
        String o = w.org;
        JsonArray events = new JsonArray()
                .add(w.event("harvest", LotChain.after(T0, 0), new JsonObject().put("plot_id", o + "-plot")
                        .put("party_id", o + "-farm"), new JsonObject().put("batch", "B1").put("commodity", "cabbage")
                        .put("variety", AWKWARD).put("quantity", 1000.5).put("uom", "kg")
                        .put("grower", new JsonObject().put("name", AWKWARD).put("phone", "\\N"))))
                .add(w.event("pre_cool", LotChain.after(T0, 1), w.unit("pc"), new JsonObject()
                        .put("lots", items(item("B1", 1000.5))).put("probe_temp_c", 3.3)))
                .add(w.event("pack", LotChain.after(T0, 2), w.unit("pc"), new JsonObject()
                        .put("inputs", items(item("B1", 800)))
                        .put("outputs", items(item("L1", 800).put("product_id", o + "-cabbage")))))
                .add(w.event("load", LotChain.after(T0, 3), w.unit("t1"), new JsonObject().put("lots",
                        items(item("L1", 800)))))
                .add(w.event("ship", LotChain.after(T0, 4), w.unit("t1"), new JsonObject()
                        .put("to_party_id", o + "-buyer").put("lots", items(item("L1", 800)))
                        .put("documents", new JsonArray().add(new JsonObject().put("type", "delivery_note")
                                .put("id", AWKWARD)))))
                .add(w.event("receive", LotChain.after(T0, 9), new JsonObject().put("site_id", o + "-dc")
                        .put("party_id", o + "-carrier"), new JsonObject().put("acceptance", "accept")
                        .put("handover_temp_c", 0.1 + 0.2).put("lots", items(item("L1", 800)))))
                .add(w.event("loss", LotChain.after(T0, 10), new JsonObject(), new JsonObject().put("reason", "other")
                        .put("note", AWKWARD + AWKWARD).put("lots", items(item("L1", 0.125)))));
        for (int i = 0; i < events.size(); i++) {
            events.getJsonObject(i).put("client_event_id", AWKWARD + " #" + i);
        }
        return events;
    }

    /** What {@code org} stored, with its name taken out of the ids that carry it, and without the random trace codes. */
    private static List<String> stored(String org) {
        return api.rows("""
                SELECT replace(x, ?, 'ORG') FROM (
                    SELECT 1 AS t, seq AS n, ROW(client_event_id, type, event_time, event_tz_offset, site_id, unit_id,
                           plot_id, party_id, (body - 'assigned')::text, late_recorded)::text AS x
                    FROM trace_event WHERE org_id = ?
                    UNION ALL SELECT 2, 0, ROW(code, kind, product_id, commodity, variety, uom, quantity, born_at,
                           plot_id, site_id, unit_id, grower_name, grower_phone, length(trace_code))::text
                    FROM lot WHERE org_id = ?
                    UNION ALL SELECT 3, m.id, ROW(l.code, m.at, m.place_kind, m.place_id, m.delta, m.reason)::text
                    FROM lot_movement m JOIN lot l ON l.id = m.lot_id WHERE m.org_id = ?
                    UNION ALL SELECT 4, 0, ROW(p.code, c.code, k.quantity)::text FROM lot_link k
                    JOIN lot p ON p.id = k.parent_lot_id JOIN lot c ON c.id = k.child_lot_id WHERE c.org_id = ?
                    UNION ALL SELECT 5, h.id, ROW(l.code, h.kind, h.at, h.party_id, h.quantity, h.acceptance, h.rejected,
                           h.handover_temp_c)::text
                    FROM lot_handover h JOIN lot l ON l.id = h.lot_id WHERE h.org_id = ?) r
                ORDER BY t, n, x""", org, org, org, org, org, org);
    }

    @Test
    void rowsStoredByCopyAreThoseSinglePostsStore() {
        LotChain bulk = new LotChain(api, "bcopy");
        LotChain single = new LotChain(api, "bsolo");
        JsonArray sent = journey(bulk);
        assertThat(expect(bulk.bulk(sent), 201).getInteger("created")).isEqualTo(7);
        journey(single).forEach(e -> expect(single.send((JsonObject) e), 201));

        List<String> byCopy = stored("bcopy");
        // 7 events; lots B1 and L1; movements: born 1, pre-cooled 2, packed 2 + born 1, loaded 2, received 2, lost 2;
        // one link; hand-overs of the ship and the receive
        assertThat(byCopy).hasSize(7 + 2 + 12 + 1 + 2).isEqualTo(stored("bsolo"));
        // the awkward text is stored as it was sent, in the body and in the lot's columns
        assertThat(api.rows("SELECT client_event_id FROM trace_event WHERE org_id = 'bcopy' ORDER BY seq").get(0))
                .isEqualTo(AWKWARD + " #0");
        assertThat(api.rows("SELECT grower_name || '|' || variety || '|' || grower_phone FROM lot WHERE org_id = "
                + "'bcopy' AND code = 'B1'")).containsExactly(AWKWARD + "|" + AWKWARD + "|\\N");
        JsonObject loss = new JsonObject(api.rows("SELECT body::text FROM trace_event WHERE org_id = 'bcopy' AND type "
                + "= 'loss'").get(0));
        assertThat(loss).isEqualTo(sent.getJsonObject(6).getJsonObject("body"));
        assertThat(api.rows("SELECT handover_temp_c::text FROM lot_handover WHERE org_id = 'bcopy' AND kind = "
                + "'receive'")).containsExactly(String.valueOf(0.1 + 0.2));
        // and every hash verifies against the stored rows
        for (String org : List.of("bcopy", "bsolo")) {
            JsonObject verify = expect(api.http().get("/api/v1/events/verify", api.token(Role.QA, org)), 200);
            assertThat(verify.getBoolean("ok")).as(verify.encode()).isTrue();
            assertThat(verify.getInteger("events_checked")).isEqualTo(7);
        }
    }

    @Test
    void aRefusalWhileTheEventsAreBeingCopiedStoresNothingAndTheNextRequestIsStored() {
        LotChain w = new LotChain(api, "bstream");
        JsonArray events = new JsonArray()
                .add(w.event("harvest", LotChain.after(T0, 0), new JsonObject().put("plot_id", "bstream-plot")
                        .put("party_id", "bstream-farm"), new JsonObject().put("batch", "B1").put("commodity", "cabbage")
                        .put("quantity", 1000).put("uom", "kg").put("grower", new JsonObject().put("name", "Chen"))))
                .add(w.event("pre_cool", LotChain.after(T0, 1), w.unit("pc"), new JsonObject()
                        .put("lots", items(item("B1", 1000)))));
        // hundreds of kB of events: the COPY is open and rows are sent long before the last event is linked
        for (int i = 0; i < 300; i++) {
            if (i == 150) {
                // its output's external code is looked up then: the COPY is ended for that query and opened again
                events.add(w.event("pack", LotChain.after(T0, 2), w.unit("pc"), new JsonObject()
                        .put("inputs", items(item("B1", 100))).put("outputs", items(item("L1", 100)
                                .put("product_id", "bstream-cabbage").put("external_code", "EXT-bstream-1")))));
            }
            events.add(w.event("loss", LotChain.after(T0, 3), new JsonObject(), new JsonObject().put("reason", "sample")
                    .put("note", AWKWARD.repeat(10)).put("lots", items(item("B1", 1)))));
        }
        JsonArray tooMuch = events.copy().add(w.event("loss", LotChain.after(T0, 4), new JsonObject(),
                new JsonObject().put("reason", "spoiled").put("lots", items(item("B1", 1000)))));
        assertError(w.bulk(tooMuch), 422, "events[303].body.lots[0].quantity");
        for (String table : List.of("trace_event", "lot", "lot_movement", "lot_handover")) {
            assertThat(api.number("SELECT count(*) FROM " + table + " WHERE org_id = ?", "bstream")).as(table).isZero();
        }

        assertThat(expect(w.bulk(events), 201).getInteger("created")).isEqualTo(303);
        assertThat(w.holdings("B1")).isEqualTo("gone consumed=100, gone lost=300, unit bstream-pc=600");
        assertThat(api.rows("SELECT external_code FROM lot WHERE org_id = 'bstream' AND code = 'L1'"))
                .containsExactly("EXT-bstream-1");
        JsonObject verify = expect(api.http().get("/api/v1/events/verify", api.token(Role.QA, "bstream")), 200);
        assertThat(verify.getBoolean("ok")).as(verify.encode()).isTrue();
        assertThat(verify.getInteger("events_checked")).isEqualTo(303);
    }
}
