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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /api/v1/events/bulk: a chain of events in one request, with the rules and the refusals of a single POST. */
class BulkImportIT {
    private static TestApi api;
    private static final Instant T0 = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);

    @BeforeAll
    static void start() {
        api = TestApi.start("bulk-import");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Instant h(double hours) {
        return LotChain.after(T0, hours);
    }

    /** Harvest, pre-cool, pack L1, split it over two rooms, move some, ship, receive: each event uses the last. */
    private static JsonArray chain(LotChain w) {
        String o = w.org;
        return new JsonArray()
                .add(w.event("harvest", h(0), new JsonObject().put("plot_id", o + "-plot").put("party_id", o + "-farm"),
                        new JsonObject().put("batch", "B1").put("commodity", "cabbage").put("quantity", 1000)
                                .put("uom", "kg").put("grower", new JsonObject().put("name", "Chen"))))
                .add(w.event("pre_cool", h(1), w.unit("pc"), new JsonObject().put("lots", items(item("B1", 1000)))))
                .add(w.event("pack", h(2), w.unit("pc"), new JsonObject().put("inputs", items(item("B1", 800)))
                        .put("outputs", items(item("L1", 800).put("product_id", o + "-cabbage")))))
                .add(w.event("store_in", h(3), w.unit("r1"), new JsonObject().put("lots", items(item("L1", 500)))))
                .add(w.event("store_in", h(3), w.unit("r2"), new JsonObject().put("lots",
                        items(item("L1", 300).put("from_unit_id", o + "-pc")))))
                .add(w.event("move", h(4), w.unit("r2"), new JsonObject().put("lots", items(item("L1", 100)))))
                .add(w.event("load", h(5), w.unit("t1"), new JsonObject().put("lots",
                        items(item("L1", 400).put("from_unit_id", o + "-r2")))))
                .add(w.event("ship", h(5.5), w.unit("t1"), new JsonObject().put("to_party_id", o + "-buyer")
                        .put("lots", items(item("L1", 400)))))
                .add(w.event("receive", h(10), new JsonObject().put("site_id", o + "-dc").put("party_id",
                        o + "-carrier"), new JsonObject().put("acceptance", "accept").put("handover_temp_c", 3.2)
                        .put("lots", items(item("L1", 400).put("from_unit_id", o + "-t1")))));
    }

    private static long count(String sql, String org) {
        return api.number(sql, org);
    }

    @Test
    void aChainInOneRequestIsStoredInOrderAndARetryStoresNothingTwice() {
        LotChain w = new LotChain(api, "bulk");
        JsonArray events = chain(w);
        JsonObject first = expect(w.bulk(events), 201);
        assertThat(first.getInteger("created")).isEqualTo(9);
        assertThat(first.getInteger("existing")).isZero();
        assertThat(w.holdings("B1")).isEqualTo("gone consumed=800, unit bulk-pc=200");
        assertThat(w.holdings("L1")).isEqualTo("site bulk-dc=400, unit bulk-r1=400");
        // the events are chained in the request's order, each seq after the one before
        List<String> stored = api.rows("SELECT client_event_id FROM trace_event WHERE org_id = 'bulk' ORDER BY seq");
        List<String> sent = new ArrayList<>();
        events.forEach(e -> sent.add(((JsonObject) e).getString("client_event_id")));
        assertThat(stored).isEqualTo(sent);
        assertThat(api.rows("SELECT trim_scale(quantity)::text || ':' || handover_temp_c FROM lot_handover "
                + "WHERE org_id = 'bulk' AND kind = 'receive'")).containsExactly("400:3.2");

        JsonObject again = expect(w.bulk(events), 200);
        assertThat(again.getInteger("created")).isZero();
        assertThat(again.getInteger("existing")).isEqualTo(9);
        assertThat(again.getJsonArray("events").getJsonObject(4).getString("id"))
                .isEqualTo(first.getJsonArray("events").getJsonObject(4).getString("id"));
        assertThat(count("SELECT count(*) FROM trace_event WHERE org_id = ?", "bulk")).isEqualTo(9);
        assertThat(w.holdings("L1")).isEqualTo("site bulk-dc=400, unit bulk-r1=400");

        // a retry with more events after it: the known ones are found, the new ones appended after them
        JsonArray more = events.copy().add(w.event("loss", h(11), new JsonObject(), new JsonObject()
                .put("reason", "spoiled").put("lots", items(item("L1", 15).put("from_site_id", "bulk-dc")))));
        JsonObject third = expect(w.bulk(more), 201);
        assertThat(third.getInteger("created")).isEqualTo(1);
        assertThat(w.holdings("L1")).isEqualTo("gone lost=15, site bulk-dc=385, unit bulk-r1=400");

        JsonObject verify = expect(api.http().get("/api/v1/events/verify", api.token(Role.QA, "bulk")), 200);
        assertThat(verify.getBoolean("ok")).as(verify.encode()).isTrue();
        assertThat(verify.getInteger("events_checked")).isEqualTo(10);
    }

    @Test
    void aBadEventInTheMiddleIsNamedAndNothingOfTheRequestIsStored() {
        LotChain w = new LotChain(api, "bulkbad");
        JsonArray events = chain(w);
        // the fifth event takes 301 kg from the pre-cooler, which holds 300 of L1 then
        events.getJsonObject(4).getJsonObject("body").getJsonArray("lots").getJsonObject(0).put("quantity", 301);
        assertError(w.bulk(events), 422, "events[4].body.lots[0].quantity");
        assertThat(count("SELECT count(*) FROM trace_event WHERE org_id = ?", "bulkbad")).isZero();
        assertThat(count("SELECT count(*) FROM lot WHERE org_id = ?", "bulkbad")).isZero();
        assertThat(count("SELECT count(*) FROM lot_movement WHERE org_id = ?", "bulkbad")).isZero();

        // refusals before the lots too: an unknown unit, a malformed item, one organisation per request
        JsonArray unknownUnit = chain(w);
        unknownUnit.getJsonObject(3).put("unit_id", "bulkbad-nope");
        assertError(w.bulk(unknownUnit), 422, "events[3].unit_id");
        JsonArray notAnObject = chain(w).add(7);
        assertError(w.bulk(notAnObject), 422, "events[9]");
        JsonArray otherOrg = chain(w);
        otherOrg.getJsonObject(2).put("org_id", "someone-else");
        assertError(w.bulk(otherOrg), 422, "events[2].org_id");
        assertError(w.bulk(new JsonArray()), 422, "events");

        // one client_event_id for two different events in one request
        JsonArray twice = chain(w);
        twice.getJsonObject(6).put("client_event_id", twice.getJsonObject(5).getString("client_event_id"));
        assertError(w.bulk(twice), 409, "events[6].client_event_id");

        // the same request, corrected, is accepted whole
        events.getJsonObject(4).getJsonObject("body").getJsonArray("lots").getJsonObject(0).put("quantity", 300);
        assertThat(expect(w.bulk(events), 201).getInteger("created")).isEqualTo(9);
        assertThat(w.holdings("L1")).isEqualTo("site bulkbad-dc=400, unit bulkbad-r1=400");
    }

    @Test
    void aBackDatedEventThatLeavesALaterStepImpossibleIsRefusedAsOnePostWouldBe() {
        LotChain w = new LotChain(api, "bulklate");
        expect(w.bulk(chain(w)), 201);
        // room 1 held 500 from h3 and gave 100 to room 2 at h4: losing 450 at h3.5 was possible then, not later
        JsonArray late = new JsonArray()
                .add(w.event("loss", h(3.2), new JsonObject(), new JsonObject().put("reason", "damaged")
                        .put("lots", items(item("L1", 10).put("from_unit_id", "bulklate-r1")))))
                .add(w.event("loss", h(3.5), new JsonObject(), new JsonObject().put("reason", "damaged")
                        .put("lots", items(item("L1", 440).put("from_unit_id", "bulklate-r1")))));
        assertError(w.bulk(late), 422, "events[1].body.lots[0].quantity");
        // the same event alone through POST /api/v1/events is refused the same way
        assertError(w.send(late.getJsonObject(1)), 422, "body.lots[0].quantity");
        assertThat(w.holdings("L1")).isEqualTo("site bulklate-dc=400, unit bulklate-r1=400");
        // a correction in a request may name an event stored earlier in the same request
        JsonObject loss = late.getJsonObject(0);
        JsonArray corrected = new JsonArray().add(loss).add(w.event("correction", h(3.3), new JsonObject()
                .put("corrects_event_id", "00000000-0000-0000-0000-000000000000").put("correction_reason", "typo"),
                new JsonObject().put("action", "void")));
        assertError(w.bulk(corrected), 422, "events[1].corrects_event_id");
        JsonObject stored = expect(w.bulk(new JsonArray().add(loss)), 201);
        String lossId = stored.getJsonArray("events").getJsonObject(0).getString("id");
        assertThat(w.holdings("L1")).isEqualTo("gone lost=10, site bulklate-dc=400, unit bulklate-r1=390");
        JsonArray voidAndMove = new JsonArray()
                .add(w.event("correction", h(3.3), new JsonObject().put("corrects_event_id", lossId)
                        .put("correction_reason", "counted twice"), new JsonObject().put("action", "void")))
                .add(w.event("move", h(12), w.unit("d1"), new JsonObject().put("lots",
                        items(item("L1", 400).put("from_site_id", "bulklate-dc")))));
        assertThat(expect(w.bulk(voidAndMove), 201).getInteger("created")).isEqualTo(2);
        assertThat(w.holdings("L1")).isEqualTo("unit bulklate-d1=400, unit bulklate-r1=400");
        assertThat(expect(api.http().get("/api/v1/events/verify", api.token(Role.QA, "bulklate")), 200)
                .getBoolean("ok")).isTrue();
    }
}
