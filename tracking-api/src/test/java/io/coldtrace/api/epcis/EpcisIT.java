package io.coldtrace.api.epcis;

import static io.coldtrace.api.events.LotChain.item;
import static io.coldtrace.api.events.LotChain.items;
import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.events.LotChain;
import io.coldtrace.api.testing.Seeds;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.telemetry.Reading;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** EPCIS 2.0 export of every event type: GS1's schema with formats enforced, the mapped fields, the routes. */
class EpcisIT {
    private static final Instant T0 = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
    private static final String GTIN = "09520123456788";
    private static TestApi api;
    private static Schema schema;
    private static LotChain w;

    @BeforeAll
    static void start() throws Exception {
        api = TestApi.start("epcis");
        try (InputStream in = EpcisIT.class.getResourceAsStream("/epcis/EPCIS-JSON-Schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, b -> b.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())).getSchema(in);
        }
        w = new LotChain(api, "ep");
        api.seeds().org("other", "Other Ltd");
        api.sql("UPDATE product SET gtin = ? WHERE id = 'ep-cabbage'", GTIN);
        api.sql("UPDATE party SET gln = '0123456789128' WHERE id = 'ep-farm'");
        Seeds.Device d = api.seeds().device("ep-dev1", "ep-o", 3600);
        api.seeds().bind(d, "ep-r1", h(-1), null);
        List<Reading> readings = new ArrayList<>();
        for (int i = -1; i < 30; i++) {
            readings.add(Reading.at(h(i)).air(i % 2 == 0 ? 2.0 : 4.5).build());
        }
        api.seeds().readings(d, readings);
        w.everyEventType(EpcisIT::h);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Instant h(double hours) {
        return LotChain.after(T0, hours);
    }

    private static JsonObject valid(String body) {
        assertThat(schema.validate(body, InputFormat.JSON)).isEmpty();
        return new JsonObject(body);
    }

    private static List<JsonObject> events(JsonObject doc) {
        assertThat(doc.getJsonArray("@context").getString(0)).isEqualTo(EpcisMapper.CONTEXT);
        List<JsonObject> out = new ArrayList<>();
        doc.getJsonObject("epcisBody").getJsonArray("eventList").forEach(o -> out.add((JsonObject) o));
        for (JsonObject e : out) {
            JsonObject unhashed = e.copy();
            unhashed.remove("eventID");
            unhashed.remove("errorDeclaration");
            assertThat(e.getString("eventID")).matches("ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0")
                    .isEqualTo(EventHash.id(unhashed, Extensions.NAMESPACES));
        }
        return out;
    }

    private static JsonObject byStep(List<JsonObject> events, String bizStep) {
        return events.stream().filter(e -> bizStep.equals(e.getString("bizStep"))).findFirst().orElseThrow();
    }

    @Test
    void aLotsExportCarriesItsAncestorsStepsAndCustodysSensorSummary() {
        String qa = api.token(Role.QA, "ep");
        String id = api.seeds().lotId("ep", "L2");
        var res = api.http().get("/api/v1/lots/" + id + "/epcis", qa);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.getHeader("content-type")).isEqualTo("application/ld+json");
        List<JsonObject> events = events(valid(res.bodyAsString()));
        assertThat(events.stream().map(e -> e.getString("bizStep")).toList()).containsExactly(
                "creating_class_instance", "other", "commissioning", "storing", "storing", "picking", "loading",
                "shipping", "unloading", "repackaging", "shipping");

        JsonObject harvest = byStep(events, "creating_class_instance");
        assertThat(harvest.getString("action")).isEqualTo("ADD");
        assertThat(harvest.getJsonObject("readPoint").getString("id")).endsWith("/id/ep/plot/ep-plot");
        assertThat(harvest.getJsonArray("quantityList").getJsonObject(0)).isEqualTo(new JsonObject()
                .put("epcClass", harvest.getJsonObject("readPoint").getString("id").replace("plot/ep-plot", "lot/B1"))
                .put("quantity", 100.0).put("uom", "KGM"));
        assertThat(harvest.getJsonObject("ilmd")).as("the batch's lot master data, in the project's namespace")
                .isEqualTo(new JsonObject().put("coldtrace:commodity", "cabbage").put("coldtrace:growerName", "Chen")
                        .put("coldtrace:growerPhone", "13800000000"));
        JsonObject pack = byStep(events, "commissioning");
        assertThat(pack.getString("type")).isEqualTo("TransformationEvent");
        assertThat(pack.getJsonArray("outputQuantityList").getJsonObject(0).getString("epcClass"))
                .isEqualTo("https://id.gs1.org/01/" + GTIN + "/10/L1");
        JsonObject split = byStep(events, "repackaging");
        assertThat(split.getJsonArray("outputQuantityList").getJsonObject(0)).isEqualTo(new JsonObject()
                .put("epcClass", "https://id.gs1.org/01/" + GTIN + "/10/L2").put("quantity", 40.0).put("uom", "KGM"));
        JsonObject ship = events.stream().filter(e -> e.containsKey("bizTransactionList")).findFirst().orElseThrow();
        assertThat(ship.getJsonArray("bizTransactionList").getJsonObject(0).getString("type")).isEqualTo("desadv");
        assertThat(ship.getJsonArray("bizTransactionList").getJsonObject(0).getString("bizTransaction"))
                .endsWith("/id/ep/doc/delivery_note/DN-2025-0042");
        assertThat(ship.getJsonArray("destinationList").getJsonObject(0).getString("destination"))
                .endsWith("/id/ep/party/ep-buyer");

        // the pack bore L1 in room 1, where the logger read 2.0 and 4.5 °C in turn: custody's leg, to the hundredth
        JsonObject custody = expect(api.http().get("/api/v1/lots/" + id + "/custody", qa), 200);
        JsonObject leg = custody.getJsonArray("legs").stream().map(o -> (JsonObject) o)
                .filter(l -> l.getJsonObject("place").getString("id").equals("ep-r1")).findFirst().orElseThrow();
        JsonObject sensor = pack.getJsonArray("sensorElementList").getJsonObject(0);
        JsonObject report = sensor.getJsonArray("sensorReport").getJsonObject(0);
        assertThat(report.getString("type")).isEqualTo("Temperature");
        assertThat(report.getString("uom")).isEqualTo("CEL");
        assertThat(report.getDouble("minValue")).isEqualTo(leg.getDouble("min_c")).isEqualTo(2.0);
        assertThat(report.getDouble("maxValue")).isEqualTo(leg.getDouble("max_c")).isEqualTo(4.5);
        assertThat(report.getDouble("meanValue")).isEqualTo(leg.getDouble("mean_c"));
        assertThat(sensor.getJsonObject("sensorMetadata").getString("startTime"))
                .isEqualTo(EpcisMapper.time(h(2), "+00:00"));
        assertThat(sensor.getJsonObject("sensorMetadata").getString("endTime"))
                .isEqualTo(EpcisMapper.time(h(10), "+00:00"));
        assertThat(sensor.getJsonObject("sensorMetadata").getString("rawData")).contains("/api/v1/units/ep-r1/history?");
        assertThat(byStep(events, "storing").containsKey("sensorElementList")).isFalse();

        assertError(api.http().get("/api/v1/lots/" + id + "/epcis", api.token(Role.QA, "other")), 404, null);
        assertThat(api.http().get("/api/v1/lots/" + id + "/epcis", api.token(Role.OPERATOR, "ep")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theRangeExportHasEveryEventTypeAndDeclaresTheCorrectedLoss() {
        String qa = api.token(Role.QA, "ep");
        String range = "/api/v1/epcis/events?GE_eventTime=" + h(-1) + "&LT_eventTime=" + h(30);
        List<JsonObject> events = events(valid(expect200(api.http().get(range, qa))));
        Set<String> steps = new TreeSet<>();
        events.forEach(e -> steps.add(e.getString("type") + " " + e.getString("bizStep")));
        assertThat(steps).contains("ObjectEvent creating_class_instance", "ObjectEvent receiving",
                "TransformationEvent commissioning", "TransformationEvent repackaging", "ObjectEvent destroying");
        JsonObject declared = events.stream().filter(e -> e.containsKey("errorDeclaration")).findFirst().orElseThrow();
        JsonObject original = events.stream().filter(e -> "destroying".equals(e.getString("bizStep"))
                && !e.containsKey("errorDeclaration")).findFirst().orElseThrow();
        assertThat(declared.getString("eventID")).isEqualTo(original.getString("eventID"));
        String corrective = declared.getJsonObject("errorDeclaration").getJsonArray("correctiveEventIDs").getString(0);
        JsonObject replacement = events.stream().filter(e -> e.getString("eventID").equals(corrective)
                && !e.containsKey("errorDeclaration")).findFirst().orElseThrow();
        assertThat(replacement.getJsonArray("quantityList").getJsonObject(0).getDouble("quantity")).isEqualTo(4.0);
        JsonObject receive = events.stream().filter(e -> "receiving".equals(e.getString("bizStep"))).findFirst()
                .orElseThrow();
        assertThat(receive.getJsonArray("sourceList").getJsonObject(0).getString("source"))
                .isEqualTo("https://id.gs1.org/417/0123456789128");
        // the handover temperature check the receive recorded, at its time
        assertThat(receive.getJsonArray("sensorElementList")).containsExactly(new JsonObject()
                .put("sensorMetadata", new JsonObject().put("time", receive.getString("eventTime")))
                .put("sensorReport", new JsonArray().add(new JsonObject().put("type", "Temperature")
                        .put("value", 3.5).put("uom", "CEL"))));

        List<JsonObject> transformations = events(valid(expect200(api.http().get(range
                + "&eventType=TransformationEvent", qa))));
        assertThat(transformations).hasSize(2).allMatch(e -> e.getString("type").equals("TransformationEvent"));
        List<JsonObject> l2 = events(valid(expect200(api.http().get(range + "&MATCH_anyEPC=https://id.gs1.org/01/"
                + GTIN + "/10/L2&EQ_bizStep=shipping", qa))));
        assertThat(l2).hasSize(1);

        assertError(api.http().get("/api/v1/epcis/events?LT_eventTime=" + h(30), qa), 400, "GE_eventTime");
        assertError(api.http().get(range + "&eventType=Shipment", qa), 400, "eventType");
        assertError(api.http().get(range + "&MATCH_anyEPC=L2", qa), 400, "MATCH_anyEPC");
        assertError(api.http().get(range + "&limit=5", qa), 400, "limit");
        assertError(api.http().get("/api/v1/epcis/events?GE_eventTime=" + h(3) + "&LT_eventTime=" + h(2), qa), 400,
                "LT_eventTime");
        // another organisation's QA gets an empty, valid document
        assertThat(events(valid(expect200(api.http().get(range, api.token(Role.QA, "other"))))))
                .isEmpty();
    }

    /** Opt-in ({@code -Dcoldtrace.bench=true}): the range export's rate over a few thousand moves; printed, not judged. */
    @Test
    void exportRate() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("coldtrace.bench"));
        LotChain b = new LotChain(api, "bench");
        b.harvest("B1", 100, h(0));
        b.pack("B1", 100, "L1", 100, "r1", h(0.1));
        int n = 0;
        for (int batch = 0; batch < 3; batch++) {
            JsonArray moves = new JsonArray();
            for (int i = 0; i < 1000; i++, n++) {
                moves.add(b.event("move", h(1 + n * 0.01), b.unit(n % 2 == 0 ? "r2" : "r1"),
                        new JsonObject().put("lots", items(item("L1", 100)))));
            }
            assertThat(b.bulk(moves).statusCode()).isEqualTo(201);
        }
        String qa = api.token(Role.QA, "bench");
        String range = "/api/v1/epcis/events?GE_eventTime=" + h(-1) + "&LT_eventTime=" + h(100);
        for (int run = 0; run < 3; run++) {
            long t = System.nanoTime();
            String body = expect200(api.http().get(range, qa));
            double s = (System.nanoTime() - t) / 1e9;
            int events = events(valid(body)).size();
            System.out.printf("EPCIS range export: %d events, %d bytes in %.3f s (%.0f events/s)%n",
                    events, body.length(), s, events / s);
        }
    }

    private static String expect200(io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> r) {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r.bodyAsString();
    }
}
